/**
 * A count with its noun: “1 question”, “3 questions”, “5,000 respondents”. Thousands are grouped as en-US does,
 * without toLocaleString, which loads ICU (26 ms of a 5,000-row import).
 */
export function plural(n: number, word: string): string {
  return `${String(n).replace(/\B(?=(\d{3})+$)/g, ',')} ${word}${n === 1 ? '' : 's'}`;
}

/** A count with its noun: “1 question”, “3 questions”. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

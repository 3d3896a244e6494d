// Matching what people typed (headers, cells, flags) to what the model says: case, spacing and
// punctuation do not count.

/** Lower case, NFKC, punctuation and symbols as spaces, spaces collapsed: "Net Promoter Score!" → "net promoter score". */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Answers that mean "not applicable" in a survey cell, normalised. */
export const NOT_APPLICABLE_WORDS: ReadonlySet<string> = new Set([
  'n a',
  'na',
  'not applicable',
  'does not apply',
  'doesn t apply',
  'not relevant',
  'not applicable to us',
]);

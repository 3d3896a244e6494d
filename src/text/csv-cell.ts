// CSV cells that a spreadsheet will not run: a cell that begins with =, +, -, @, a tab or a carriage return
// is a formula to Excel and LibreOffice (CSV injection). Written with a leading apostrophe, as OWASP
// recommends, and read back as the text it was. The mapping is one to one: a text that already begins with
// apostrophes before such a character gains one more, so that reading removes exactly the one added.

const NEEDS_APOSTROPHE = /^'*[=+\-@\t\r]/;
const ADDED_APOSTROPHE = /^'+[=+\-@\t\r]/;

/** The cell as written to a CSV file: safe to open in a spreadsheet. */
export function neutralizeCell(text: string): string {
  return NEEDS_APOSTROPHE.test(text) ? `'${text}` : text;
}

/** The text a cell written by neutralizeCell (or by a person who typed the apostrophe) stands for. */
export function restoreCell(cell: string): string {
  // most cells do not begin with an apostrophe: no regular expression for them
  return cell.charCodeAt(0) === 39 && ADDED_APOSTROPHE.test(cell) ? cell.slice(1) : cell;
}

/** One CSV field (RFC 4180): neutralised, then quoted when it holds a delimiter, a quote or a line break. */
export function csvField(text: string): string {
  const safe = neutralizeCell(text);
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record, CRLF-terminated as RFC 4180 and spreadsheets expect. */
export function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

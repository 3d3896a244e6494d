// The bytes of a responses file → text, by Node's own TextDecoder. The encoding is found from the bytes (a
// byte-order mark, else valid UTF-8) or named with --encoding; never from the file's name (Excel saves
// "Unicode text" as .txt). Bytes that no reading fits are a finding that names the flag to pass, and a
// reading that would turn characters into others (UTF-8 read as Windows-1252) is refused: never a silent
// mis-decoding.

import type { Finding } from '../domain/finding.js';
import { firstInvalidUtf8 } from '../load/source-file.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What --encoding accepts (lower case), and the encoding each name means. Latin-1 is read as its superset Windows-1252, as browsers do. */
const NAMES: ReadonlyMap<string, Encoding> = new Map([
  ['utf-8', 'utf-8'],
  ['utf8', 'utf-8'],
  ['utf-16le', 'utf-16le'],
  ['utf16le', 'utf-16le'],
  ['utf-16be', 'utf-16be'],
  ['utf16be', 'utf-16be'],
  ['windows-1252', 'windows-1252'],
  ['cp1252', 'windows-1252'],
  ['latin1', 'windows-1252'],
  ['iso-8859-1', 'windows-1252'],
]);

/** The encoding --encoding names, or undefined for a name cxm does not read. */
export function encodingNamed(name: string): Encoding | undefined {
  return NAMES.get(name.trim().toLowerCase());
}

export const ENCODING_CHOICES = 'utf-8, utf-16le, utf-16be or windows-1252';

const LABEL: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', 'windows-1252': 'Windows-1252' };

/** The encoding a byte-order mark at the start of the bytes announces. */
function byteOrderMark(bytes: Uint8Array): Encoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Windows-1252 leaves five bytes undefined; TextDecoder reads them as C1 controls, which no survey answer holds. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export type Decoded = { readonly text: string; readonly encoding: Encoding } | { readonly finding: Finding };

/** Line and column (1-based) of the character at `index` of `text`. */
function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

/** UTF-16 without its mark, by its zero bytes: ASCII letters in UTF-16LE are followed by a zero byte, in UTF-16BE preceded by one. */
function unmarkedUtf16(bytes: Uint8Array): Encoding | undefined {
  const head = bytes.subarray(0, 4000);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (odd + even < head.length / 8) return undefined;
  return odd > even * 4 ? 'utf-16le' : even > odd * 4 ? 'utf-16be' : undefined;
}

export function decodeResponses(file: string, bytes: Uint8Array, named?: Encoding): Decoded {
  const problem = (message: string, line = 1, column = 1): Decoded => ({
    finding: { file, line, column, severity: 'error', code: 'file-not-utf8', message, pointer: '' },
  });
  const mark = byteOrderMark(bytes);
  if (mark !== undefined && named !== undefined && named !== mark) {
    return problem(`the file begins with the byte-order mark of ${LABEL[mark]}, but --encoding names ${LABEL[named]}: leave --encoding out (the mark says how the file is written)`);
  }
  const encoding = mark ?? named ?? 'utf-8';
  const utf16 = mark === undefined && named === undefined ? unmarkedUtf16(bytes) : undefined;
  if (utf16 !== undefined) return problem(`the file holds a zero byte beside each letter: it looks like ${LABEL[utf16]} without its byte-order mark; pass --encoding ${utf16}`);
  let text: string;
  try {
    // the byte-order mark is not part of the text: TextDecoder drops it
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    if (encoding !== 'utf-8') {
      // UTF-16 with an odd number of bytes or a lone surrogate
      return problem(`the file is not valid ${LABEL[encoding]} (it ends mid-character or holds half a character pair): save it again from the spreadsheet`);
    }
    const at = firstInvalidUtf8(bytes);
    const where = position(Buffer.from(bytes.subarray(0, at)).toString('utf8'), at);
    const byte = `0x${(bytes[at] ?? 0).toString(16).padStart(2, '0').toUpperCase()}`;
    return problem(
      named === 'utf-8'
        ? `byte ${byte} (offset ${at}) is not UTF-8, though --encoding names UTF-8: if Excel saved the file as "CSV" on Windows, pass --encoding windows-1252 instead`
        : `byte ${byte} (offset ${at}) is not UTF-8, and the file has no byte-order mark: if Excel saved it as "CSV" on Windows, pass --encoding windows-1252 (or save it again as "CSV UTF-8")`,
      where.line,
      where.column,
    );
  }
  if (encoding === 'windows-1252') {
    const odd = bytes.findIndex((b) => UNDEFINED_IN_1252.has(b));
    if (odd >= 0) {
      const where = position(text, odd);
      return problem(`byte 0x${bytes[odd]!.toString(16).toUpperCase()} (offset ${odd}) is no character of Windows-1252: the file is in another encoding; save it again as "CSV UTF-8" and leave --encoding out`, where.line, where.column);
    }
    // bytes that are UTF-8 with accents would read as "Ã©" in Windows-1252: refuse rather than garble the names
    const high = bytes.findIndex((b) => b >= 0x80);
    if (high >= 0 && named !== undefined) {
      try {
        const utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        const at = utf8.search(/[^\u0000-\u007f]/u);
        const where = position(utf8, Math.max(0, at));
        return problem(
          `the file is UTF-8 (it reads ${JSON.stringify(utf8.slice(Math.max(0, at - 8), at + 8).trim())} as UTF-8), so --encoding windows-1252 would turn its accents into other characters (${JSON.stringify(text.slice(Math.max(0, high - 8), high + 8).trim())}): leave --encoding out`,
          where.line,
          where.column,
        );
      } catch {
        // not UTF-8: Windows-1252 it is
      }
    }
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const where = position(text, nul);
    return problem('the file holds a NUL byte, so it is not text: export the responses again as CSV or as an .xlsx workbook', where.line, where.column);
  }
  return { text, encoding };
}

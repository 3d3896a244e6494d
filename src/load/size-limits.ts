// What the process can hold, stated before it bites (issue #25 item 4): V8 keeps a string of at most
// MAX_TEXT_CHARS characters (2^29 - 24, just under 512 MiB, on 64-bit Node), so a file larger than that cannot be
// read as text, and an output larger than that cannot be built. Both are refused with the limit and what to do,
// exit 2, never "Invalid string length" or ERR_STRING_TOO_LONG as an internal error.

import { constants } from 'node:buffer';

/** The longest string V8 can hold, in UTF-16 code units; a file of more bytes than this is refused before it is read. */
export const MAX_TEXT_CHARS = constants.MAX_STRING_LENGTH;

/** "536,870,888": bytes grouped in thousands, exact where MiB would round two sizes to one. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

const LIMIT = `${grouped(MAX_TEXT_CHARS)} bytes (just under 512 MiB)`;

/** The finding's message for a file over MAX_TEXT_CHARS bytes, whatever --max-file-size allows. */
export function fileOverTextLimit(bytes: number): string {
  return `the file is ${grouped(bytes)} bytes, over the ${LIMIT} of text that cxm can hold in memory (a limit of Node.js, whatever --max-file-size allows): split it into smaller files, such as one answers file per department (cxm reads several answers files of one assessment as one team)`;
}

/** Whether an error is V8 or Node refusing to build a string over MAX_TEXT_CHARS. */
export function isStringTooLong(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (error as NodeJS.ErrnoException).code === 'ERR_STRING_TOO_LONG' || (error instanceof RangeError && error.message === 'Invalid string length');
}

/** What to tell the user when an output would be over MAX_TEXT_CHARS. */
export const OUTPUT_OVER_TEXT_LIMIT = `the output would be over the ${LIMIT} of text that cxm can build in memory (a limit of Node.js), so nothing was written: report fewer respondents at once (the JSON report holds every person's answers; --anonymous leaves them out), or split the answers into several files and report each`;

// --max-file-size: the size above which cxm refuses to read a file, raisable for large surveys.

import { MAX_FILE_BYTES } from '../load/source-file.js';
import { UsageError } from './context.js';
import { formatFileSize, suggestedLimit } from '../text/file-size.js';

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1000,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1000 ** 3,
  gib: 1024 ** 3,
};

/** Bytes from "64MiB", "64M", "100MB", "1.5GiB" or a number of bytes; undefined (the flag absent) is the default. */
export function parseFileSize(text: string | undefined): number {
  if (text === undefined) return MAX_FILE_BYTES;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  const bytes = match && unit !== undefined ? Math.floor(Number(match[1]) * unit) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new UsageError(`--max-file-size takes a size such as 64MiB, 500MB or a number of bytes, not ${JSON.stringify(text)}`);
  }
  return bytes;
}

/** What to tell the user when a file cxm wrote is over the limit cxm reads by default, and how to read it. */
export function oversizeNote(file: string, bytes: number): string | undefined {
  if (bytes <= MAX_FILE_BYTES) return undefined;
  return `Note: ${file} takes ${formatFileSize(bytes)}, over the ${formatFileSize(MAX_FILE_BYTES)} that cxm reads by default: pass --max-file-size ${suggestedLimit(bytes)} to cxm report, score, compare and validate to read it`;
}

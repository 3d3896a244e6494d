// The zip container of an .xlsx workbook, read with a budget: every entry the workbook reader needs is
// inflated here by node:zlib with a cap on its output, so a zip bomb (a few KiB that inflate to gigabytes)
// stops at the limit instead of filling the memory. The entries that passed are written back as a stored
// (uncompressed) zip for the workbook reader, whose own unzipping is then bounded by what was checked here.

import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

/** Why a zip cannot be read, in the user's words; `overBudget` names the entry that ran over the budget. */
export class ZipProblem extends Error {
  constructor(
    message: string,
    readonly overBudget?: string,
  ) {
    super(message);
  }
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** More entries than any workbook of survey responses holds: a zip of thousands of tiny entries is refused. */
const MAX_ENTRIES = 10_000;

/** Bytes start with a zip's local header ("PK\3\4"): an .xlsx (or another zip), whatever the file's name. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The entries whose names `wanted` accepts, inflated, with at most `budget` bytes in all once inflated.
 * Throws ZipProblem for a damaged, encrypted or too large zip.
 */
export function unzip(bytes: Uint8Array, wanted: (name: string) => boolean, budget: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number): number => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  const u16 = (at: number): number => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  // the end record: 22 bytes, then a comment of up to 65,535 bytes
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (u32(at) === END) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipProblem('the workbook is damaged (its zip directory is missing): open it in Excel and save it again');
  const count = u16(end + 10);
  const directory = u32(end + 16);
  if (count === 0xffff || directory === 0xffffffff) throw new ZipProblem('the workbook is a ZIP64 archive, larger than any survey export: save it again from Excel');
  if (count > MAX_ENTRIES) throw new ZipProblem(`the workbook holds ${count} files, more than ${MAX_ENTRIES}: it is not a survey export; save the responses again from the survey tool`);
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let left = budget;
  let at = directory;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL) throw new ZipProblem('the workbook is damaged (its zip directory is cut short): open it in Excel and save it again');
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressed = u32(at + 20);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const local = u32(at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (!wanted(name)) continue;
    if ((flags & 1) !== 0) throw new ZipProblem('the workbook is protected by a password: save a copy without the password and import that');
    if (u32(local) !== LOCAL) throw new ZipProblem(`the workbook is damaged (the part ${JSON.stringify(name)} is missing): open it in Excel and save it again`);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    const raw = bytes.subarray(start, start + compressed);
    if (raw.length < compressed) throw new ZipProblem(`the workbook is cut short (in ${JSON.stringify(name)}): download or copy it again`);
    let data: Uint8Array;
    if (method === 0) data = raw;
    else if (method === 8) {
      try {
        // one byte over what is left: reaching it means the budget is spent
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, left + 1) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipProblem(`${name} unpacks to more than the limit`, name);
        throw new ZipProblem(`the workbook is damaged (${JSON.stringify(name)} does not unpack): open it in Excel and save it again`);
      }
    } else throw new ZipProblem(`the workbook is packed with a method Excel does not use (${method}): open it in Excel and save it again`);
    if (data.length > left) throw new ZipProblem(`${name} unpacks to more than the limit`, name);
    left -= data.length;
    entries.push({ name, data });
  }
  return entries;
}

/** A zip of the entries, stored (method 0) or deflated: what the workbook reader is given, and what tests write workbooks with. */
export function zip(entries: readonly ZipEntry[], deflate?: (data: Uint8Array) => Uint8Array): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = deflate ? deflate(entry.data) : entry.data;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(CENTRAL, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt16LE(deflate ? 8 : 0, 10);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(packed.length, 20);
    head.writeUInt32LE(entry.data.length, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength));
    central.push(head, name);
    offset += 30 + name.length + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

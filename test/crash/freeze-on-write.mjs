// Preload for the crash tests (node --import): the first time the process writes data to a file inside
// CXM_FREEZE_DIR (after letting CXM_FREEZE_SKIP such writes through, default 0), it writes the first half of that data, prints "frozen <path>" on stderr and stops dead
// (the thread blocks), so that the test can SIGKILL it at the worst moment for a writer: between the write
// and whatever would make it safe (the rename of a temporary file). A writer that writes the target in
// place leaves half a file there; an atomic writer leaves half a temporary file and the target untouched.
//
// Every way Node offers to write a file by name or by descriptor is covered, so that replacing the
// atomic writer with any plain write (fs.promises.writeFile, a FileHandle, fs.writeFileSync by name or by
// descriptor, fs.openSync + fs.writeSync) is caught.

import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';

const root = process.env.CXM_FREEZE_DIR ? resolve(process.env.CXM_FREEZE_DIR) + sep : undefined;
let frozen = false;
let skip = Number(process.env.CXM_FREEZE_SKIP ?? 0);
const inside = (path) => root !== undefined && typeof path === 'string' && resolve(path).startsWith(root);

function freezeAfterHalf(path, data, writeHalf) {
  if (skip-- > 0) return;
  frozen = true;
  const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  writeHalf(bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))));
  fs.writeSync(2, `frozen ${path}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}

if (root !== undefined) {
  const fdPaths = new Map();
  const promises = fs.promises;

  const { writeFile } = promises;
  promises.writeFile = async function (path, data, ...rest) {
    if (!frozen && inside(path)) freezeAfterHalf(path, data, (half) => fs.writeFileSync(path, half));
    return writeFile.call(this, path, data, ...rest);
  };

  const probe = await promises.open(process.execPath, 'r');
  const FileHandle = Object.getPrototypeOf(probe);
  await probe.close();
  const { open } = promises;
  promises.open = async function (path, ...rest) {
    const handle = await open.call(this, path, ...rest);
    if (inside(path)) fdPaths.set(handle.fd, String(path));
    return handle;
  };
  for (const method of ['writeFile', 'write']) {
    const original = FileHandle[method];
    FileHandle[method] = async function (data, ...rest) {
      const path = fdPaths.get(this.fd);
      if (!frozen && path !== undefined && typeof data !== 'number') freezeAfterHalf(path, data, (half) => fs.writeSync(this.fd, half));
      return original.call(this, data, ...rest);
    };
  }

  const { writeFileSync, openSync, writeSync } = fs;
  // by name, or by a descriptor openSync gave for a file inside the directory
  fs.writeFileSync = function (path, data, ...rest) {
    const target = typeof path === 'number' ? fdPaths.get(path) : inside(path) ? path : undefined;
    if (!frozen && target !== undefined) freezeAfterHalf(target, data, (half) => writeFileSync(path, half));
    return writeFileSync.call(this, path, data, ...rest);
  };
  fs.openSync = function (path, ...rest) {
    const fd = openSync.call(this, path, ...rest);
    if (inside(path)) fdPaths.set(fd, String(path));
    return fd;
  };
  fs.writeSync = function (fd, data, ...rest) {
    const path = fdPaths.get(fd);
    if (!frozen && path !== undefined) freezeAfterHalf(path, data, (half) => writeSync(fd, half));
    return writeSync.call(this, fd, data, ...rest);
  };
  syncBuiltinESMExports();
}

// Which of the paths given to `cxm validate` (SPEC 2.4) are models and which are files: a directory with model.yaml is
// a model; any other directory is searched for models and YAML or JSON files. Files are recognised by their kind
// later, once read (validate-paths.ts).

import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Finding } from '../domain/finding.js';

/** What the paths hold. */
export interface Discovered {
  /** Paths that do not exist, directories that cannot be listed. */
  readonly findings: Finding[];
  /** Directories with a model.yaml. */
  readonly modelDirs: string[];
  /** Files to read, each named on the command line (explicit) or found in a searched directory. */
  readonly looseFiles: { readonly file: string; readonly explicit: boolean }[];
  /** Each directory searched, with how many models and which files it held. */
  readonly searched: { readonly dir: string; readonly models: number; readonly files: string[] }[];
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage']);
const MAX_FILES = 100_000;

async function walk(dir: string, out: { models: string[]; files: string[]; unreadable: Finding[] }): Promise<void> {
  if (out.files.length + out.models.length > MAX_FILES) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    // a directory that cannot be listed (permissions) is reported, and the search goes on
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied: make it readable, or leave it out' : `cannot list it (${code ?? String(error)})`;
    out.unreadable.push({ file: dir, line: 1, column: 1, severity: 'error', code: 'file-unreadable', message: `this directory cannot be searched: ${why}`, pointer: '' });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (entries.some((e) => e.isFile() && e.name === 'model.yaml')) {
    out.models.push(dir);
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
      await walk(path, out);
    } else if (entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name) && entry.name !== 'model.yaml' && !/\.schema\.json$/i.test(entry.name)) {
      // JSON Schemas (cxm init copies them into DIR/schemas) are the editors' files, never cxm's
      out.files.push(path);
    }
  }
}

export async function discover(paths: readonly string[]): Promise<Discovered> {
  const findings: Finding[] = [];
  const modelDirs: string[] = [];
  const looseFiles: { file: string; explicit: boolean }[] = [];
  const searched: { dir: string; models: number; files: string[] }[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      findings.push({ file: path, line: 1, column: 1, severity: 'error', code: 'file-not-found', message: 'no such file or directory: check the path', pointer: '' });
      continue;
    }
    if (info.isDirectory()) {
      // a model directory is searched too, so that "validate m" and "validate ." (in m) check the same files:
      // answers files kept beside model.yaml are checked either way
      const found = { models: [] as string[], files: [] as string[], unreadable: [] as Finding[] };
      await walk(path, found);
      findings.push(...found.unreadable);
      modelDirs.push(...found.models);
      looseFiles.push(...found.files.map((file) => ({ file, explicit: false })));
      searched.push({ dir: path, models: found.models.length, files: found.files });
    } else if (basename(path) === 'model.yaml') {
      modelDirs.push(dirname(path));
    } else looseFiles.push({ file: path, explicit: true });
  }

  return { findings, modelDirs, looseFiles, searched };
}

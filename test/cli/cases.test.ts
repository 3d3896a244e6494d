// One place to add a CLI case: a row of arguments, the directory it runs in, the exit code and what the
// output must hold, run in process through main() as bin/cxm.js runs it (like markdownlint-cli2's
// testCase table). Paths are relative to `cwd` (the clone unless a row says otherwise), as a user types
// them. Behaviour that needs more than a row (reports read in full, fuzzing, a terminal) has its own file.
//
// Mutations caught, one row each: a usage error mapped to commander's 1 instead of 2; a missing file
// reported as an internal error (70); --strict not failing on warnings; a warning failing without it.

import { describe, expect, it } from 'vitest';
import { ROOT } from '../report/cxm.js';
import { cxmInProcess } from './in-process.js';

interface Case {
  /** What the row shows; the arguments when left out. */
  readonly name?: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly exitCode: number;
  /** Each must be found in stdout: a string as it is, or a pattern. */
  readonly stdout?: readonly (string | RegExp)[];
  readonly stderr?: readonly (string | RegExp)[];
  /** Nothing at all on stdout (a usage error, a file that is not read). */
  readonly quiet?: boolean;
}

const FILES = 'test/fixtures/validate/files';

const CASES: readonly Case[] = [
  // the program
  { args: ['--version'], exitCode: 0, stdout: [/^\d+\.\d+\.\d+\n$/] },
  { args: ['--help'], exitCode: 0, stdout: ['Usage: cxm [options] [command]', 'Exit codes: 0 success'] },
  { args: ['help', 'report'], exitCode: 0, stdout: ['Usage: cxm report [options] <answers...>'] },
  { args: [], exitCode: 2, stderr: ['Usage: cxm [options] [command]'], quiet: true },
  { args: ['--bogus'], exitCode: 2, stderr: ["error: unknown option '--bogus'", '(run cxm --help for usage)'], quiet: true },
  { args: ['valdate'], exitCode: 2, stderr: ["unknown command 'valdate'", '(Did you mean validate?)'], quiet: true },

  // validate
  { name: 'validate with no path checks the built-in model', args: ['validate'], exitCode: 0, stderr: [/^7 files checked: no problems\n$/] },
  { args: ['validate', 'test/fixtures/validate/valid'], exitCode: 0, stderr: ['4 files checked: no problems'] },
  { args: ['validate', `${FILES}/missing-property.yaml`], exitCode: 1, stdout: [`${FILES}/missing-property.yaml:5:5 error missing-property missing property "text": add it to this mapping`], stderr: ['1 file checked: 1 error, 0 warnings'] },
  { args: ['validate', `${FILES}/question-without-help.yaml`], exitCode: 0, stdout: [`${FILES}/question-without-help.yaml:5:9 warning question-without-help`] },
  { args: ['validate', '--strict', `${FILES}/question-without-help.yaml`], exitCode: 1, stderr: ['0 errors, 1 warning'] },
  { name: 'validate, the paths relative to the directory it runs in', args: ['validate', 'missing-property.yaml'], cwd: `${ROOT}${FILES}`, exitCode: 1, stdout: [/^missing-property\.yaml:5:5 error missing-property/] },
  { args: ['validate', 'nope.yaml'], exitCode: 2, stdout: ['nope.yaml:1:1 error file-not-found no such file or directory: check the path'] },
  { args: ['validate', '-f', 'xml'], exitCode: 2, stderr: ["argument 'xml' is invalid. Allowed choices are text, json, github.", '(run cxm validate --help for usage)'], quiet: true },
  { args: ['validate', '-f', 'json', `${FILES}/missing-property.yaml`], exitCode: 1, stdout: ['"code": "missing-property"', '"line": 5'] },
  { args: ['validate', '-f', 'github', `${FILES}/missing-property.yaml`], exitCode: 1, stdout: [`::error file=${FILES}/missing-property.yaml,line=5,col=5,title=cxm missing-property::missing property "text"`] },

  // schema, init, form
  { args: ['schema', 'report'], exitCode: 0, stdout: ['"$schema": "https://json-schema.org/draft/2020-12/schema"'] },
  { args: ['schema', 'nope'], exitCode: 2, stderr: ["'nope' is invalid for argument 'kind'. Allowed choices are model, questionnaire, answers, report, comparison."], quiet: true },
  { args: ['form', '-f', 'pdf'], exitCode: 2, stderr: ["argument 'pdf' is invalid. Allowed choices are csv, markdown, html."], quiet: true },
  { name: 'form: a CSV sheet with a byte-order mark, for spreadsheets', args: ['form'], exitCode: 0, stdout: [/^\uFEFFName,Role,Group,/] },

  // score, report, compare
  { args: ['score'], exitCode: 2, stderr: ["error: missing required argument 'answers'", '(run cxm score --help for usage)'], quiet: true },
  { args: ['report', 'nope.yaml'], exitCode: 2, stderr: ['nope.yaml:1:1 error file-not-found no such file: check the path'], quiet: true },
  { args: ['report', 'examples/quarters/2026-Q4.yaml', '--min-group-size', '1'], exitCode: 2, stderr: ['give a whole number of 2 or more (a group of 1 is one person).'], quiet: true },
  { args: ['report', 'test/fixtures/validate/answers/unknown-option.yaml'], exitCode: 1, stderr: ['unknown-option.yaml:2:14 error model-mismatch'], quiet: true },
  { args: ['report', 'examples/quarters/2026-Q4.yaml'], exitCode: 0, stdout: [/^# /m, '## Next steps'] },
  { args: ['score', 'examples/quarters/2026-Q4.yaml'], exitCode: 0, stdout: ['Overall'] },
  { args: ['compare', 'examples/quarters/2026-Q4.yaml'], exitCode: 1, stderr: ['cxm: a comparison needs the assessments of at least 2 periods; got 1'], quiet: true },

  // assess, import
  { name: 'assess without a terminal', args: ['assess'], exitCode: 2, stderr: ['this is not one (input or output is redirected)', 'cxm report ANSWERS.yaml'], quiet: true },
  { args: ['import', 'nope.csv'], exitCode: 2, stderr: ['nope.csv:1:1 error file-not-found no such file: check the path'], quiet: true },
];

function holds(text: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
}

describe('cxm, case by case', () => {
  it.each(CASES.map((c) => [c.name ?? `cxm ${c.args.join(' ')}`, c] as const))('%s', async (_name, c) => {
    const run = await cxmInProcess(c.args, { cwd: c.cwd ?? ROOT });
    const shown = `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
    expect(run.code, shown).toBe(c.exitCode);
    for (const s of c.stdout ?? []) expect(holds(run.stdout, s), `stdout should hold ${String(s)}\n${shown}`).toBe(true);
    for (const s of c.stderr ?? []) expect(holds(run.stderr, s), `stderr should hold ${String(s)}\n${shown}`).toBe(true);
    if (c.quiet) expect(run.stdout, shown).toBe('');
    expect(run.stderr, shown).not.toContain('internal error');
  });
});

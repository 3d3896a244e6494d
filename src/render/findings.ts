// Validation findings, printed once per format: text (with the source line and a caret), json, github.

import type { Finding } from '../domain/finding.js';
import { Chalk } from 'chalk';
import { renderJson } from './json.js';
import { singleLine, stripControls } from '../text/sanitize.js';
import { plural } from '../text/plural.js';

export interface FindingsSummary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  /** YAML files of searched directories passed over as plainly not cxm files. */
  readonly passedOver: number;
}

export function summarize(findings: readonly Finding[], files: number, passedOver = 0): FindingsSummary {
  return {
    files,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    passedOver,
  };
}

export function summaryLine(summary: FindingsSummary): string {
  const checked = plural(summary.files, 'file');
  const passed =
    summary.passedOver > 0 ? `; ${plural(summary.passedOver, 'other YAML file')} passed over (no kind of cxm's and nothing like a cxm file)` : '';
  if (summary.errors === 0 && summary.warnings === 0) return `${checked} checked: no problems${passed}`;
  return `${checked} checked: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}${passed}`;
}

export interface TextOptions {
  readonly color: boolean;
  /** File text by path, to print the offending line under each finding. */
  readonly sources?: ReadonlyMap<string, string>;
}

export function renderFindingsText(findings: readonly Finding[], options: TextOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  // the lines of the file of the finding before: findings come sorted by file, and a run over thousands of files
  // with findings need not keep all their lines
  let split: { file: string; lines: string[] } | undefined;
  for (const f of findings) {
    const severity = f.severity === 'error' ? chalk.red('error') : chalk.yellow('warning');
    lines.push(`${chalk.bold(`${singleLine(f.file)}:${f.line}:${f.column}`)} ${severity} ${chalk.dim(f.code)} ${singleLine(f.message)}`);
    const text = options.sources?.get(f.file);
    if (text === undefined) continue;
    if (split?.file !== f.file) split = { file: f.file, lines: text.split(/\r?\n/) };
    const source = split.lines[f.line - 1];
    if (source === undefined) continue;
    const shown = stripControls(source.length > 200 ? source.slice(0, 200) + '...' : source);
    const gutter = String(f.line).padStart(5);
    lines.push(chalk.dim(`${gutter} | `) + shown);
    // the caret under the column's character: what stands before it, less the controls stripped from the line;
    // tabs stay tabs under the line, so that the caret lines up however wide the terminal draws them
    const pad = stripControls(source.slice(0, Math.max(0, Math.min(f.column - 1, 200)))).replace(/[^\t]/g, ' ');
    lines.push(chalk.dim(`${' '.repeat(gutter.length)} | `) + pad + (f.severity === 'error' ? chalk.red('^') : chalk.yellow('^')));
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

export function renderFindingsJson(findings: readonly Finding[], summary: FindingsSummary): string {
  return renderJson({
    findings: findings.map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      severity: f.severity,
      code: f.code,
      message: f.message,
      pointer: f.pointer,
    })),
    summary,
  });
}

/** Control sequences removed, line breaks kept (the workflow-command escaping encodes them). */
function stripKeepingBreaks(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => (i % 2 === 1 ? part : stripControls(part)))
    .join('');
}

/** GitHub Actions workflow-command escaping: data, and property values (which also escape : and ,). */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `command` is the cxm command that found them (validate, import): the summary line names it. */
export function renderFindingsGithub(findings: readonly Finding[], summary: FindingsSummary, command = 'validate'): string {
  const lines = findings.map(
    (f) =>
      // messages quote file content: control sequences would reach the CI log
      `::${f.severity} file=${escapeGithubProperty(stripKeepingBreaks(f.file))},line=${f.line},col=${f.column},title=${escapeGithubProperty(`cxm ${f.code}`)}::${escapeGithubData(stripKeepingBreaks(f.message))}`,
  );
  // GitHub shows only 10 annotations of each kind per step: the plain summary says how many there are
  lines.push(`cxm ${command}: ${summaryLine(summary)}`);
  return lines.join('\n') + '\n';
}

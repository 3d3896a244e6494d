// cxm compare ASSESSMENT… [--model DIR] [-f text|markdown|json|html] [-o FILE]
// Each argument is one period: an answers file, or a report JSON taken as it stands. All answers
// are scored with one model (default: the newest period's), so that the comparison is like for like.

import type { Report } from '../domain/report.js';
import { checkAnswerSet, loadAnswerSet } from '../load/answers.js';
import { checkSchema } from '../load/schema/schema-check.js';
import { getValidators } from '../load/schema/validators.js';
import { loadYamlFile, type LoadedFile } from '../load/file.js';
import { isRecord } from '../load/yaml/plain-data.js';
import { renderComparisonMarkdown } from '../render/compare-markdown.js';
import { renderComparisonText } from '../render/compare-text.js';
import { renderJson } from '../render/json.js';
import { singleLine } from '../text/sanitize.js';
import { compareReports, type ComparedPeriod } from '../compare/compare-reports.js';
import { membershipFrom, membershipOf } from '../compare/group-changes.js';
import { comparisonAnonymity } from '../compare/withheld.js';
import type { AnswerSet } from '../domain/types.js';
import { anonymizeStoredReport } from '../score/anonymity.js';
import { comparePeriodOrder } from '../compare/period-order.js';
import { periodQuestions } from '../compare/period-questions.js';
import { questionScores, recordedQuestionScores } from '../compare/question-scores.js';
import { buildReport, type ReportOptions } from '../score/build-report.js';
import { reportFindings, resolveModel, sourcesOf, warnIgnoredTeamFlags, withTargets, type TargetOptions } from './assessment.js';
import { EXIT, unicodeAllowed, type Context } from './context.js';
import { parseFileSize } from './file-size.js';
import { refuseOutputOverInput, writeOutput } from './output.js';

export interface CompareFlags extends ReportOptions, TargetOptions {
  readonly model?: string;
  readonly format: 'text' | 'markdown' | 'json' | 'html';
  readonly output?: string;
  readonly maxFileSize?: string;
}

type Input =
  | { readonly file: string; readonly kind: 'report'; readonly report: Report }
  | {
      readonly file: string;
      readonly kind: 'answers';
      readonly period?: string;
      readonly date?: string;
      readonly questionIds: readonly string[];
      /** The file as read (unless its kind was missing): the model and the answers are taken from it, not read again. */
      readonly loaded?: LoadedFile;
    };

async function readInput(context: Context, file: string, maxBytes: number): Promise<Input | number> {
  const loaded: LoadedFile = await loadYamlFile(file, { maxBytes });
  const data = loaded.parsed?.data;
  if (isRecord(data) && !('kind' in data) && 'schemaVersion' in data) {
    const validators = await getValidators();
    const findings = loaded.parsed ? checkSchema(validators.report, data, loaded.parsed, file) : [];
    const code = await reportFindings(context, findings);
    if (code !== undefined) {
      context.stderr.write(`cxm: ${singleLine(file)} is not a report made by "cxm report -f json" (schemaVersion 1): give the report JSON as cxm wrote it, or the answers file of that period\n`);
      return code;
    }
    return { file, kind: 'report', report: data as unknown as Report };
  }
  if (loaded.kind !== 'answers') {
    const code = await reportFindings(context, loaded.findings);
    if (code !== undefined) return code;
    context.stderr.write(`cxm: ${singleLine(file)} is neither an answers file nor a report JSON: give one per period\n`);
    return EXIT.invalid;
  }
  const period = isRecord(data) && typeof data['period'] === 'string' ? data['period'] : undefined;
  const date = isRecord(data) && typeof data['date'] === 'string' ? data['date'] : undefined;
  return {
    file,
    kind: 'answers',
    ...(period !== undefined ? { period } : {}),
    ...(date !== undefined ? { date } : {}),
    questionIds: recordedQuestionIds(data),
    // a file without its kind is read again as an answers file, so that the finding reads as cxm report's does
    ...(loaded.findings.some((f) => f.code === 'missing-kind' || f.code === 'unknown-kind') ? {} : { loaded }),
  };
}

/** Every question id the answers file records an answer under, whether the model knows it or not. */
function recordedQuestionIds(data: unknown): string[] {
  const respondents = isRecord(data) && Array.isArray(data['respondents']) ? (data['respondents'] as unknown[]) : [];
  const ids = new Set<string>();
  for (const respondent of respondents) {
    const answers = isRecord(respondent) ? respondent['answers'] : undefined;
    if (isRecord(answers)) for (const id of Object.keys(answers)) ids.add(id);
  }
  return [...ids];
}

function newestAnswers(inputs: readonly Input[]): Extract<Input, { kind: 'answers' }> | undefined {
  const answers = inputs.filter((i): i is Extract<Input, { kind: 'answers' }> => i.kind === 'answers');
  const sorted = [...answers].sort(comparePeriodOrder);
  return sorted[sorted.length - 1];
}

export async function runCompare(context: Context, files: readonly string[], flags: CompareFlags): Promise<number> {
  const maxBytes = parseFileSize(flags.maxFileSize);
  await refuseOutputOverInput(context, flags.output, files);
  const inputs: Input[] = [];
  for (const file of files) {
    const input = await readInput(context, file, maxBytes);
    if (typeof input === 'number') return input;
    inputs.push(input);
  }

  const periods: ComparedPeriod[] = [];
  const newest = newestAnswers(inputs);
  if (newest !== undefined) {
    const model = await resolveModel(context, flags.model, newest.file, { maxBytes, ...(newest.loaded ? { answers: newest.loaded } : {}) });
    if (!model.ok) return model.exitCode;
    const sets: (AnswerSet | undefined)[] = [];
    for (const input of inputs) {
      if (input.kind === 'report') {
        sets.push(undefined);
        continue;
      }
      const asOf = { asOf: flags.asOf };
      const result = input.loaded ? checkAnswerSet([input.loaded], model.value, asOf) : await loadAnswerSet([input.file], model.value, { maxBytes, ...asOf });
      const code = await reportFindings(context, result.findings, sourcesOf(input.loaded ? [input.loaded] : []));
      if (code !== undefined || !result.answers) return code ?? EXIT.invalid;
      // (1.2) each period keeps its own targets; --target overrides them in every period
      const answers = withTargets(context, model.value, result.answers, flags.target ?? []);
      if (answers === undefined) return EXIT.usage;
      sets.push(answers);
    }
    // (1.2) one period anonymous makes every period so, report JSONs included, under one minimum (SPEC 4.2)
    const { anonymous, minGroupSize } = comparisonAnonymity(
      inputs.flatMap((i) => (i.kind === 'report' ? [i.report] : [])),
      { anonymous: flags.anonymous === true || sets.some((s) => s?.anonymous === true), ...(flags.minGroupSize !== undefined ? { minGroupSize: flags.minGroupSize } : {}) },
    );
    const options: ReportOptions = { ...flags, anonymous, minGroupSize };
    for (const [i, input] of inputs.entries()) {
      if (input.kind === 'report') {
        const report = anonymous ? anonymizeStoredReport(input.report, minGroupSize) : input.report;
        const people = input.report.anonymous === true ? undefined : input.report.respondents.map((r) => r.name);
        const membership = membershipOf(input.report);
        periods.push({ report, exact: recordedQuestionScores(model.value, report), ...(people ? { people } : {}), ...(membership ? { membership } : {}) });
        continue;
      }
      const result = { answers: sets[i]! };
      const report = buildReport(model.value, result.answers, options);
      periods.push({
        people: result.answers.respondents.map((r) => r.name),
        report,
        // (1.1) who is in each group, from the answers: an anonymous report names nobody, but its movement must not single anyone out
        membership: membershipFrom(result.answers.respondents),
        questions: periodQuestions(model.value, { version: result.answers.model.version, questionIds: input.questionIds }),
        scoredFrom: input.file,
        exact: questionScores(model.value, result.answers.respondents),
      });
    }
  } else {
    const reports = inputs.map((i) => (i as Extract<Input, { kind: 'report' }>).report);
    const { anonymous, minGroupSize } = comparisonAnonymity(reports, flags);
    for (const report of reports) {
      const people = report.anonymous === true ? undefined : report.respondents.map((r) => r.name);
      const membership = membershipOf(report);
      periods.push({ report: anonymous ? anonymizeStoredReport(report, minGroupSize) : report, ...(people ? { people } : {}), ...(membership ? { membership } : {}) });
    }
  }

  const compared = compareReports(periods, { ...flags, ...(periods.some((p) => p.report.anonymous === true) ? { anonymous: true } : {}) });
  if (!compared.ok) {
    for (const problem of compared.problems) {
      const named = problem.reports.map((i) => files[i]).filter((f) => f !== undefined);
      // the message quotes organizations and periods from the files: no control sequence reaches the terminal
      context.stderr.write(`cxm: ${singleLine(problem.message)}${named.length > 0 ? ` (${named.map(singleLine).join(', ')})` : ''}\n`);
    }
    return EXIT.invalid;
  }
  const comparison = compared.comparison;
  warnIgnoredTeamFlags(context, flags, periods.some((p) => p.report.anonymous === true));

  const text =
    flags.format === 'json'
      ? renderJson(comparison)
      : flags.format === 'markdown'
        ? renderComparisonMarkdown(comparison)
        : flags.format === 'html'
          ? (await import('../render/html/comparison.js')).renderComparisonHtml(comparison)
          : renderComparisonText(comparison, {
            color: flags.output === undefined && context.color.stdout,
            unicode: flags.output === undefined && unicodeAllowed(context),
          });
  await writeOutput(context, flags.output, text, files);
  return EXIT.ok;
}

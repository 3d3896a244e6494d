// Report and Comparison objects for the HTML tests, built without the scoring code (on top of the
// comparison tests' factory): a report with every SPEC 1.1 section filled (plan, each person's choices,
// groups, gaps), its anonymous form, and reports whose every text is hostile.

import type { Comparison } from '../../src/domain/comparison.js';
import type { PlanStep, RecordedAnswer, Report, ReportElement, ReportGroup, ReportWarningCode } from '../../src/domain/report.js';
import { comparisonOf } from '../compare/checked.js';
import { makeReport } from '../compare/report-factory.js';

/** What each respondent answered: all three an option, or only Maria, n/a, where the question has no score. */
function choicesFor(score: number | null): Record<string, RecordedAnswer> {
  return score === null ? { 'Maria Lopez': 'n/a' } : { 'Maria Lopez': 'whole', 'James Okafor': 'partial', 'Priya Shah': 'none' };
}

/** A report of three respondents in two groups, with notes, choices, option labels, a plan and gaps. */
export function fullReport(): Report {
  const base = makeReport({
    organization: 'Acme Home Services',
    period: '2026-Q4',
    date: '2026-11-20',
    titles: { strategy: 'Strategy', understanding: 'Understanding', design: 'Design' },
    elements: {
      strategy: { 'strategy.statement': 66.67, 'strategy.words': 33.33 },
      understanding: { 'understanding.asked': 50, 'understanding.sources': 41.67 },
      design: { 'design.journey': 16.67, 'design.back-office': null },
    },
  });
  const respondents = [
    { name: 'Maria Lopez', role: 'Managing director', group: 'leadership' },
    { name: 'James Okafor', role: 'Head of customer service', group: 'front-line' },
    { name: 'Priya Shah', role: 'Field team lead', group: 'front-line' },
  ];
  const options = [
    { id: 'none', label: 'We have none', score: 0 },
    { id: 'partial', label: 'Some journeys are mapped', score: 1 },
    { id: 'whole', label: 'The whole journey is mapped', score: 2 },
  ];
  const elements: ReportElement[] = base.elements.map((e) => ({
    ...e,
    recommendations: [`Recommendation for ${e.title}.`],
    byRespondent: { 'Maria Lopez': e.score, 'James Okafor': e.score, 'Priya Shah': e.score },
    items: e.items.map((item) => ({
      ...item,
      spread: item.score === null ? null : 66.67,
      answers: item.score === null ? 0 : 3,
      byRespondent: { 'Maria Lopez': item.score === null ? null : 100, 'James Okafor': item.score === null ? null : 33.33, 'Priya Shah': item.score === null ? null : 0 },
      notes: item.id === 'design.journey' ? [{ respondent: 'Priya Shah', note: 'Only the install visit is mapped.\nNot the return visit.' }] : [],
      choices: choicesFor(item.score),
      options,
    })),
  }));
  const plan: PlanStep[] = [
    {
      element: 'design', question: 'design.journey', text: 'Is the journey mapped?', type: 'choice', from: 'none', to: 'partial',
      fromLabel: 'We have none', toLabel: 'Some journeys are mapped', next: 'Map the install visit with the field team.',
      moves: 1, of: 3, answers: { 'Priya Shah': 'partial' }, elementPoints: 16.67, overallPoints: 5.56, levelAfter: 'ad-hoc',
    },
    {
      element: 'strategy', question: 'strategy.words', text: 'Which words do you rely on?', type: 'choice', from: 'partial', to: 'whole',
      fromLabel: 'Some journeys are mapped', toLabel: 'The whole journey is mapped',
      moves: 1, of: 3, answers: { 'James Okafor': 'whole' }, elementPoints: 8.33, overallPoints: 2.78, levelAfter: 'repeatable',
    },
  ];
  const groups: ReportGroup[] = [
    { id: 'leadership', title: 'Leadership', respondents: 4, suppressed: false, overall: { score: 72.5, level: 'repeatable' }, elements: elements.map((e) => ({ id: e.id, score: 80, level: 'systematic' })) },
    { id: 'front-line', title: 'Front line', respondents: 5, suppressed: false, overall: { score: 31.25, level: 'ad-hoc' }, elements: elements.map((e) => ({ id: e.id, score: 30, level: 'ad-hoc' })) },
    { id: 'back-office', title: 'Back office', respondents: 1, suppressed: true },
  ];
  return {
    ...base,
    respondents,
    elements,
    plan,
    groups,
    gaps: [
      { element: 'strategy', question: null, high: 'leadership', low: 'front-line', scores: [80, 30], difference: 50 },
      { element: 'design', question: 'design.journey', high: 'leadership', low: 'front-line', scores: [72.5, 31.25], difference: 41.25 },
    ],
    warnings: [{ code: 'element-not-assessed', message: 'Design has a question nobody answered.' }],
    inputs: [{ file: 'answers/maria-lopez.yaml', sha256: 'a'.repeat(64) }],
  };
}

/** The same report as an anonymous report carries it (SPEC 4.2): no choices, no plan answers. */
export function anonymousReport(): Report {
  const report = fullReport();
  return {
    ...report,
    anonymous: true,
    plan: report.plan!.map((step) => ({ ...step, answers: undefined })),
    elements: report.elements.map((e) => ({ ...e, items: e.items.map((item) => ({ ...item, choices: undefined })) })),
  };
}

/** Texts that would run, inject or mislead if a renderer let them through. */
export const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '</style><style>body { display: none }</style>',
  'javascript:window.__pwned = 3',
  '"><svg onload="window.__pwned = 4">',
  "' onmouseover='window.__pwned = 5' x='",
  'evil\u202egnp.exe\u202c \u2066isolate\u2069',
  '</title><script>window.__pwned = 6</script>',
  '<a href="javascript:window.__pwned = 7">click</a>',
] as const;

/** A report whose every text field carries one of HOSTILE, in turn. */
export function hostileReport(period = '2026-Q4'): Report {
  let i = 0;
  const next = (): string => HOSTILE[i++ % HOSTILE.length]!;
  const report = fullReport();
  const names = report.respondents.map(() => next());
  const rename = <T>(record: Readonly<Record<string, T>>): Record<string, T> => Object.fromEntries(Object.values(record).map((v, k) => [names[k] ?? next(), v]));
  return {
    ...report,
    organization: next(),
    period,
    model: { id: next(), version: next(), title: next() },
    respondents: names.map((name) => ({ name, role: next(), group: next() })),
    levels: report.levels.map((l) => ({ ...l, title: next(), description: next() })),
    elements: report.elements.map((e) => ({
      ...e,
      title: next(),
      recommendations: [next()],
      byRespondent: rename(e.byRespondent),
      items: e.items.map((item) => ({
        ...item,
        text: next(),
        byRespondent: rename(item.byRespondent),
        notes: [{ respondent: names[0]!, note: `${next()}\n${next()}` }],
        choices: rename(item.choices ?? {}),
        options: [{ id: 'whole', label: next(), score: 1 }],
      })),
    })),
    plan: report.plan!.map((step) => ({ ...step, text: next(), fromLabel: next(), toLabel: next(), next: next(), answers: { [names[1]!]: 'whole' } })),
    groups: report.groups!.map((g) => ({ ...g, title: next() })),
    // a report JSON given to compare may carry any code: the renderers escape it like any text
    warnings: [{ code: next() as ReportWarningCode, message: next() }],
    inputs: [{ file: next(), sha256: 'b'.repeat(64) }],
  };
}

/** Two hostile periods compared. */
export function hostileComparison(): Comparison {
  const earlier = hostileReport('2026-Q3');
  const later = hostileReport('2026-Q4');
  return comparisonOf([{ ...earlier, elements: earlier.elements.map((e) => ({ ...e, score: e.score === null ? null : Math.round((e.score - 10) * 100) / 100 })) }, later]);
}

// The report as the commands print it: SPEC 3's scores (score.ts), then the 1.1 additions that read the
// team as a whole — groups and perception gaps, how many chose each answer, the spread of the
// respondents' own scores — and, for an anonymous report, the same without a single name (SPEC 4.2).

import type { Report } from '../domain/report.js';
import type { AnswerSet, Model } from '../domain/types.js';
import { anonymizeReport, DEFAULT_MIN_GROUP_SIZE, LEAST_MIN_GROUP_SIZE, withheldFigures } from './anonymity.js';
import { DEFAULT_GAP_THRESHOLD, distribution, respondentSpread, scoreGroups } from './groups.js';
import { tallyAnswers } from './tally.js';
import { scoreAssessment } from './score.js';
import { withTargetsAndConfidence } from './targets-report.js';

export interface ReportOptions {
  /** No names anywhere, small groups suppressed; also when any answers file says `anonymous: true`. */
  readonly anonymous?: boolean;
  /** Default 3; never below 2. */
  readonly minGroupSize?: number;
  /** Points, default 25. */
  readonly gapThreshold?: number;
}

export function buildReport(model: Model, answers: AnswerSet, options: ReportOptions = {}): Report {
  const respondents = answers.respondents;
  // the answers resolved and valued once, for the scores, the plan, the groups and the distributions
  const tallies = tallyAnswers(model, respondents);
  // (1.2) targets, confidence and the plan to target beside the scores
  const base = withTargetsAndConfidence(model, answers, scoreAssessment(model, answers, tallies), tallies);
  const anonymous = options.anonymous === true || answers.anonymous;
  const minGroupSize = Math.max(LEAST_MIN_GROUP_SIZE, options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE);
  const gapThreshold = options.gapThreshold ?? DEFAULT_GAP_THRESHOLD;

  const elements = base.elements.map((e, i) => {
    const tally = tallies[i];
    if (tally === undefined || tally.element.id !== e.id) return e;
    const spread = respondentSpread(tally, respondents.length);
    return {
      ...e,
      items: e.items.map((item, qi) => ({ ...item, distribution: distribution(tally.questions[qi]!) })),
      ...(spread !== undefined ? { respondentScores: spread } : {}),
    };
  });
  const grouped = scoreGroups(model, respondents, tallies, { anonymous, minGroupSize, gapThreshold });
  const warnings = [...base.warnings];
  if (anonymous && respondents.length > 0 && respondents.length < minGroupSize) {
    warnings.push({
      code: 'too-few-respondents',
      message: `Only ${respondents.length} ${respondents.length === 1 ? 'person' : 'people'} answered, fewer than ${minGroupSize}: even without names, the scores are theirs alone.`,
    });
  }
  const report: Report = {
    ...base,
    respondents: base.respondents.map((r, i) => {
      const group = respondents[i]?.group;
      return group === undefined ? r : { ...r, group };
    }),
    elements,
    warnings,
    anonymous,
    ...(grouped !== undefined ? { groups: grouped.groups, gaps: grouped.gaps, gapThreshold } : {}),
  };
  if (!anonymous) return report;
  // who gave each question a value, team-wide: the figures resting on too few of them are withheld
  const answerers = tallies.map((t) => t.questions.map((q) => q.points.flatMap((p, i) => (p === undefined ? [] : [i]))));
  return anonymizeReport(report, answers.inputs, minGroupSize, withheldFigures(answerers, minGroupSize));
}

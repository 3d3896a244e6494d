// (1.2) The report's targets, confidence and plan to target (SPEC 3, 4): one hook after the scores, over the same
// tally, so that each part keeps its own module (targets.ts, confidence.ts, target-plan.ts).

import type { Report, ReportWarning } from '../domain/report.js';
import type { AnswerSet, Model } from '../domain/types.js';
import { confidenceOf } from './confidence.js';
import { blockersOf, planElement, planWithTargets } from './target-plan.js';
import { elementTarget, targetIndexes } from './targets.js';
import type { ElementTally } from './tally.js';

function evidenceWarnings(answers: AnswerSet): ReportWarning[] {
  const items = [...(answers.evidence?.values() ?? [])].flat();
  if (items.length === 0) {
    return [
      {
        code: 'self-reported',
        message: 'No evidence backs these answers: they are self-reported. Record what backs them under "evidence:" in the answers file (cxm form --checklist lists what to look for).',
      },
    ];
  }
  if (answers.asOf === undefined && items.some((i) => i.expires !== undefined)) {
    return [
      {
        code: 'expiry-not-checked',
        message: 'Evidence expiry was not checked: the answers have no date. Add "date:" to the answers file or pass --as-of DATE; until then every item counts as current.',
      },
    ];
  }
  return [];
}

export function withTargetsAndConfidence(model: Model, answers: AnswerSet, report: Report, tallies: readonly ElementTally[]): Report {
  const scored = tallies.map((tally) => planElement(model, tally));
  const targets = targetIndexes(model, answers.targets);
  const confidence = confidenceOf(model, answers, scored);
  const elements = report.elements.map((element, i) => {
    const { score, levels } = scored[i]!;
    const target = targets[i];
    const { confidence: c, unsupported } = confidence.elements[i]!;
    return {
      ...element,
      ...(score !== undefined && target !== undefined ? { target: elementTarget(model, target, score, levels.level!, blockersOf(tallies[i]!, scored[i]!, target)) } : {}),
      confidence: c,
      unsupported,
    };
  });
  const planned = planWithTargets(model, answers.respondents, tallies, scored, targets, answers.anonymous, report.plan ?? []);
  return {
    ...report,
    overall: { ...report.overall, confidence: confidence.overall },
    elements,
    plan: planned.plan,
    warnings: [...report.warnings, ...planned.warnings, ...evidenceWarnings(answers)],
  };
}

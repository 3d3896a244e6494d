// (1.2) The report's targets, confidence and plan to target (SPEC 3, 4): one hook after the 1.1 scores, so that
// each part keeps its own module (targets.ts, confidence.ts, target-plan.ts).

import { questionScores } from '../compare/question-scores.js';
import type { Report, ReportWarning } from '../model/report.js';
import type { AnswerSet, Model } from '../model/types.js';
import { confidenceOf } from './confidence.js';
import { exactScores } from './score.js';
import { planWithTargets } from './target-plan.js';
import { elementTarget, targetIndexes } from './targets.js';

/** Questions whose cap is below the target: none under the mean level rule (SPEC 3). */
function blockersOf(): readonly string[] {
  return [];
}

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

export function withTargetsAndConfidence(model: Model, answers: AnswerSet, report: Report): Report {
  const exact = exactScores(model, answers.respondents);
  const targets = targetIndexes(model, answers.targets);
  const confidence = confidenceOf(model, answers, questionScores(model, answers.respondents));
  const elements = report.elements.map((element, i) => {
    const score = exact.elements[i];
    const target = targets[i];
    const { confidence: c, unsupported } = confidence.elements[i]!;
    return {
      ...element,
      ...(score !== undefined && target !== undefined && element.level !== null ? { target: elementTarget(model, target, score, element.level, blockersOf()) } : {}),
      confidence: c,
      unsupported,
    };
  });
  const planned = planWithTargets(model, answers.respondents, exact.elements, targets, answers.anonymous, blockersOf);
  return {
    ...report,
    overall: { ...report.overall, confidence: confidence.overall },
    elements,
    plan: planned.plan,
    warnings: [...report.warnings, ...planned.warnings, ...evidenceWarnings(answers)],
  };
}

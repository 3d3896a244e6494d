// (1.2) The plan with targets (SPEC 4): when any element's target is unreached, the steps that bring each element to
// its target come first, marked `toTarget`, each from the answers the steps before it left; then the plan of
// plan.ts from the answers after them. An element whose target the model's steps cannot reach is named in a warning.
//
// Which element next: as in the weakest-link order, the element with an unreached target that stands lowest (level,
// then score, then model order). Which of its steps: one on a question that blocks the target (its cap is below the
// target) first, then the most element points, then the model's question order.

import { ZERO, add, compare, fromNumber, type Fraction } from '../domain/fraction.js';
import type { PlanStep, RecordedAnswer, ReportWarning } from '../domain/report.js';
import type { Model, Respondent } from '../domain/types.js';
import { elementSteps, planSteps, type PlanElement, type ScoredStep } from './plan.js';
import { questionValue, scoreElementValues, tallyAnswers, type ElementTally } from './tally.js';

/** An element scored from its tally, as the plan reads it. */
export function planElement(model: Model, tally: ElementTally): PlanElement {
  const values = tally.questions.map((q) => questionValue(q));
  return { ...scoreElementValues(model, tally.element, values), values };
}

/** The questions of an element whose cap is below the target level (index), in the element's order. */
export function blockersOf(tally: ElementTally, scored: PlanElement, target: number): string[] {
  return tally.questions.flatMap((q, i) => {
    const levels = scored.levels.questions[i];
    return levels !== undefined && levels.cap < target ? [q.question.id] : [];
  });
}

/** The respondents after a step: each it moves answers the step's answer, under the question's current id. */
function afterStep(model: Model, respondents: readonly Respondent[], step: PlanStep): Respondent[] {
  const question = model.elements.flatMap((e) => e.questions).find((q) => q.id === step.question)!;
  const moved = step.answers ?? {};
  return respondents.map((r) => {
    if (!Object.hasOwn(moved, r.name)) return r;
    const answers = new Map(r.answers);
    for (const old of question.replaces) answers.delete(old);
    answers.set(question.id, moved[r.name] as RecordedAnswer);
    return { ...r, answers };
  });
}

/** A plan step without who moves, for an anonymous report. */
function withoutNames(step: PlanStep): PlanStep {
  const rest = { ...step };
  delete rest.answers;
  return rest;
}

/** Whether step a is to be taken before step b: a blocker first, then more element points, then question order. */
function better(a: Omit<ScoredStep, 'elementIndex'>, b: Omit<ScoredStep, 'elementIndex'>, blocking: ReadonlySet<string>): boolean {
  const blocksA = blocking.has(a.step.question);
  const blocksB = blocking.has(b.step.question);
  if (blocksA !== blocksB) return blocksA;
  const byPoints = compare(a.elementPoints, b.elementPoints);
  return byPoints > 0 || (byPoints === 0 && a.questionIndex < b.questionIndex);
}

export interface TargetPlan {
  readonly plan: PlanStep[];
  readonly warnings: ReportWarning[];
}

/**
 * `tallies` and `elements`: the answers tallied and each element scored (plan.ts); `targets`: each element's target
 * level index (undefined: none); `plan`: plan.ts's plan of these answers, which stands when every target is reached.
 */
export function planWithTargets(
  model: Model,
  respondents: readonly Respondent[],
  tallies: readonly ElementTally[],
  elements: readonly PlanElement[],
  targets: readonly (number | undefined)[],
  anonymous: boolean,
  plan: readonly PlanStep[],
): TargetPlan {
  const anyTarget = targets.some((t, i) => t !== undefined && elements[i]!.score !== undefined);
  const unreached = new Set(model.elements.flatMap((_, i) => (elements[i]!.score !== undefined && targets[i] !== undefined && elements[i]!.levels.level! < targets[i] ? [i] : [])));
  if (unreached.size === 0) return { plan: anyTarget ? plan.map((step) => ({ ...step, toTarget: false })) : [...plan], warnings: [] };
  const totalElementWeight = model.elements.reduce((s, e, i) => (elements[i]!.score === undefined ? s : add(s, fromNumber(e.weight))), ZERO);
  const nowTallies = [...tallies];
  const now = [...elements];
  const toTarget: PlanStep[] = [];
  const warnings: ReportWarning[] = [];
  let current = respondents;
  while (unreached.size > 0) {
    let pick: number | undefined;
    for (const i of unreached) {
      const [a, b] = [now[i]!, pick === undefined ? undefined : now[pick]!];
      if (b === undefined || a.levels.level! < b.levels.level! || (a.levels.level === b.levels.level && compare(a.score!, b.score!) < 0)) pick = i;
    }
    const index = pick!;
    const target = targets[index]!;
    const scored = now[index]! as PlanElement & { readonly score: Fraction };
    const blocking = new Set(blockersOf(nowTallies[index]!, scored, target));
    const steps = elementSteps(model, nowTallies[index]!, scored, current, totalElementWeight, false);
    const best = steps.reduce<(typeof steps)[number] | undefined>((b, s) => (b === undefined || better(s, b, blocking) ? s : b), undefined);
    if (best === undefined) {
      const element = model.elements[index]!;
      warnings.push({
        code: 'target-unreachable',
        message: `${element.title} cannot reach its target, ${model.levels[target]!.title}, by the steps the model knows: with every answer as high as they go it stays ${model.levels[scored.levels.level!]!.title}.`,
      });
      unreached.delete(index);
      continue;
    }
    current = afterStep(model, current, best.step);
    const tally = tallyAnswers({ ...model, elements: [model.elements[index]!] }, current)[0]!;
    nowTallies[index] = tally;
    now[index] = planElement(model, tally);
    const level = now[index].levels.level!;
    toTarget.push({ ...best.step, levelAfter: model.levels[level]!.id, toTarget: true });
    if (level >= target) unreached.delete(index);
  }
  // the rest of the plan, from the answers the steps to the targets leave
  const after = tallyAnswers(model, current);
  const rest = planSteps(model, current, after, after.map((t) => planElement(model, t)), false).map((step) => ({ ...step, toTarget: false }));
  const steps = [...toTarget, ...rest];
  return { plan: anonymous ? steps.map(withoutNames) : steps, warnings };
}

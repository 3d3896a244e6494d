// (1.2) The plan with targets (SPEC 4): when any element's target is unreached, the steps that bring each element to
// its target come first, marked `toTarget`, each from the answers the steps before it left; then the 1.1 plan from
// the answers after them. An element whose target the model's steps cannot reach is named in a warning.
//
// Which element next: as in the weakest-link order, the element with an unreached target that would then stand
// lowest (level, then score, then model order). Which step of it: one on a question that blocks the target (its cap
// is below the target) first, then the most element points, then the model's question order.

import { ZERO, add, compare, fromNumber, type Fraction } from '../model/fraction.js';
import type { PlanStep, RecordedAnswer, ReportWarning } from '../model/report.js';
import type { Model, Respondent } from '../model/types.js';
import { elementSteps, planSteps, type ScoredStep } from './plan.js';
import { scoreOneElement } from './score.js';

/** One element's standing while the steps are taken. */
interface Standing {
  score: Fraction;
  level: number;
  readonly target: number;
}

/** The respondents after a step: each it moves answers the step's answer, under the question's current id. */
function afterStep(model: Model, respondents: readonly Respondent[], step: PlanStep): Respondent[] {
  const question = model.elements.flatMap((e) => e.questions).find((q) => q.id === step.question)!;
  const moved = new Map<string, RecordedAnswer>(Object.entries(step.answers ?? {}));
  return respondents.map((r) => {
    const answer = moved.get(r.name);
    if (answer === undefined || !Object.hasOwn(step.answers ?? {}, r.name)) return r;
    const answers = new Map(r.answers);
    for (const old of question.replaces) answers.delete(old);
    answers.set(question.id, answer);
    return { ...r, answers };
  });
}

function levelIndex(model: Model, id: string | null): number {
  return model.levels.findIndex((l) => l.id === id);
}

/** A plan step without who moves, for an anonymous report. */
function withoutNames(step: PlanStep): PlanStep {
  const rest = { ...step };
  delete rest.answers;
  return rest;
}

export interface TargetPlan {
  readonly plan: PlanStep[];
  readonly warnings: ReportWarning[];
}

/**
 * `scores`: the exact element scores in the model's order (undefined: not assessed); `targets`: each element's
 * target level index (undefined: none); `blockers(elementIndex, respondents)`: the questions whose cap is below
 * the element's target.
 */
export function planWithTargets(
  model: Model,
  respondents: readonly Respondent[],
  scores: readonly (Fraction | undefined)[],
  targets: readonly (number | undefined)[],
  anonymous: boolean,
  blockers: (elementIndex: number, respondents: readonly Respondent[]) => readonly string[],
): TargetPlan {
  const anyTarget = targets.some((t, i) => t !== undefined && scores[i] !== undefined);
  const standing = new Map<number, Standing>();
  for (const [i, element] of model.elements.entries()) {
    const score = scores[i];
    const target = targets[i];
    if (score === undefined || target === undefined) continue;
    const level = levelIndex(model, scoreOneElement(model, element, respondents).level);
    if (level < target) standing.set(i, { score, level, target });
  }
  const totalElementWeight = model.elements.reduce((s, e, i) => (scores[i] === undefined ? s : add(s, fromNumber(e.weight))), ZERO);
  const toTarget: PlanStep[] = [];
  const warnings: ReportWarning[] = [];
  let current = respondents;
  const after = [...scores];
  while (standing.size > 0) {
    let pick: number | undefined;
    for (const [i, s] of standing) {
      const p = pick === undefined ? undefined : standing.get(pick)!;
      if (p === undefined || s.level < p.level || (s.level === p.level && compare(s.score, p.score) < 0)) pick = i;
    }
    const index = pick!;
    const element = model.elements[index]!;
    const state = standing.get(index)!;
    const blocking = new Set(blockers(index, current));
    const steps = elementSteps(model, element, state.score, current, totalElementWeight, false);
    const best = steps.reduce<(typeof steps)[number] | undefined>((b, s) => (b === undefined || better(s, b, blocking) ? s : b), undefined);
    if (best === undefined) {
      const target = model.levels[state.target]!;
      warnings.push({
        code: 'target-unreachable',
        message: `${element.title} cannot reach its target, ${target.title}, by the steps the model knows: even with every answer at the top it stays ${model.levels[state.level]!.title}.`,
      });
      standing.delete(index);
      continue;
    }
    current = afterStep(model, current, best.step);
    const level = levelIndex(model, scoreOneElement(model, element, current).level);
    state.score = add(state.score, best.elementPoints);
    state.level = level;
    after[index] = state.score;
    toTarget.push({ ...best.step, levelAfter: model.levels[level]!.id, toTarget: true });
    if (level >= state.target) standing.delete(index);
  }
  const rest = planSteps(model, current, after, false).map((step) => (anyTarget ? { ...step, toTarget: false } : step));
  const plan = [...toTarget, ...rest];
  return { plan: anonymous ? plan.map(withoutNames) : plan, warnings };
}

/** Whether step a is to be taken before step b: a blocker first, then more element points, then question order. */
function better(a: Omit<ScoredStep, 'elementIndex'>, b: Omit<ScoredStep, 'elementIndex'>, blocking: ReadonlySet<string>): boolean {
  const blocksA = blocking.has(a.step.question);
  const blocksB = blocking.has(b.step.question);
  if (blocksA !== blocksB) return blocksA;
  const byPoints = compare(a.elementPoints, b.elementPoints);
  return byPoints > 0 || (byPoints === 0 && a.questionIndex < b.questionIndex);
}

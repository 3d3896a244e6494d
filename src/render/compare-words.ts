// (1.2) The words of a change between two periods, shared by the comparison's renderers (text, Markdown, HTML):
// the periods' own movement ("rose", "fell"), and the like-for-like figure, always labelled as such, never a level.

import type { LikeForLike } from '../domain/comparison.js';
import { formatScore, formatSigned } from './number.js';
import { plural } from '../text/plural.js';

/** "rose 9.46 points", "fell 2.22 points", "did not move". */
export function moved(delta: number): string {
  if (delta === 0) return 'did not move';
  return `${delta > 0 ? 'rose' : 'fell'} ${plural(Math.abs(delta), 'point')}`;
}

/** "like for like, over the 4 questions both periods answered: 21.97 → 59.81 (+37.84)". */
export function likeForLikeWords(like: LikeForLike, arrow = '→', minus = '-'): string {
  const over = like.over.length === 1 ? 'the 1 question both periods answered' : `the ${like.over.length} questions both periods answered`;
  return `like for like, over ${over}: ${formatScore(like.fromScore)} ${arrow} ${formatScore(like.toScore)} (${formatSigned(like.delta, minus, '—')})`;
}

/** The short label of a like-for-like column or cell. */
export const LIKE_FOR_LIKE = 'Like for like';

/** Why a comparison shows like-for-like figures, in one sentence. */
export function likeForLikeReason(from: string, to: string): string {
  return `${from} and ${to} answered different questions (another version of the questionnaire, or a question left unanswered), so beside each period's own score the like-for-like change over the questions both periods answered is shown. It is not a level: the levels are the periods' own.`;
}

// The Method section's words, shared by the Markdown and the HTML report: how answers become scores and
// levels. Each caller passes its own escape for the model's level titles and lays out the paragraphs.

import type { Report } from '../domain/report.js';
import type { Escape } from './plan-words.js';

/** The Method section's paragraphs, in order. */
export function methodParagraphs(report: Report, escape: Escape): string[] {
  const levels = report.levels.map((l) => `${escape(l.title)} from ${l.minScore}`).join(', ');
  return [
    "Each answer is turned into a value from 0 to 1: for a single choice, the option's score relative to the lowest and highest option scores; for a multiple choice, the sum of the chosen options' scores over the sum of all options' scores; for a scale, the position of the answer between its minimum and maximum. Answers of n/a and unanswered questions have no value and are left out.",
    "A question's score is the mean of the respondents' values (× 100); its spread is the difference between the highest and the lowest value. An element's score is the weighted mean of its answered questions' scores. Its level is the highest level whose starting score it reaches, on the unrounded score: " +
      `${levels}.`,
    report.overall.method === 'weakest-link'
      ? 'The overall score is the weighted mean of the assessed elements. The overall level is the lowest level among the assessed elements (weakest link).'
      : 'The overall score is the weighted mean of the assessed elements, and the overall level is the level of that score (mean).',
  ];
}

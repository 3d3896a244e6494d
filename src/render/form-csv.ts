// cxm form -f csv: the questionnaire as an empty response sheet, one column per question (its text, then
// its id in brackets, which cxm import matches first), after the respondent's name, role and group.

import type { Model } from '../domain/types.js';
import { csvRecord } from '../text/csv-cell.js';

/** Header names cxm import recognises for the respondent's columns. */
export const PERSON_HEADERS = ['Name', 'Role', 'Group'] as const;

export function renderFormCsv(model: Model): string {
  const questions = model.elements.flatMap((e) => e.questions);
  // a BOM, so that Excel reads the file as UTF-8; every cell neutralised against formulas (csvRecord)
  return '\uFEFF' + csvRecord([...PERSON_HEADERS, ...questions.map((q) => `${q.text.replace(/\s+/g, ' ').trim()} [${q.id}]`)]);
}

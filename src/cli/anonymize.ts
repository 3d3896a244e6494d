// cxm anonymize ANSWERS [-o FILE] [--keep-notes] [--model DIR]: a named answers file → one that can be handed on
// (SPEC 4.2): no names, roles or e-mails, respondents numbered in an order derived from their answers, notes only
// with --keep-notes, `anonymous: true`. Written through the one answers-file writer.

import { anonymizeDraft } from '../answers-file/anonymize.js';
import { readAnswersDraft } from '../answers-file/read.js';
import { serializeAnswers } from '../answers-file/write.js';
import { singleLine } from '../text/sanitize.js';
import { reportFindings, resolveModel } from './assessment.js';
import { EXIT, type Context } from './context.js';
import { parseFileSize } from './file-size.js';
import { refuseOutputOverInput, writeOutput } from './output.js';

export interface AnonymizeFlags {
  readonly model?: string;
  readonly output?: string;
  readonly keepNotes?: boolean;
  readonly maxFileSize?: string;
}

export async function runAnonymize(context: Context, file: string, flags: AnonymizeFlags): Promise<number> {
  const maxBytes = parseFileSize(flags.maxFileSize);
  await refuseOutputOverInput(context, flags.output, [file]);
  const model = await resolveModel(context, flags.model, file, { maxBytes });
  if (!model.ok) return model.exitCode;
  const read = await readAnswersDraft(file, model.value, { maxBytes });
  const code = await reportFindings(context, read.findings);
  if (code !== undefined || !read.draft) {
    context.stderr.write(`cxm: nothing was written: fix ${singleLine(file)} and run cxm anonymize again\n`);
    return code ?? EXIT.invalid;
  }
  const draft = anonymizeDraft(read.draft, { keepNotes: flags.keepNotes === true });
  await writeOutput(context, flags.output, serializeAnswers(draft), [file, ...model.value.inputs.map((i) => i.file)]);
  const notes = read.draft.respondents.some((r) => r.notes.size > 0) ? (flags.keepNotes ? '; notes kept: they are the respondents\' own words, read them before handing the file on' : '; notes left out (--keep-notes keeps them)') : '';
  const n = draft.respondents.length;
  context.stderr.write(`${singleLine(file)}: ${n} respondent${n === 1 ? '' : 's'} without names, roles or e-mail addresses, in an order derived from their answers${notes}\n`);
  return EXIT.ok;
}

// The answers file written directly, without a yaml Document: for tens of thousands of respondents (cxm import
// of an organization-wide survey), where building a Document takes many times longer than reading the
// responses, and loading the yaml package is start-up time. The same data as serializeAnswers (answers-file.ts).

import type { AnswerValue } from '../model/types.js';
import type { AnswersDraft } from '../model/answers-draft.js';

/** Words YAML 1.1 reads as booleans or null: never written plain, whatever reads the file. */
const AMBIGUOUS_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);
/** Text that every YAML reader takes as this very string when written plain, in a block or in a flow list. */
const PLAIN_SAFE = /^[A-Za-z][\w./@()+-]*(?: [\w./@()+-]+)*$/;
/** Characters a double-quoted YAML scalar must escape beyond what JSON escapes (non-printable in YAML 1.2, line-break-like). */
const YAML_UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  if (PLAIN_SAFE.test(value) && !AMBIGUOUS_WORDS.has(value.toLowerCase())) return value;
  // a JSON string is a YAML double-quoted scalar with the same value, once YAML's unprintables are escaped too
  return JSON.stringify(value).replace(YAML_UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The answers file serializeAnswers writes, in the same layout. Plain scalars only where no reader can take them
 * for anything else; everything else double-quoted. test/import/answers-writer.test.ts holds it to
 * serializeAnswers: both parse to the same data, as YAML 1.2 and as YAML 1.1.
 */
export function serializeAnswersFast(draft: AnswersDraft): string {
  // ids and option ids repeat on every respondent: each is judged once
  const known = new Map<string, string>();
  const scalarOf = (value: string): string => {
    let written = known.get(value);
    if (written === undefined) known.set(value, (written = scalar(value)));
    return written;
  };
  // respondents of a survey give the same answers again and again: the line of an answer is written once
  const lines = new Map<string, Map<AnswerValue, string>>();
  const answerLine = (id: string, value: AnswerValue): string => {
    let byValue = lines.get(id);
    if (!byValue) lines.set(id, (byValue = new Map<AnswerValue, string>()));
    let line = byValue.get(value);
    if (line === undefined) {
      const written = Array.isArray(value)
        ? `[${(value as readonly string[]).map(scalarOf).join(', ')}]`
        : typeof value === 'string'
          ? scalarOf(value)
          : String(value);
      line = `      ${scalarOf(id)}: ${written}`;
      // lists are remembered by identity: only the ones a reader shares (cxm import's) repeat
      if (byValue.size < 4096) byValue.set(value, line);
    }
    return line;
  };
  const out: string[] = ['kind: answers', `model: {id: ${scalar(draft.model.id)}, version: ${scalar(draft.model.version)}}`];
  if (draft.organization !== undefined) out.push(`organization: ${scalar(draft.organization)}`);
  if (draft.period !== undefined) out.push(`period: ${scalar(draft.period)}`);
  if (draft.date !== undefined) out.push(`date: ${scalar(draft.date)}`);
  if (draft.anonymous === true) out.push('anonymous: true');
  if (draft.source !== undefined) out.push('source:', `  file: ${scalar(draft.source.file)}`, `  sha256: ${scalar(draft.source.sha256)}`);
  if (draft.respondents.length === 0) out.push('respondents: []');
  else out.push('respondents:');
  for (const r of draft.respondents) {
    out.push(`  - name: ${scalar(r.name)}`);
    if (r.role !== undefined) out.push(`    role: ${scalar(r.role)}`);
    if (r.group !== undefined) out.push(`    group: ${scalar(r.group)}`);
    if (r.answers.size === 0) out.push('    answers: {}');
    else {
      out.push('    answers:');
      for (const [id, value] of r.answers) out.push(answerLine(id, value));
    }
    if (r.notes.size > 0) {
      out.push('    notes:');
      for (const [id, note] of r.notes) out.push(`      ${scalar(id)}: ${scalar(note)}`);
    }
  }
  return out.join('\n') + '\n';
}

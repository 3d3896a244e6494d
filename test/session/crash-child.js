// Child process of crash.test.ts: runs the real session (dist/) on the built-in model with a scripted
// prompter that answers at once, for several respondents in turn, so that a SIGKILL can land anywhere.
// Around every save it writes to stdout, synchronously (the pipe holds what was written before a kill):
//   saving <sha256 of the text being written>
//   saved <sha256> <JSON of every respondent's answers and notes in that text>
// Usage: node crash-child.js ANSWERS_FILE SEED RESPONDENTS

import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';
import { URL } from 'node:url';

const dist = new URL('../../dist/', import.meta.url);
const { AnswerStore } = await import(new URL('answers-file/store.js', dist).href);
const { serializeAnswers } = await import(new URL('answers-file/write.js', dist).href);
const { runSession } = await import(new URL('assess/session.js', dist).href);
const { loadModel } = await import(new URL('load/model.js', dist).href);
const { builtinModelDir } = await import(new URL('load/builtin.js', dist).href);

const [file, seedArg = '1', respondentsArg = '3'] = process.argv.slice(2);
if (!file) throw new Error('usage: node crash-child.js ANSWERS_FILE SEED RESPONDENTS');

// mulberry32: a small seeded generator, so that a failing run can be repeated
let seed = Number(seedArg) >>> 0;
function random() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const NOTES = ['', '', '', 'Board only', 'quote " and colon: here', '# not a comment', 'two\nlines', 'n/a', 'no', '1.0', 'café 東京'];

function log(line) {
  writeSync(1, line + '\n');
}
const sha = (text) => createHash('sha256').update(text).digest('hex');

class AcknowledgingStore extends AnswerStore {
  async save() {
    const text = serializeAnswers(this.draft);
    log(`saving ${sha(text)}`);
    await super.save();
    const snapshot = this.draft.respondents.map((r) => ({
      name: r.name,
      answers: Object.fromEntries(r.answers),
      notes: Object.fromEntries(r.notes),
    }));
    log(`saved ${sha(text)} ${JSON.stringify(snapshot)}`);
  }
}

let respondent = 0;
const prompter = {
  async select(_message, choices) {
    const values = choices.map((c) => c.value).filter((v) => typeof v !== 'symbol');
    return values[Math.floor(random() * values.length)];
  },
  async checkbox(_message, choices) {
    // the options only: the rows after them (n/a, note, help, skip) are actions
    return choices.filter((c) => !c.action).map((c) => c.value).filter(() => random() < 0.5);
  },
  async input(message) {
    if (message.startsWith('Organization')) return 'Acme "Ltd": #1';
    if (message.startsWith('Period')) return '2026-Q4';
    if (message.startsWith('Your role')) return respondent % 2 ? '' : 'Head of Service';
    if (message.startsWith('Note')) return NOTES[Math.floor(random() * NOTES.length)];
    throw new Error(`unexpected input: ${message}`);
  },
  async confirm() {
    return true;
  },
  say() {},
};

const { model } = await loadModel(builtinModelDir());
const store = new AcknowledgingStore(file, { model: { id: model.id, version: model.version }, respondents: [] });
log('ready');
for (respondent = 0; respondent < Number(respondentsArg); respondent++) {
  // --notes: a note after every answer, so that kills land in note saves too
  await runSession(model, store, prompter, { respondent: `Respondent ${respondent + 1}`, today: '2026-11-22', notes: true });
}
log('done');

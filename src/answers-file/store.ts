// The answers file of an interview in progress: a valid SPEC 2.3 answers file at every moment, rewritten
// atomically after every answer so that a crash or Ctrl-C loses nothing that was answered.

import { writeFileAtomic } from '../io/atomic-write.js';
import type { AnswersDraft, DraftRespondent } from './draft.js';
import { serializeAnswers } from './write.js';

export class AnswerStore {
  /** Whether the file exists on disk: it did when the session began, or a save has written it. */
  written: boolean;

  constructor(
    readonly path: string,
    readonly draft: AnswersDraft,
    existed = false,
  ) {
    this.written = existed;
  }

  async save(): Promise<void> {
    await writeFileAtomic(this.path, serializeAnswers(this.draft));
    this.written = true;
  }

  respondent(name: string): DraftRespondent | undefined {
    return this.draft.respondents.find((r) => r.name === name);
  }
}

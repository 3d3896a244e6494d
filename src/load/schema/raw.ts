// The shapes of files once they have passed their JSON Schema (src/schemas): what the rules read.

export interface RawLevel {
  id: string;
  title: string;
  minScore: number;
  description?: string;
}

export interface RawModel {
  kind: 'model';
  id: string;
  version: string;
  title: string;
  description?: string;
  overall?: 'weakest-link' | 'mean';
  levelRule?: 'mean' | 'capped';
  tolerance?: number;
  levels: RawLevel[];
  elements: { id: string; file?: string; weight?: number }[];
  groups?: { id: string; title: string }[];
  accepts?: string[];
}

export interface RawOption {
  id: string;
  label: string;
  score: number;
  next?: string;
  replaces?: string[];
}

export interface RawQuestion {
  id: string;
  text: string;
  help?: string;
  type: 'choice' | 'multi' | 'scale';
  weight?: number;
  notApplicable?: boolean;
  replaces?: string[];
  options?: RawOption[];
  min?: number;
  max?: number;
  labels?: Record<string, string>;
  /** (1.2) scale: the value at which each named level starts. */
  levels?: Record<string, number>;
  /** (1.2) scale: the action that raises the answer one anchor up. */
  next?: string;
  gate?: string;
  check?: string;
}

export interface RawQuestionnaire {
  kind: 'questionnaire';
  element: string;
  title: string;
  intro?: string;
  questions: RawQuestion[];
  recommendations?: Record<string, string[]>;
}

export interface RawRespondent {
  name: string;
  role?: string;
  group?: string;
  answers?: Record<string, string | number | string[]>;
  notes?: Record<string, string>;
}

export interface RawAnswers {
  kind: 'answers';
  model: { id: string; version: string };
  organization?: string;
  period?: string;
  date?: string;
  anonymous?: boolean;
  /** Where imported answers came from (cxm import). */
  source?: { file: string; sha256: string };
  respondents: RawRespondent[];
  /** (1.2) Level ids by element id, and `default`. */
  targets?: Record<string, string>;
  /** (1.2) By question id. */
  evidence?: Record<string, RawEvidenceItem[]>;
}

/** (1.2) One evidence item (SPEC 2.3); `kind` is one of EVIDENCE_KINDS once past the schema. */
export interface RawEvidenceItem {
  kind: string;
  ref: string;
  owner?: string;
  date?: string;
  expires?: string;
}

export function own<T>(record: Record<string, T> | undefined): [string, T][] {
  return record ? Object.entries(record) : [];
}

// YAML text → plain data, keeping the document so that a JSON pointer can be turned back into
// line:column when (and only when) a finding needs it. Hostile input is a finding, never a throw.
// This is the full path, for the text the fast path (fast-parse.ts) cannot judge.

import type { Document, ParsedNode } from 'yaml';
import type { Finding, FindingCode } from '../../domain/finding.js';
import { AliasLimit, Converter, MAX_ALIAS_NODES, TooDeep } from './converter.js';
import { MAX_DEPTH, depthOverflow } from './depth-guard.js';
import { lineIndex } from './line-index.js';
import { documentLocator, openingQuote } from './locate-node.js';
import type { ParsedYaml } from './parsed-yaml.js';
import { explainSyntaxErrors } from './syntax-errors.js';
import { yamlLib } from './yaml-library.js';


const YAML_ERROR_CODES: Record<string, FindingCode> = {
  MULTIPLE_DOCS: 'yaml-multiple-documents',
  TAG_RESOLVE_FAILED: 'yaml-unknown-tag',
  RESOURCE_EXHAUSTION: 'yaml-too-deep',
};

const YAML_ADVICE: Partial<Record<FindingCode, string>> = {
  'yaml-multiple-documents': 'the file holds several YAML documents (separated by ---): keep one document per file',
  'yaml-unknown-tag': 'remove the tag; only plain YAML 1.2 values (strings, numbers, booleans, lists, mappings) are allowed',
  'yaml-too-deep': `the file nests lists and mappings more than ${MAX_DEPTH} levels deep: flatten it (real files need fewer than 10)`,
};

function plainYamlMessage(message: string): string {
  // yaml appends " at line L, column C:" and a code frame; we give our own position. Its advice
  // to call a library function ("please use YAML.parseAllDocuments()") is not for our users.
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/;\s*please use YAML\.\w+\(\)$/, '');
}

const PARSE_OPTIONS = { version: '1.2', schema: 'core', uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, intAsBigInt: false } as const;

/**
 * yaml's parseDocument without the stack trace of each error it collects: a broken file has an error per line
 * of its cascade, each an Error whose stack costs more than its parse, and only the messages are ever shown.
 */
function parseDocument(text: string): Document.Parsed<ParsedNode, true> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return yamlLib().parseDocument(text, PARSE_OPTIONS);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export interface ParseOptions {
  readonly file: string;
}

export function parseYaml(text: string, { file }: ParseOptions): ParsedYaml {
  const toPosition = lineIndex(text);
  const findings: Finding[] = [];
  const add = (code: FindingCode, offset: number, pointer: string, message: string): void => {
    findings.push({ file, ...toPosition(offset), severity: 'error', code, message, pointer });
  };

  const overflow = depthOverflow(text);
  if (overflow >= 0) {
    add('yaml-too-deep', overflow, '', YAML_ADVICE['yaml-too-deep']!);
    return { data: undefined, findings, locate: () => toPosition(overflow) };
  }

  let doc: Document.Parsed<ParsedNode, true>;
  try {
    doc = parseDocument(text);
  } catch (error) {
    // the parser's own recursion on hostile input
    if (error instanceof RangeError) {
      add('yaml-too-deep', 0, '', YAML_ADVICE['yaml-too-deep']!);
      return { data: undefined, findings, locate: () => ({ line: 1, column: 1 }) };
    }
    throw error;
  }

  // mistakes explained in the person's words, one each, without the errors that only follow from them
  const { mistakes, rest } = explainSyntaxErrors(text, [...doc.errors, ...doc.warnings], (fixed) => {
    const again = parseDocument(fixed);
    return [...again.errors, ...again.warnings];
  });
  for (const mistake of mistakes) add('yaml-syntax', mistake.offset, '', mistake.message);
  for (const problem of rest) {
    const code = YAML_ERROR_CODES[problem.code] ?? 'yaml-syntax';
    const advice = YAML_ADVICE[code];
    const base = plainYamlMessage(problem.message);
    const quoteStart = problem.code === 'MISSING_CHAR' ? openingQuote(doc, problem.pos[0]) : undefined;
    if (quoteStart !== undefined) {
      const quote = text[quoteStart] ?? '"';
      add(code, quoteStart, '', `the string that starts here with ${quote} is never closed: add the closing ${quote}`);
      continue;
    }
    const message = advice ? `${advice} (${base})` : `${base}: fix the YAML syntax here`;
    add(code, problem.pos[0], '', message);
  }
  const locate = documentLocator(doc, toPosition);
  if (findings.length > 0) {
    return { data: undefined, findings, locate };
  }

  const converter = new Converter();
  let data: unknown;
  try {
    data = converter.convert(doc.contents, [], 0, false);
  } catch (error) {
    if (error instanceof TooDeep) {
      add('yaml-too-deep', error.offset, error.pointer, YAML_ADVICE['yaml-too-deep']!);
      return { data: undefined, findings, locate };
    }
    if (error instanceof AliasLimit) {
      add(
        'yaml-alias-limit',
        error.offset,
        error.pointer,
        `aliases (*name) expand to more than ${MAX_ALIAS_NODES} values: write the values out, or use fewer aliases`,
      );
      return { data: undefined, findings, locate };
    }
    if (error instanceof RangeError) {
      add('yaml-too-deep', 0, '', YAML_ADVICE['yaml-too-deep']!);
      return { data: undefined, findings, locate };
    }
    throw error;
  }
  for (const p of converter.positions) add(p.code, p.offset, p.pointer, p.message);
  return { data: findings.length > 0 ? undefined : data, findings, locate };
}

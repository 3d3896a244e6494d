// First pass: the JSON Schema. Each ajv error becomes one finding at the right place:
// the key of an unknown property, the parent mapping of a missing one, the value of a wrong one.

import type { ErrorObject } from 'ajv';
import type { Finding, FindingCode } from '../../domain/finding.js';
import { closest } from '../../text/did-you-mean.js';
import { quote } from '../../text/quote.js';
import type { ParsedYaml } from '../yaml/parsed-yaml.js';
import { escapePointerSegment, parsePointer } from '../yaml/pointer.js';
import type { Validator } from './validators.js';
import { quotedFix, writtenAt } from '../yaml/written-at.js';

function typeName(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `a string (${quote(value)})`;
  if (typeof value === 'number') return Number.isInteger(value) ? `an integer (${value})` : `a number (${value})`;
  if (typeof value === 'boolean') return `a boolean (${value})`;
  return typeof value;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'empty',
};

function expectedType(type: unknown): string {
  const list = Array.isArray(type) ? type : [type];
  return list.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}

function nameAt(pointer: string): string {
  const segments = parsePointer(pointer);
  const last = segments[segments.length - 1];
  if (last === undefined) return 'the file';
  return /^\d+$/.test(last) ? `item ${Number(last) + 1} of ${segments[segments.length - 2] ?? 'the list'}` : quote(last);
}

function patternAdvice(error: ErrorObject, value: unknown): { code: FindingCode; message: string } {
  const shown = JSON.stringify(value);
  const path = error.schemaPath;
  if (path.includes('questionId')) {
    return {
      code: 'invalid-id',
      message: `${shown} is not a valid question id: use lowercase kebab-case parts separated by dots, e.g. "strategy.experience-statement"`,
    };
  }
  if (path.includes('/id/') || path.startsWith('#/$defs/id') || path.includes('$defs/id')) {
    return {
      code: 'invalid-id',
      message: `${shown} is not a valid id: use lowercase letters, digits and single hyphens (kebab-case), e.g. "customer-journey"`,
    };
  }
  if (path.includes('/version/')) {
    return { code: 'invalid-value', message: `${shown} is not a semantic version: write it like "1.0.0"` };
  }
  if (path.includes('/date/')) {
    return { code: 'invalid-value', message: `${shown} is not an ISO date: write it like 2026-11-22` };
  }
  if (path.includes('/file/')) {
    return {
      code: 'invalid-value',
      message: `${shown} must be a relative path to a .yaml, .yml or .json file next to model.yaml`,
    };
  }
  if (path.includes('/labels/')) {
    return { code: 'invalid-value', message: `scale label key ${shown} must be an integer` };
  }
  return { code: 'invalid-value', message: `${shown} does not match the expected form ${String(error.params['pattern'])}` };
}

/** `text`, the file's text, lets a message quote a value exactly as it was written. */
export function checkSchema(validate: Validator, data: unknown, parsed: ParsedYaml, file: string, text?: string): Finding[] {
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const requiredAt = new Set(
    errors.filter((e) => e.keyword === 'required').map((e) => `${e.instancePath}/${String(e.params['missingProperty'])}`),
  );
  const push = (code: FindingCode, pointer: string, message: string, target: 'key' | 'value' = 'value'): void => {
    const id = `${pointer}\u0000${code}`;
    if (seen.has(id)) return;
    seen.add(id);
    findings.push({ file, ...parsed.locate(pointer, target), severity: 'error', code, message, pointer });
  };

  for (const error of errors) {
    const pointer = error.instancePath;
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'additionalProperties': {
        const property = String(params['additionalProperty']);
        const known = Object.keys((error.parentSchema?.['properties'] as object | undefined) ?? {});
        const guess = closest(property, known);
        const hint = guess
          ? `did you mean "${guess}"?`
          : known.length > 0
            ? `allowed here: ${known.join(', ')}`
            : 'remove it';
        push('unknown-property', `${pointer}/${escapePointerSegment(property)}`, `unknown property ${quote(property)}: ${hint}`, 'key');
        break;
      }
      case 'required': {
        const property = String(params['missingProperty']);
        push('missing-property', pointer, `missing property "${property}": add it to this ${pointer === '' ? 'file' : 'mapping'}`);
        break;
      }
      case 'type': {
        // a number or boolean where a string is needed: quote exactly what was written (True stays True)
        const written = text !== undefined && (typeof error.data === 'number' || typeof error.data === 'boolean') ? writtenAt(text, parsed.locate(pointer)) : '';
        const fix = written !== '' ? quotedFix(parsePointer(pointer).at(-1), written) : undefined;
        push(
          'wrong-type',
          pointer,
          typeof error.data === 'number' && expectedType(params['type']) === 'a string'
            ? `${nameAt(pointer)} must be a string, but YAML reads this value as a number: ${fix ? `quote it: ${fix}` : 'put it in quotes (e.g. "1.0.0" rather than 1.0)'}`
            : typeof error.data === 'boolean' && expectedType(params['type']) === 'a string'
              ? `${nameAt(pointer)} must be a string, but YAML reads ${written || String(error.data)} as a boolean (${String(error.data)}): quote it: ${fix ?? `"${String(error.data)}"`}`
              : `${nameAt(pointer)} must be ${expectedType(params['type'])}, not ${typeName(error.data)}${
                  typeof error.data === 'string' && /^-?\d+(\.\d+)?$/.test(error.data) ? ': remove the quotes' : ''
                }`,
        );
        break;
      }
      case 'const': {
        const expected = JSON.stringify(params['allowedValue']);
        if (pointer === '/kind') {
          push('invalid-value', pointer, `kind must be ${expected} for this file`);
        } else push('invalid-value', pointer, `${nameAt(pointer)} must be ${expected}`);
        break;
      }
      case 'enum':
        push(
          'invalid-value',
          pointer,
          `${JSON.stringify(error.data)} is not allowed for ${nameAt(pointer)}: use one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        );
        break;
      case 'pattern': {
        if (error.propertyName !== undefined) break; // a key's pattern: reported, at the key, by the propertyNames error
        const { code, message } = patternAdvice(error, error.data);
        push(code, pointer, message);
        break;
      }
      case 'propertyNames': {
        const name = String(params['propertyName']);
        const keyPointer = `${pointer}/${escapePointerSegment(name)}`;
        // the key's own error; its schemaPath is the $ref's target, not under propertyNames
        const inner = errors.find((e) => e.keyword === 'pattern' && e.propertyName === name && e.instancePath === pointer);
        const { code, message } = inner
          ? patternAdvice(inner, name)
          : { code: 'invalid-id' as const, message: `${JSON.stringify(name)} is not allowed as a key here` };
        push(code, keyPointer, message, 'key');
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const words: Record<string, string> = {
          minimum: 'at least',
          maximum: 'at most',
          exclusiveMinimum: 'greater than',
          exclusiveMaximum: 'less than',
        };
        push('invalid-value', pointer, `${nameAt(pointer)} must be ${words[error.keyword]} ${String(params['limit'])}, not ${String(error.data)}`);
        break;
      }
      case 'minItems':
        push('invalid-value', pointer, `${nameAt(pointer)} must have at least ${String(params['limit'])} items`);
        break;
      case 'minLength':
        push('invalid-value', pointer, `${nameAt(pointer)} must not be empty`);
        break;
      case 'uniqueItems':
        push('invalid-value', pointer, `${nameAt(pointer)} lists the same value twice (items ${Number(params['j']) + 1} and ${Number(params['i']) + 1}): remove one`);
        break;
      case 'discriminator': {
        if (requiredAt.has(`${pointer}/type`)) break; // the missing "type" is already reported
        const value = (error.data as Record<string, unknown> | null)?.['type'];
        push(
          'unknown-question-type',
          `${pointer}/type`,
          value === undefined || typeof value !== 'string'
            ? 'the question type must be a string: use choice, multi or scale'
            : `unknown question type ${JSON.stringify(value)}: use choice, multi or scale`,
        );
        break;
      }
      case 'oneOf':
      case 'if':
        break; // the branch's own errors say more
      default:
        push('invalid-value', pointer, `${nameAt(pointer)} ${error.message ?? 'is not valid'}`);
    }
  }
  return findings;
}

// The plain data a YAML or JSON file gives: null, booleans, numbers, strings, lists and mappings (records).

/** A mapping: an object that is not a list. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Records keyed by data (respondent names, answer ids): one home for building them safely.

/**
 * A record of the entries, in their order, each an own enumerable data property, `__proto__` included (assigning
 * `record['__proto__'] = x` would set the prototype instead: the one setter on Object.prototype).
 */
export function dataRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record: Record<string, T> = {};
  for (const [key, value] of entries) {
    if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
    else record[key] = value;
  }
  return record;
}

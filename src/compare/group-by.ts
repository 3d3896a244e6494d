/** Groups entries by a key, keeping first-seen order of keys and entries. */
export function groupBy<T, K>(entries: readonly T[], key: (e: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const entry of entries) {
    const k = key(entry);
    const group = groups.get(k);
    if (group) group.push(entry);
    else groups.set(k, [entry]);
  }
  return groups;
}

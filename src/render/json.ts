// One home for JSON output: two-space indent and a final newline, the same for every command.

export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

// JSON pointers (RFC 6901): how a finding names the value it is about, in any file.

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((s) => '/' + escapePointerSegment(String(s))).join('');
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  const segments = pointer.slice(1).split('/');
  // most pointers escape nothing: a file with thousands of findings looks up thousands of them
  if (!pointer.includes('~')) return segments;
  return segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

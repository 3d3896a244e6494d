// JSON pointers (RFC 6901): how a finding names the value it is about, in any file.

export function escapePointerSegment(segment: string): string {
  // most segments escape nothing: a file with thousands of findings builds thousands of pointers
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

export function pointerOf(path: readonly (string | number)[]): string {
  let pointer = '';
  for (const segment of path) pointer += '/' + (typeof segment === 'number' ? String(segment) : escapePointerSegment(segment));
  return pointer;
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  const segments = pointer.slice(1).split('/');
  // most pointers escape nothing: a file with thousands of findings looks up thousands of them
  if (!pointer.includes('~')) return segments;
  return segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

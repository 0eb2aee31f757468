/**
 * Field paths for lesson checks: `spec.replicas`, `status.containerStatuses[0].image`,
 * `metadata.labels['controller-revision-hash']` — the dotted/bracketed form kubectl's JSONPath
 * templates use, without the braces or the leading dot. Pure: a path and a plain JSON value in, the
 * value at that path out.
 */

/** One step of a path: an object key or an array index. */
export type PathSegment = string | number;

/**
 * Parses a path into its segments. Returns an error text for malformed paths (an empty segment, an
 * unclosed bracket), so the lesson validator can point at them.
 */
export function parseFieldPath(path: string): { segments: PathSegment[] } | { error: string } {
  const segments: PathSegment[] = [];
  let i = 0;
  const fail = (why: string) => ({ error: `invalid field path "${path}": ${why}` });
  if (path.trim() === '') return fail('it is empty');
  while (i < path.length) {
    if (path[i] === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) return fail('a "[" is not closed');
      const inner = path.slice(i + 1, close).trim();
      const quoted = inner.match(/^'([^']*)'$|^"([^"]*)"$/);
      if (quoted) segments.push(quoted[1] ?? quoted[2] ?? '');
      else if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else return fail(`"[${inner}]" is neither an index nor a quoted key`);
      i = close + 1;
      if (path[i] === '.') {
        i++;
        if (i >= path.length) return fail('it ends with "."');
      }
      continue;
    }
    let j = i;
    while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
    const key = path.slice(i, j);
    if (key === '') return fail('a segment is empty');
    segments.push(key);
    i = j;
    if (path[i] === '.') {
      i++;
      if (i >= path.length) return fail('it ends with "."');
    }
  }
  return { segments };
}

/** The value at `segments` inside `root`, or undefined when any step is missing. Changes nothing. */
export function valueAt(root: unknown, segments: readonly PathSegment[]): unknown {
  let cur: unknown = root;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (typeof s === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[s];
    } else {
      if (Array.isArray(cur) || !Object.hasOwn(cur, s)) return undefined;
      cur = (cur as Record<string, unknown>)[s];
    }
  }
  return cur;
}

/** The value at a textual path (undefined for a malformed path, which validation rejects earlier). */
export function getField(root: unknown, path: string): unknown {
  const parsed = parseFieldPath(path);
  return 'error' in parsed ? undefined : valueAt(root, parsed.segments);
}

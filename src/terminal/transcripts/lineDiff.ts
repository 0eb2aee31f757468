/**
 * A readable line diff for transcript failures: the lines of `expected` and `actual` around each
 * difference, `-` for expected, `+` for actual, with invisible characters made visible (a trailing
 * space or a tab is exactly what a column-spacing bug changes). Longest-common-subsequence on lines;
 * screens are a few hundred lines, so the quadratic table is cheap.
 */

const CONTEXT = 2;

function visible(line: string): string {
  return line.replace(/\t/g, '→').replace(/ +$/, (s) => '·'.repeat(s.length));
}

/**
 * The differences between two texts as a unified-style listing (empty string when they are equal).
 * Each hunk starts with `@@ line N @@` (N = 1-based line in `expected`).
 */
export function lineDiff(expected: string, actual: string): string {
  if (expected === actual) return '';
  const a = expected.split('\n');
  const b = actual.split('\n');
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = length of the LCS of a[i..] and b[j..]
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const below = lcs[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--) {
      row[j] =
        a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  type Op = { kind: ' ' | '-' | '+'; text: string; at: number };
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      j++;
      ops.push({ kind: ' ', text: a[i++] as string, at: i });
    } else if (
      j < m &&
      (i >= n || ((lcs[i + 1] as Uint32Array)[j] ?? 0) < ((lcs[i] as Uint32Array)[j + 1] ?? 0))
    )
      ops.push({ kind: '+', text: b[j++] as string, at: i + 1 });
    else ops.push({ kind: '-', text: a[i++] as string, at: i });
  }
  const out: string[] = [];
  let last = -1;
  ops.forEach((op, k) => {
    if (op.kind === ' ') return;
    const from = Math.max(k - CONTEXT, last + 1);
    if (from > last + 1 || last < 0) out.push(`@@ line ${ops[from]?.at ?? op.at} @@`);
    for (let c = from; c < k; c++) out.push(`  ${visible((ops[c] as Op).text)}`);
    out.push(`${op.kind} ${visible(op.text)}`);
    let end = k;
    // trailing context is printed by the next iteration or below
    while (end + 1 < ops.length && end + 1 <= k + CONTEXT && ops[end + 1]?.kind === ' ') end++;
    for (let c = k + 1; c <= end; c++) out.push(`  ${visible((ops[c] as Op).text)}`);
    last = end;
  });
  return out.join('\n');
}

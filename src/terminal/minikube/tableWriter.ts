/**
 * The table minikube 1.33 draws with github.com/olekukonko/tablewriter v0.0.5 (`minikube addons list`,
 * `minikube profile list`): borders on all sides, `|` as the centre separator, headers upper-cased and
 * centred, cells left-aligned with one space of padding, and cells wider than 30 columns wrapped at
 * spaces by tablewriter's minimum-raggedness `WrapWords` (util/wrap.go). Widths are display widths:
 * wide characters such as the ✅ emoji take two columns.
 */

/** tablewriter's MaxColWidth default. */
const MAX_COLUMN_WIDTH = 30;
/** tablewriter's defaultPenalty for lines longer than the limit. */
const OVERFLOW_PENALTY = 100_000;

/** Display width: East Asian wide characters and emoji count two columns (go-runewidth). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      cp === 0x2705 ||
      cp === 0x274c;
    w += wide ? 2 : 1;
  }
  return w;
}

/** Splits words into lines of at most `limit` columns with the least raggedness (WrapWords). */
function wrapWords(words: string[], limit: number): string[][] {
  const n = words.length;
  const len = (i: number, j: number) =>
    words.slice(i, j + 1).reduce((s, w) => s + displayWidth(w), 0) + (j - i);
  const cost = new Array<number>(n).fill(Number.MAX_SAFE_INTEGER);
  const brk = new Array<number>(n).fill(n);
  for (let i = n - 1; i >= 0; i--) {
    if (len(i, n - 1) <= limit) {
      cost[i] = 0;
      brk[i] = n;
      continue;
    }
    for (let j = i + 1; j < n; j++) {
      const d = limit - len(i, j - 1);
      let c = d * d + (cost[j] as number);
      if (len(i, j - 1) > limit) c += OVERFLOW_PENALTY;
      if (c < (cost[i] as number)) {
        cost[i] = c;
        brk[i] = j;
      }
    }
  }
  const lines: string[][] = [];
  for (let i = 0; i < n; i = brk[i] as number) lines.push(words.slice(i, brk[i]));
  return lines;
}

/** A cell's lines after wrapping, as tablewriter's parseDimension computes them. */
function cellLines(text: string): string[] {
  const width = displayWidth(text);
  if (width <= MAX_COLUMN_WIDTH) return [text];
  const words = text.split(' ');
  const limit = Math.max(MAX_COLUMN_WIDTH, ...words.map(displayWidth));
  return wrapWords(words, limit).map((ws) => ws.join(' '));
}

function padRight(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function center(text: string, width: number): string {
  const gap = width - displayWidth(text);
  if (gap <= 0) return text;
  const left = Math.floor(gap / 2);
  return ' '.repeat(left) + text + ' '.repeat(gap - left);
}

/** Renders a bordered table the way minikube's tablewriter does; every line ends with `\n`. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((h) => h.toUpperCase());
  const cells = rows.map((r) => r.map(cellLines));
  const widths = head.map((h, c) =>
    Math.max(displayWidth(h), ...cells.map((r) => Math.max(0, ...(r[c] ?? ['']).map(displayWidth)))),
  );
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`;
  let out = rule;
  out += `|${head.map((h, c) => ` ${center(h, widths[c] as number)} `).join('|')}|\n`;
  out += rule;
  for (const r of cells) {
    const height = Math.max(...r.map((lines) => lines.length));
    for (let k = 0; k < height; k++) {
      out += `|${widths.map((w, c) => ` ${padRight(r[c]?.[k] ?? '', w)} `).join('|')}|\n`;
    }
  }
  return out + rule;
}

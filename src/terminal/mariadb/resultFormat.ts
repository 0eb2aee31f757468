/**
 * How the `mariadb` client prints what the server answered (client/mysql.cc, 11.x): boxed tables
 * (`print_table_data`: header left-aligned, numeric columns right-aligned, `NULL` for nulls, widths
 * in terminal cells), vertical output for `\G` (`print_table_data_vertically`), tab-separated batch
 * output (`print_tab_data`, used when stdout is no terminal), and the summary lines
 * (`N rows in set`, `Empty set`, `Query OK, N rows affected`, warnings, the info line,
 * `Database changed`). The lab's timings are always `(0.001 sec)`, so screens are reproducible.
 */
import type { SqlError } from './sqlErrors.ts';
import type { StatementResult } from './statements.ts';

/** The timing text of every result (real servers vary; the lab is deterministic). */
export const TIMING = '(0.001 sec)';

/** Terminal cells a string takes: East Asian wide and fullwidth characters take two. */
export function cellWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

const pad = (text: string, width: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - cellWidth(text)));
  return right ? fill + text : text + fill;
};

type Rows = Extract<StatementResult, { kind: 'rows' }>;

/** A boxed result table, as the interactive client prints it. */
export function boxTable(r: Rows): string {
  const cells = r.rows.map((row) => row.map((v) => v ?? 'NULL'));
  const widths = r.columns.map((c, i) =>
    Math.max(cellWidth(c), ...cells.map((row) => cellWidth(row[i] ?? ''))),
  );
  const line = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+\n`;
  const header = `|${r.columns.map((c, i) => ` ${pad(c, widths[i], false)} `).join('|')}|\n`;
  const body = cells
    .map((row) => `|${row.map((v, i) => ` ${pad(v, widths[i], r.numeric[i])} `).join('|')}|\n`)
    .join('');
  return line + header + line + body + line;
}

/** `\G` output: one block per row, field names right-aligned. */
export function verticalTable(r: Rows): string {
  const nameWidth = Math.max(...r.columns.map(cellWidth));
  return r.rows
    .map(
      (row, n) =>
        `${'*'.repeat(27)} ${n + 1}. row ${'*'.repeat(27)}\n${row
          .map((v, i) => `${pad(r.columns[i], nameWidth, true)}: ${v ?? 'NULL'}\n`)
          .join('')}`,
    )
    .join('');
}

const escapeTab = (v: string) =>
  v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\0/g, '\\0');

/** Batch output: a header line and one tab-separated line per row. */
export function tabTable(r: Rows): string {
  const lines = [
    r.columns.join('\t'),
    ...r.rows.map((row) => row.map((v) => (v === null ? 'NULL' : escapeTab(v))).join('\t')),
  ];
  return `${lines.join('\n')}\n`;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function warningsText(n: number | undefined): string {
  return n ? `, ${plural(n, 'warning')}` : '';
}

/** How the result is laid out. */
export interface OutputMode {
  /** `\G` was used */
  vertical: boolean;
  /** batch mode (`-e`, or input that is not a terminal) */
  batch: boolean;
  /** stdout is a terminal (batch output on a terminal is still boxed) */
  tty: boolean;
}

/** What the client prints for a successful result (errors: {@link errorText}). */
export function resultText(r: Exclude<StatementResult, SqlError>, mode: OutputMode): string {
  if (r.kind === 'use') return mode.batch ? '' : 'Database changed\n';
  if (r.kind === 'ok') {
    if (mode.batch) return '';
    const info = r.info ? `${r.info}\n` : '';
    return `Query OK, ${plural(r.affected, 'row')} affected${warningsText(r.warnings)} ${TIMING}\n${info}\n`;
  }
  if (mode.batch) {
    if (r.rows.length === 0 && !mode.tty) return '';
    if (mode.vertical) return verticalTable(r);
    return mode.tty ? (r.rows.length ? boxTable(r) : '') : tabTable(r);
  }
  if (r.rows.length === 0) return `Empty set ${TIMING}\n\n`;
  const table = mode.vertical ? verticalTable(r) : boxTable(r);
  return `${table}${plural(r.rows.length, 'row')} in set ${TIMING}\n\n`;
}

/** `ERROR 1049 (42000): Unknown database 'x'`; batch mode names the input line. */
export function errorText(e: SqlError, batchLine?: number): string {
  const where = batchLine === undefined ? '' : ` at line ${batchLine}`;
  return `ERROR ${e.code} (${e.state})${where}: ${e.message}\n`;
}

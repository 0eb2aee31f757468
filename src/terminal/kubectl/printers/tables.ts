/**
 * `kubectl get` tables: the server's columns (columns.ts) decorated and printed as kubectl 1.30
 * does (cli-runtime pkg/printers/tableprinter.go decorateTable/printTable; kubectl
 * pkg/cmd/get/get.go for several kinds, --sort-by and the "No resources found" rule).
 * - wide drops nothing; otherwise priority-1 columns are left out;
 * - NAMESPACE is prepended with showNamespace (-A), label columns (-L, header = last path segment
 *   upper-cased) and LABELS (--show-labels) are appended;
 * - withKind turns NAME into `kind[.group]/name` in lower case;
 * - a string cell is cut at the first `\n`, `\r` or `\f` and gets `...`;
 * - an empty table prints nothing at all (not even the header);
 * - several kinds: one table each, own widths, a blank line between tables that print headers.
 */
import { kindInfo } from '../../../core/api/kinds.ts';
import { formatLabels } from '../../../core/api/labels.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import { cellsFor, columnsFor } from './columns.ts';
import type { Cell } from './columnTypes.ts';
import { findValues, parseJsonPath, relaxedJsonPath } from './jsonpath.ts';
import { getTabWriter, type TabWriter } from './tabwriter.ts';

export interface TableOptions {
  /** virtual ms, for AGE and other durations */
  now: number;
  wide?: boolean;
  /** -A: NAMESPACE column first (namespaced kinds only) */
  showNamespace?: boolean;
  showLabels?: boolean;
  /** -L key1,key2 */
  labelColumns?: readonly string[];
  noHeaders?: boolean;
  /** NAME as `pod/x`, `statefulset.apps/x` (several kinds requested, or --show-kind) */
  withKind?: boolean;
  /** --sort-by JSONPath, e.g. `.metadata.name` or `{.metadata.creationTimestamp}` */
  sortBy?: string;
}

/** The `kind[.group]` prefix kubectl writes before names (`statefulset.apps`, `pod`). */
export function kindPrefix(kind: string): string {
  const info = kindInfo(kind);
  return (info?.group ? `${kind}.${info.group}` : kind).toLowerCase();
}

function cellText(cell: Cell): string {
  if (cell === null) return '';
  const s = String(cell);
  const cut = s.search(/[\n\r\f]/);
  return cut >= 0 ? `${s.slice(0, cut)}...` : s;
}

/** The header cells a table of this kind prints with these options. */
export function headerCells(kind: string, opts: TableOptions): string[] {
  const namespaced = kindInfo(kind)?.namespaced ?? true;
  const names = columnsFor(kind)
    .filter((c) => opts.wide || c.priority === 0)
    .map((c) => c.name.toUpperCase());
  const labelHeads = (opts.labelColumns ?? []).map((l) => l.split('/').pop()?.toUpperCase() ?? '');
  return [
    ...(opts.showNamespace && namespaced ? ['NAMESPACE'] : []),
    ...names,
    ...labelHeads,
    ...(opts.showLabels ? ['LABELS'] : []),
  ];
}

/** The cells of one object's row with these options. */
export function rowCells(obj: KubeObject, opts: TableOptions): string[] {
  const namespaced = kindInfo(obj.kind)?.namespaced ?? true;
  const cols = columnsFor(obj.kind);
  const all = cellsFor(obj, opts.now);
  const cells: string[] = [];
  cols.forEach((c, i) => {
    if (!opts.wide && c.priority !== 0) return;
    let text = cellText(all[i] ?? null);
    if (opts.withKind && i === nameColumn(obj.kind)) text = `${kindPrefix(obj.kind)}/${text}`;
    cells.push(text);
  });
  const labels = obj.metadata.labels ?? {};
  return [
    ...(opts.showNamespace && namespaced ? [obj.metadata.namespace ?? ''] : []),
    ...cells,
    ...(opts.labelColumns ?? []).map((l) => labels[l] ?? ''),
    ...(opts.showLabels ? [formatLabels(labels)] : []),
  ];
}

function nameColumn(kind: string): number {
  return columnsFor(kind).findIndex((c) => c.name === 'Name');
}

/** kubectl's isLess for --sort-by: numbers numerically, strings in natural order (sortorder). */
function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  const dig = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  while (i < a.length && j < b.length) {
    const d1 = dig(a[i]);
    const d2 = dig(b[j]);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (a[i] !== b[j]) return a[i] < b[j];
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === '0') i++;
    while (j < b.length && b[j] === '0') j++;
    const nz1 = i;
    const nz2 = j;
    while (i < a.length && dig(a[i])) i++;
    while (j < b.length && dig(b[j])) j++;
    if (i - nz1 !== j - nz2) return i - nz1 < j - nz2;
    const n1 = a.slice(nz1, i);
    const n2 = b.slice(nz2, j);
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return a.length < b.length;
}

function valueLess(x: unknown, y: unknown): boolean {
  if (typeof x === 'number' && typeof y === 'number') return x < y;
  if (typeof x === 'boolean' && typeof y === 'boolean') return !x && y;
  return naturalLess(
    typeof x === 'string' ? x : JSON.stringify(x),
    typeof y === 'string' ? y : JSON.stringify(y),
  );
}

/**
 * Objects ordered as --sort-by orders rows: by the first value the JSONPath finds; objects where it
 * finds nothing come first; ties keep their order. Returns kubectl's error text for a bad path.
 */
export function sortObjects(
  objs: readonly KubeObject[],
  sortBy: string,
): { objects: KubeObject[] } | { error: string } {
  const relaxed = relaxedJsonPath(sortBy);
  if ('error' in relaxed) return { error: relaxed.error };
  const tpl = parseJsonPath(relaxed.path);
  if ('error' in tpl) return { error: tpl.error };
  const keyed = objs.map((o, i) => ({ o, i, v: findValues(tpl, o)[0] }));
  keyed.sort((a, b) => {
    const aMissing = a.v === undefined || a.v === null;
    const bMissing = b.v === undefined || b.v === null;
    if (aMissing || bMissing) return aMissing && !bMissing ? -1 : !aMissing && bMissing ? 1 : a.i - b.i;
    if (valueLess(a.v, b.v)) return -1;
    if (valueLess(b.v, a.v)) return 1;
    return a.i - b.i;
  });
  return { objects: keyed.map((k) => k.o) };
}

/** Tab-separated lines (header unless noHeaders, then one row per object); '' for no objects. */
export function tableText(kind: string, objs: readonly KubeObject[], opts: TableOptions): string {
  if (objs.length === 0) return '';
  const lines = opts.noHeaders ? [] : [headerCells(kind, opts).join('\t')];
  for (const o of objs) lines.push(rowCells(o, opts).join('\t'));
  return `${lines.map((l) => `${l}\n`).join('')}`;
}

/** One group of objects of a single kind, in the order the server listed them. */
export interface KindGroup {
  kind: string;
  objects: readonly KubeObject[];
}

/**
 * What `kubectl get` prints on stdout for one or more kinds (tables aligned, blank line between
 * tables when headers are printed). `printed` is false when nothing was written, which is when the
 * caller must print {@link noResourcesMessage} on stderr. `error` is kubectl's text for a bad
 * --sort-by (print as `error: <text>`).
 */
export function printTables(
  groups: readonly KindGroup[],
  opts: TableOptions,
): { text: string; printed: boolean } | { error: string } {
  const w: TabWriter = getTabWriter();
  let out = '';
  let printedAny = false;
  for (const g of groups) {
    let objs = [...g.objects];
    if (opts.sortBy) {
      const sorted = sortObjects(objs, opts.sortBy);
      if ('error' in sorted) return { error: sorted.error };
      objs = sorted.objects;
    }
    const text = tableText(g.kind, objs, opts);
    if (text === '') continue;
    // a new kind: flush, forget widths, and separate from the previous table
    out += w.flush();
    w.setRememberedWidths([]);
    if (printedAny && !opts.noHeaders) out += '\n';
    w.write(text);
    printedAny = true;
  }
  out += w.flush();
  return { text: out, printed: printedAny };
}

/** A single kind's table as kubectl prints it ('' when there are no objects). */
export function printTable(kind: string, objs: readonly KubeObject[], opts: TableOptions): string {
  const r = printTables([{ kind, objects: objs }], opts);
  return 'text' in r ? r.text : '';
}

/**
 * The stderr line when `get` printed nothing: `No resources found in <ns> namespace.` when every
 * requested kind is namespaced and -A was not given, else `No resources found`. Without newline.
 */
export function noResourcesMessage(
  kinds: readonly string[],
  namespace: string,
  allNamespaces: boolean,
): string {
  const allNamespaced = !allNamespaces && kinds.every((k) => kindInfo(k)?.namespaced ?? true);
  return allNamespaced ? `No resources found in ${namespace} namespace.` : 'No resources found';
}

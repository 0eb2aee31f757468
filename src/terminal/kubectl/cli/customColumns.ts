/**
 * `-o custom-columns=HEADER:PATH,...` (kubernetes/kubectl pkg/cmd/get/customcolumn.go, 1.30): one
 * column per spec entry, paths in kubectl's relaxed JSONPath form, cells joined with `,` when a
 * path finds several values and `<none>` when it finds none, aligned by the get tabwriter.
 * Lab difference: map and list values print as JSON rather than Go's `map[...]` notation.
 */
import type { KubeObject } from '../../../core/api/types.ts';
import { findValues, parseJsonPath, relaxedJsonPath } from '../printers/jsonpath.ts';
import { getTabWriter } from '../printers/tabwriter.ts';

function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The custom-columns output for objects, or kubectl's error text for a bad spec. */
export function customColumnsText(
  spec: string,
  objects: readonly KubeObject[],
  noHeaders: boolean,
): { text: string } | { error: string } {
  const columns = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0)
      return { error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    const relaxed = relaxedJsonPath(part.slice(colon + 1));
    if ('error' in relaxed) return { error: relaxed.error };
    const tpl = parseJsonPath(relaxed.path);
    if ('error' in tpl) return { error: tpl.error };
    columns.push({ header: part.slice(0, colon), tpl });
  }
  const w = getTabWriter();
  if (!noHeaders) w.write(`${columns.map((c) => c.header).join('\t')}\n`);
  for (const o of objects) {
    const cells = columns.map((c) => {
      const vals = findValues(c.tpl, o);
      return vals.length === 0 ? '<none>' : vals.map(valueText).join(',');
    });
    w.write(`${cells.join('\t')}\n`);
  }
  return { text: w.flush() };
}

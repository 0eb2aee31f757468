/**
 * `-o custom-columns=HEADER:path,...`: cli-runtime pkg/printers/customcolumn.go (1.30). Headers are
 * printed as given (not upper-cased); each path is made strict by RelaxedJSONPathExpression and run
 * with missing keys allowed; no value -> `<none>`; several values join with `,`; aligned by the same
 * tabwriter as `get`.
 */
import type { KubeObject } from '../../../core/api/types.ts';
import { findValues, type JsonPathTemplate, parseJsonPath, relaxedJsonPath } from './jsonpath.ts';
import { getTabWriter } from './tabwriter.ts';

export interface CustomColumn {
  header: string;
  template: JsonPathTemplate;
}

/** Parses the flag's value; the error texts are kubectl's (print them as `error: <text>`). */
export function parseCustomColumns(spec: string): { columns: CustomColumn[] } | { error: string } {
  if (spec.length === 0) return { error: 'custom-columns format specified but no custom columns given' };
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const colon = part.split(':');
    if (colon.length !== 2) {
      return { error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    }
    const relaxed = relaxedJsonPath(colon[1]);
    if ('error' in relaxed) return { error: relaxed.error };
    const tpl = parseJsonPath(relaxed.path);
    if ('error' in tpl) return { error: tpl.error };
    columns.push({ header: colon[0], template: tpl });
  }
  return { columns };
}

/** Go's %v of a decoded JSON value: maps as `map[k:v]`, lists as `[a b]`. */
function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).sort();
    return `map[${keys.map((k) => `${k}:${goV(o[k])}`).join(' ')}]`;
  }
  return String(v);
}

/** The aligned table for the objects (header unless noHeaders). */
export function printCustomColumns(
  columns: readonly CustomColumn[],
  objs: readonly KubeObject[],
  opts: { noHeaders?: boolean } = {},
): string {
  const w = getTabWriter();
  let text = opts.noHeaders ? '' : `${columns.map((c) => c.header).join('\t')}\n`;
  for (const o of objs) {
    const cells = columns.map((c) => {
      const vals = findValues(c.template, o);
      return vals.length === 0 ? '<none>' : vals.map(goV).join(',');
    });
    text += `${cells.join('\t')}\n`;
  }
  w.write(text);
  return w.flush();
}

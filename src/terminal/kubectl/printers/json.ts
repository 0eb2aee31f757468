/**
 * `kubectl get -o json`: cli-runtime pkg/printers/json.go (1.30) marshals the object it got from the
 * server (an unstructured map) with Go's encoding/json MarshalIndent, prefix "", indent four spaces,
 * plus a final newline. Being a map, keys come out sorted (byte order); Go escapes `<`, `>`, `&`,
 * U+2028 and U+2029 as \u003c-style escapes, and `\b`/`\f` with short escapes (Go 1.22).
 * Several objects print as a `List` (kubectl get.go printGeneric).
 */
import type { KubeObject } from '../../../core/api/types.ts';

function goQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    const cp = c.codePointAt(0) as number;
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c === '\b') out += '\\b';
    else if (c === '\f') out += '\\f';
    else if (cp < 0x20 || c === '<' || c === '>' || c === '&' || cp === 0x2028 || cp === 0x2029) {
      out += `\\u${cp.toString(16).padStart(4, '0')}`;
    } else out += c;
  }
  return `${out}"`;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function encode(v: unknown, indent: string, step: string): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const inner = indent + step;
  const nl = step ? '\n' : '';
  const sep = step ? ': ' : ':';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${nl}${v.map((x) => inner + encode(x, inner, step)).join(`,${nl}`)}${nl}${indent}]`;
  }
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort(byteOrder);
  if (keys.length === 0) return '{}';
  return `{${nl}${keys.map((k) => `${inner}${goQuote(k)}${sep}${encode(obj[k], inner, step)}`).join(`,${nl}`)}${nl}${indent}}`;
}

/** Go's json.Marshal of a JSON value (compact, sorted keys, HTML-escaped) — what jsonpath prints
 * for maps and lists. */
export function goJsonCompact(v: unknown): string {
  return encode(v, '', '');
}

/** `-o json` for one object: four-space indent, sorted keys, trailing newline. */
export function printJson(obj: unknown): string {
  return `${encode(obj, '', '    ')}\n`;
}

/** The `List` wrapper kubectl prints for several objects (or a list request), as a plain object. */
export function asList(items: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion: '' } };
}

/** `-o json` for a list request: `{"apiVersion": "v1", "items": [...], "kind": "List", ...}`. */
export function printJsonList(items: readonly KubeObject[]): string {
  return printJson(asList(items));
}

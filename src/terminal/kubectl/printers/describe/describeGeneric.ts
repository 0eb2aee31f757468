/**
 * The generic describer kubectl falls back to for kinds without a specific one (kubectl
 * pkg/describe/describe.go genericDescriber, printUnstructuredContent, smartLabelFor; 1.30): Name,
 * Namespace, Labels, Annotations, then every other field of the object's JSON sorted by name,
 * nested maps indented, field names turned into words (`apiVersion` -> `API Version`).
 */
import type { KubeObject } from '../../../../core/api/types.ts';
import type { DescribeContext } from './describeStatefulSet.ts';
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './describeWriter.ts';

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

type CharClass = 'lower' | 'upper' | 'digit' | 'other';
function classOf(c: string): CharClass {
  if (/\p{Ll}/u.test(c)) return 'lower';
  if (/\p{Lu}/u.test(c)) return 'upper';
  if (/\p{Nd}/u.test(c)) return 'digit';
  return 'other';
}

/** fatih/camelcase Split: runs of one character class; `HTTPServer` -> `HTTP`, `Server`. */
export function camelSplit(s: string): string[] {
  const runs: string[] = [];
  let last: CharClass | undefined;
  for (const c of s) {
    const cls = classOf(c);
    if (cls === last) runs[runs.length - 1] += c;
    else runs.push(c);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const a = [...runs[i]];
    if (classOf(a[0]) === 'upper' && classOf([...runs[i + 1]][0]) === 'lower') {
      runs[i + 1] = a[a.length - 1] + runs[i + 1];
      runs[i] = a.slice(0, -1).join('');
    }
  }
  return runs.filter((r) => r.length > 0);
}

/** smartLabelFor: words of a field name, Title-cased, common acronyms upper-cased. */
export function smartLabel(field: string): string {
  if ([...field].some((c) => !/\p{L}/u.test(c) && c !== '-')) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

/** Go's %v of a JSON scalar as unstructured content holds it. */
function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

const SKIP = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);

function writeContent(
  w: DescribeWriter,
  level: number,
  content: Record<string, unknown>,
  prefix: string,
): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
          writeContent(w, level + 1, child as Record<string, unknown>, path);
        } else w.write(level + 1, `${Array.isArray(child) ? `[${child.join(' ')}]` : scalarText(child)}\n`);
      }
    } else if (value !== null && typeof value === 'object') {
      w.write(level, `${smartLabel(field)}:\n`);
      writeContent(w, level + 1, value as Record<string, unknown>, path);
    } else w.write(level, `${smartLabel(field)}:\t${scalarText(value)}\n`);
  }
}

/** The generic `kubectl describe` text of any object. */
export function describeGeneric(obj: KubeObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 'Annotations', obj.metadata.annotations);
  writeContent(w, 0, obj as unknown as Record<string, unknown>, '');
  writeEvents(w, ctx.events, ctx.now);
  return w.done();
}

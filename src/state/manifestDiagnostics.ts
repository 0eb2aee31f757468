/**
 * Placing `kubectl apply -f -`'s errors on the manifest the editor applied: each error or warning
 * kubectl printed (cut into records by manifestOutputRecords.ts) becomes a diagnostic on the YAML
 * node it names, with the error's own text as the message. The YAML is read with the `yaml` package
 * (the same parser and options as the lab's kubectl, src/terminal/kubectl/manifests.ts), whose nodes
 * carry source ranges.
 * How an error finds its object: kubectl reads the documents in order, prints a success line per
 * object it wrote and its errors at the end; an error names a kind (and usually a name), so it goes to
 * the first document of that kind (and name) that kubectl did not report as written and no earlier
 * error took, preferring one where the field the error names exists.
 * How it finds the node: a field path (`spec.template.spec.containers[0].portz`) is followed key by
 * key; a Go struct field path drops list indices (`spec.containers.name`), so every list item is tried
 * and the first match is marked. A field that is not in the manifest (`Required value`) marks its
 * nearest parent that is. An error with no locatable field marks the first line of its document.
 */

import { isMap, isScalar, isSeq, type Node, parseAllDocuments } from 'yaml';
import { KINDS } from '../core/api/kinds.ts';
import { type OutputRecord, outputRecords } from './manifestOutputRecords.ts';

/** One marker for the editor, in the shape @codemirror/lint's Diagnostic takes. */
export interface ManifestDiagnostic {
  /** character offsets into the applied text, from <= to */
  from: number;
  to: number;
  /** the error's text exactly as kubectl printed it */
  message: string;
  severity: 'error' | 'warning';
}

/** One object of the manifest: a document, or an item of a `kind: List` document. */
interface ManifestObject {
  node: Node | null;
  kind?: string;
  name?: string;
  /** where the object starts (its first line is marked when nothing else can be) */
  start: number;
}

/** The end of the line `pos` is on, without trailing blanks (never before `pos`). */
function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  let end = nl < 0 ? text.length : nl;
  while (end > pos && /\s/.test(text[end - 1])) end--;
  return end;
}

function stringAt(node: Node | null, key: string): string | undefined {
  if (!isMap(node)) return undefined;
  const v = node.get(key, true);
  return isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
}

function objectOf(node: Node | null, start: number): ManifestObject {
  const meta = isMap(node) ? node.get('metadata', true) : undefined;
  return { node, start, kind: stringAt(node, 'kind'), name: stringAt((meta as Node) ?? null, 'name') };
}

/** The objects kubectl reads from the text, in order (empty documents skipped, Lists expanded). */
function manifestObjects(docs: ReturnType<typeof parseAllDocuments>): ManifestObject[] {
  const list = Array.isArray(docs) ? docs : [docs];
  const out: ManifestObject[] = [];
  for (const doc of list) {
    const node = doc.contents;
    if (node === null || (isScalar(node) && node.value === null)) continue;
    const items = isMap(node) && stringAt(node, 'kind') === 'List' ? node.get('items', true) : undefined;
    if (isSeq(items)) {
      for (const item of items.items as Node[]) out.push(objectOf(item, item.range?.[0] ?? 0));
    } else out.push(objectOf(node, node.range?.[0] ?? doc.range?.[0] ?? 0));
  }
  return out;
}

type Segment = string | number;

/** `spec.containers[0].name` -> ['spec', 'containers', 0, 'name']; `labels[a.b/c]` -> ['labels', 'a.b/c']. */
export function pathSegments(path: string): Segment[] {
  const out: Segment[] = [];
  for (const m of path.matchAll(/\[([^\]]*)\]|([^.[\]]+)/g)) {
    if (m[2] !== undefined) out.push(m[2]);
    else out.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
  }
  return out;
}

/** How far a path got into the YAML, and the range to mark for the deepest node it reached. */
interface Reached {
  depth: number;
  from: number;
  to: number;
}

/** The range for a key and its value: through a scalar or flow value, else the key's line. */
function pairRange(text: string, keyStart: number, value: unknown): { from: number; to: number } {
  const r = (value as Node | null)?.range;
  const inline = isScalar(value) || ((isMap(value) || isSeq(value)) && value.flow);
  const to = inline && r && r[1] > keyStart && !text.slice(keyStart, r[1]).includes('\n') ? r[1] : 0;
  return { from: keyStart, to: to || lineEnd(text, keyStart) };
}

/** Follows `segs` from `node`; list items are all tried when `unindexed` (first deepest wins). */
function follow(
  text: string,
  node: unknown,
  segs: Segment[],
  depth: number,
  unindexed: boolean,
): Reached | undefined {
  if (depth === segs.length) return undefined;
  const seg = segs[depth];
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
    const keyStart = (pair?.key as Node | undefined)?.range?.[0];
    if (!pair || keyStart === undefined) return undefined;
    const here = { depth: depth + 1, ...pairRange(text, keyStart, pair.value) };
    return best(here, follow(text, pair.value, segs, depth + 1, unindexed));
  }
  if (isSeq(node)) {
    if (typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      const start = item?.range?.[0];
      if (start === undefined) return undefined;
      const here = { depth: depth + 1, from: start, to: lineEnd(text, start) };
      return best(here, follow(text, item, segs, depth + 1, unindexed));
    }
    if (!unindexed) return undefined;
    let found: Reached | undefined;
    for (const item of node.items) found = best(found, follow(text, item, segs, depth, unindexed));
    return found;
  }
  return undefined;
}

/** The deeper of two results; the first on a tie. */
function best(a: Reached | undefined, b: Reached | undefined): Reached | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.depth > a.depth ? b : a;
}

/** Where `path` leads in `obj`, or undefined when not even its first key is there. */
function locate(text: string, obj: ManifestObject, path: string, unindexed: boolean) {
  const segs = pathSegments(path);
  const r = follow(text, obj.node, segs, 0, unindexed);
  return r ? { ...r, complete: r.depth === segs.length } : undefined;
}

/** The object a record is about (see the file comment), or undefined when the text has none. */
function pickObject(text: string, rec: OutputRecord, objects: ManifestObject[], taken: Set<ManifestObject>) {
  const named = objects.filter(
    (o) => (rec.kind === undefined || o.kind === rec.kind) && (rec.name === undefined || o.name === rec.name),
  );
  const free = named.filter((o) => !taken.has(o));
  const pool = free.length > 0 ? free : named;
  const path = rec.fields[0]?.path;
  const exact = path ? pool.find((o) => locate(text, o, path, rec.unindexed)?.complete) : undefined;
  return exact ?? pool[0] ?? objects.find((o) => !taken.has(o)) ?? objects[0];
}

/** The object a client-side error (read before anything is sent) is about. */
function clientObject(rec: OutputRecord, objects: ManifestObject[]): ManifestObject | undefined {
  if (rec.client === 'missing-kind') return objects.find((o) => isMap(o.node) && o.kind === undefined);
  if (rec.client === 'not-object') return objects.find((o) => !isMap(o.node));
  return undefined;
}

/**
 * The range a `resource mapping not found` error marks: the kind when the server serves no kind of
 * that name (a misspelling), else the apiVersion (the kind exists, in another group or version).
 */
function mappingRange(text: string, obj: ManifestObject): { from: number; to: number } {
  const known = KINDS.some((k) => k.kind === obj.kind);
  return locate(text, obj, known ? 'apiVersion' : 'kind', false) ?? firstLine(text, obj.start);
}

function firstLine(text: string, start: number): { from: number; to: number } {
  return { from: start, to: lineEnd(text, start) };
}

/**
 * The diagnostics for `text` after `kubectl apply -f -` with it printed `output` (the command's
 * output alone, as applyOutput() picks it out of the terminal). No errors or warnings: [].
 * Pure: the same inputs give the same diagnostics, in the order kubectl printed the errors.
 */
export function manifestDiagnostics(text: string, output: string): ManifestDiagnostic[] {
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
  const objects = manifestObjects(docs);
  const taken = new Set<ManifestObject>();
  const out: ManifestDiagnostic[] = [];
  const add = (
    r: { from: number; to: number },
    message: string,
    severity: ManifestDiagnostic['severity'],
  ) => {
    if (!out.some((d) => d.from === r.from && d.to === r.to && d.message === message))
      out.push({ from: r.from, to: r.to, message, severity });
  };
  for (const rec of outputRecords(output)) {
    if (rec.type === 'success') {
      const obj = objects.find((o) => !taken.has(o) && o.kind === rec.kind && o.name === rec.name);
      if (obj) taken.add(obj);
      continue;
    }
    if (rec.client === 'yaml') {
      const err = (Array.isArray(docs) ? docs : [docs]).flatMap((d) => d.errors)[0];
      // an error at the end of the text (an unclosed `{`) is reported past it: mark the last line
      const end = text.replace(/\s+$/, '').length;
      const from = Math.min(err?.pos[0] ?? 0, text.lastIndexOf('\n', end - 1) + 1);
      const to =
        err && err.pos[1] > from && err.pos[1] <= text.length && !text.slice(from, err.pos[1]).includes('\n')
          ? err.pos[1]
          : 0;
      add({ from, to: to || lineEnd(text, from) }, rec.text, rec.type);
      continue;
    }
    const client = clientObject(rec, objects);
    const obj = client ?? pickObject(text, rec, objects, taken);
    if (!obj) {
      add(firstLine(text, 0), rec.text, rec.type);
      continue;
    }
    if (rec.type === 'error') taken.add(obj);
    if (rec.client === 'mapping') {
      add(rec.noApiVersion ? firstLine(text, obj.start) : mappingRange(text, obj), rec.text, rec.type);
      continue;
    }
    let placed = false;
    for (const f of rec.fields) {
      const r = locate(text, obj, f.path, rec.unindexed);
      if (!r) continue;
      add(r, f.message, rec.type);
      placed = true;
    }
    if (!placed) add(firstLine(text, obj.start), rec.text, rec.type);
  }
  return out;
}

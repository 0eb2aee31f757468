/**
 * `kubectl get -o yaml`: cli-runtime pkg/printers/yaml.go (1.30) marshals through sigs.k8s.io/yaml,
 * i.e. JSON first, then go-yaml v2 of the resulting map. So: keys sorted the go-yaml way, two-space
 * indentation, block sequences not indented under their key (`- ` at the key's column), `{}` / `[]`
 * for empty collections, strings quoted where go-yaml quotes them (see goYamlScalar.ts), long
 * strings folded at column 80. The text is produced by the `yaml` package: this file builds its
 * node tree in go-yaml's key order and gives it a string tag that writes each scalar in go-yaml's
 * style (the tag needs the scalar's column, which this file knows from the layout).
 * Several objects print as a `List`; a YAMLPrinter printing more than one document separates them
 * with `---` (the caller decides; see {@link printYamlDocuments}).
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { KubeObject } from '../../../core/api/types.ts';
import { goYamlSortKeys, goYamlString, type ScalarPlace } from './goYamlScalar.ts';
import { asList } from './json.ts';

const places = new WeakMap<Scalar, ScalarPlace>();

function scalar(value: unknown, place: ScalarPlace): Scalar {
  const s = new Scalar(value);
  if (typeof value === 'string') places.set(s, place);
  return s;
}

function isNonEmptyMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0;
}

function keyText(key: string, column: number): string {
  return goYamlString(key, { column, indent: column, isKey: true });
}

/** A mapping whose keys start at `col`. */
function buildMap(obj: Record<string, unknown>, col: number): YAMLMap {
  const map = new YAMLMap();
  for (const key of goYamlSortKeys(Object.keys(obj).filter((k) => obj[k] !== undefined))) {
    const v = obj[key];
    const k = scalar(key, { column: col, indent: col, isKey: true });
    const valueColumn = col + keyText(key, col).length + 2;
    map.items.push(new Pair(k, buildValue(v, { column: valueColumn, indent: col + 2 }, col + 2, col)));
  }
  return map;
}

/** A sequence whose dashes are at `col`. */
function buildSeq(arr: unknown[], col: number): YAMLSeq {
  const seq = new YAMLSeq();
  for (const item of arr)
    seq.items.push(buildValue(item, { column: col + 2, indent: col + 2 }, col + 2, col + 2));
  return seq;
}

function buildValue(v: unknown, place: ScalarPlace, mapCol: number, seqCol: number): unknown {
  if (Array.isArray(v)) return v.length === 0 ? new YAMLSeq() : buildSeq(v, seqCol);
  if (isNonEmptyMap(v)) return buildMap(v, mapCol);
  if (typeof v === 'object' && v !== null) return new YAMLMap();
  return scalar(v ?? null, place);
}

const goString = {
  identify: (v: unknown) => typeof v === 'string',
  default: true,
  tag: 'tag:yaml.org,2002:str',
  resolve: (s: string) => s,
  stringify(item: Scalar): string {
    const place = places.get(item) ?? { column: 0, indent: 0 };
    return goYamlString(String(item.value), place);
  },
};

/** `-o yaml` for one object (or any JSON value): the YAML text, ending with a newline. */
export function printYaml(obj: unknown): string {
  const doc = new Document(null, {
    customTags: (tags) => [
      goString,
      ...tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:str'),
    ],
  });
  doc.contents = buildValue(obj, { column: 0, indent: 0 }, 0, 0) as Document['contents'];
  return doc.toString({ indent: 2, indentSeq: false, lineWidth: 0, minContentWidth: 0, nullStr: 'null' });
}

/** `-o yaml` for a list request: `apiVersion: v1`, `items:`, `kind: List`, `metadata:`. */
export function printYamlList(items: readonly KubeObject[]): string {
  return printYaml(asList(items));
}

/** Several documents as one YAMLPrinter prints them: `---` before every document after the first. */
export function printYamlDocuments(objs: readonly unknown[]): string {
  return objs.map((o, i) => (i > 0 ? '---\n' : '') + printYaml(o)).join('');
}

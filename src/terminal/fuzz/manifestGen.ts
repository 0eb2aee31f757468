/**
 * Mutated manifests for the fuzz test, all derived from the chapter's manifest
 * (shared/seed/minimal-sts.yaml via the built-in example): fields deleted, values changed (within
 * their JSON type, see mutateDoc), keys renamed, kinds and apiVersions swapped, documents dropped, and text-level damage that makes the
 * YAML itself invalid (tabs, unclosed flow collections, truncation, bad indentation).
 * Deterministic: the same random source gives the same manifests.
 */
import { parseAllDocuments, stringify } from 'yaml';
import { readBuiltinExample } from '../examples/builtinExamples.ts';
import type { Rand } from './rand.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const CHAPTER = readBuiltinExample('minimal-sts.yaml') as string;
const DOCS: Json[] = parseAllDocuments(CHAPTER).map((d) => d.toJSON() as Json);

const KINDS = [
  'Gadget',
  'Pod',
  'Service',
  'StatefulSet',
  'Deployment',
  'PersistentVolumeClaim',
  '',
  'statefulset',
];
const API_VERSIONS = ['v1', 'apps/v1', 'apps/v2', 'v2', '', 'storage.k8s.io/v1', 'apps/v1beta1'];
const SCALARS: Json[] = [
  0,
  -1,
  3,
  '3',
  'three',
  '',
  true,
  null,
  [],
  {},
  ['x'],
  { a: 'b' },
  'UPPER_case',
  'x'.repeat(70),
];

function jsonType(v: Json): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** Every path (list of keys/indexes) to a value in `v`. */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) {
    for (const [i, c] of v.entries()) out.push(...paths(c, [...prefix, i]));
  } else if (v !== null && typeof v === 'object')
    for (const [k, c] of Object.entries(v)) out.push(...paths(c, [...prefix, k]));
  return out;
}

function parentOf(root: Json, path: (string | number)[]): Json | undefined {
  let cur: Json | undefined = root;
  for (const k of path.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, Json>)[k];
  }
  return cur;
}

function mutateDoc(doc: Json, rand: Rand): Json {
  const copy = structuredClone(doc);
  const all = paths(copy).filter((p) => p.length > 0);
  const path = rand.pick(all);
  const parent = parentOf(copy, path);
  if (parent === null || typeof parent !== 'object' || parent === undefined) return copy;
  const key = path[path.length - 1] as string | number;
  const rec = parent as Record<string | number, Json>;
  switch (rand.int(5)) {
    case 0: // delete the field
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete rec[key];
      break;
    case 1: {
      // revalue it, keeping its JSON type: the lab's API server does not decode into typed structs
      // yet, so a wrong type (replicas: "3") is not rejected and crashes a controller — a core gap
      // pinned by the `it.fails` case in fuzz.test.ts instead of being fuzzed here
      const old = rec[key] as Json;
      const same = SCALARS.filter((v) => jsonType(v) === jsonType(old));
      if (same.length > 0) rec[key] = structuredClone(rand.pick(same));
      break;
    }
    case 2: // rename it (a typo or an unknown field)
      if (!Array.isArray(parent)) {
        const value = rec[key] as Json;
        delete rec[key];
        rec[rand.pick([`${key}s`, String(key).toUpperCase(), `x-${key}`, String(key).slice(1)])] = value;
      }
      break;
    case 3:
      if (copy !== null && typeof copy === 'object' && !Array.isArray(copy)) copy.kind = rand.pick(KINDS);
      break;
    default:
      if (copy !== null && typeof copy === 'object' && !Array.isArray(copy))
        copy.apiVersion = rand.pick(API_VERSIONS);
  }
  return copy;
}

/** Damage done to the YAML text itself. */
function damageText(text: string, rand: Rand): string {
  const lines = text.split('\n');
  const i = rand.int(lines.length);
  switch (rand.int(6)) {
    case 0:
      lines[i] = `\t${lines[i]}`;
      break;
    case 1:
      // a flow sequence that never closes (appending it after a scalar would only make a string)
      lines[i] = (lines[i] ?? '').replace(/:( .*)?$/, ': [unclosed');
      break;
    case 2:
      return text.slice(0, rand.int(text.length));
    case 3:
      lines[i] = ` ${lines[i]}`;
      break;
    case 4:
      lines.splice(i, 0, lines[i] ?? '');
      break;
    default:
      lines[i] = `${lines[i]}: : {`;
  }
  return lines.join('\n');
}

/** One mutated manifest text (sometimes still valid: the fuzz test does not assume it fails). */
export function mutatedManifest(rand: Rand): string {
  const docs = DOCS.map((d) => (rand.chance(0.7) ? mutateDoc(d, rand) : structuredClone(d)));
  if (rand.chance(0.2)) docs.splice(rand.int(docs.length), 1);
  const text = docs.map((d) => stringify(d)).join('---\n');
  return rand.chance(0.25) ? damageText(text, rand) : text;
}

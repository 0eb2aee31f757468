/**
 * ControllerRevisions of a StatefulSet, as pure data: the revision patch (only the pod template,
 * `$patch: replace`), its hash and name, equality, ordering, and applying a revision to a set.
 *
 * Follows kubernetes/kubernetes v1.30 pkg/controller/statefulset/stateful_set_utils.go (getPatch,
 * newRevision, ApplyRevision, nextRevision) and pkg/controller/history/controller_history.go
 * (NewControllerRevision, HashControllerRevision, ControllerRevisionName, EqualRevision,
 * SortControllerRevisions), and k8s.io/apimachinery/pkg/util/rand SafeEncodeString.
 * The hash is FNV-1 32-bit (Go's fnv.New32, not New32a) over the JSON bytes of the patch, then the
 * decimal collision count, then SafeEncodeString of the decimal sum. The JSON is written like Go's
 * json.Marshal of a map (keys sorted, `<`, `>`, `&` escaped). Lab difference: the template is
 * serialised from the stored object, so a revision hash equals the real one only when the stored
 * template carries exactly the fields Go would encode.
 */
import type { ControllerRevision, PodTemplateSpec, StatefulSet } from '../../api/types.ts';
import { controllerRef } from './statefulSetUtils.ts';

export const REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const utf8 = new TextEncoder();

/** JSON text of a value the way Go's json.Marshal writes a decoded map: sorted keys, HTML-safe. */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string')
    return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => {
      return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${goJson(k)}:${goJson(obj[k])}`).join(',')}}`;
}

/** FNV-1 32-bit hash of the UTF-8 bytes of the given strings, in order (hash/fnv New32). */
export function fnv1_32(...parts: string[]): number {
  let h = 0x811c9dc5;
  for (const p of parts)
    for (const b of utf8.encode(p)) {
      h = Math.imul(h, 0x01000193) >>> 0;
      h = (h ^ b) >>> 0;
    }
  return h >>> 0;
}

/** rand.SafeEncodeString: each byte mapped onto the vowel-free alphabet by its value mod 27. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

type RevisionData = { spec: { template: Record<string, unknown> } };

/** getPatch: `{"spec":{"template":{...,"$patch":"replace"}}}` as a JSON value (a fresh copy). */
export function revisionData(set: StatefulSet): RevisionData {
  return { spec: { template: { ...structuredClone(set.spec.template), $patch: 'replace' } } };
}

// Every sync builds the candidate revision of the set's template; stored templates are immutable
// objects, so their patch and its JSON are kept per template object (a pure cache). The patch is
// shared by the candidates, and by the revision stored from one: nothing writes into stored data.
const patchCache = new WeakMap<object, { data: RevisionData; json: string }>();
function templatePatch(set: StatefulSet): { data: RevisionData; json: string } {
  let p = patchCache.get(set.spec.template);
  if (!p) {
    const data = revisionData(set);
    p = { data, json: goJson(data) };
    patchCache.set(set.spec.template, p);
  }
  return p;
}

/** Hash suffix of a revision's data with a collision count (HashControllerRevision). */
export function hashRevisionData(dataJson: string, collisionCount: number): string {
  return safeEncodeString(String(fnv1_32(dataJson, String(collisionCount))));
}

/** ControllerRevisionName: `<prefix (max 223 chars)>-<hash>`. */
export function revisionName(setName: string, hash: string): string {
  return `${setName.slice(0, 223)}-${hash}`;
}

const dataJsonCache = new WeakMap<object, string>();

/** The canonical JSON of a revision's data (memoised per stored object). */
export function revisionDataJson(rev: ControllerRevision): string {
  let s = dataJsonCache.get(rev);
  if (s === undefined) {
    s = goJson(rev.data);
    dataJsonCache.set(rev, s);
  }
  return s;
}

/**
 * newRevision: the (unsaved) revision of the set's current template, numbered `revision`, named
 * and labelled with the hash for `collisionCount`; annotations copied from the set.
 */
export function newRevision(set: StatefulSet, revision: number, collisionCount: number): ControllerRevision {
  const { data, json } = templatePatch(set);
  const hash = hashRevisionData(json, collisionCount);
  const cr: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: revisionName(set.metadata.name, hash),
      namespace: set.metadata.namespace,
      labels: { ...(set.spec.template.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
      ownerReferences: [controllerRef(set)],
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
    },
    data,
    revision,
  };
  if (set.metadata.annotations && Object.keys(set.metadata.annotations).length > 0)
    cr.metadata.annotations = { ...set.metadata.annotations };
  dataJsonCache.set(cr, json);
  return cr;
}

/** EqualRevision: same data bytes. */
export function equalRevision(a: ControllerRevision, b: ControllerRevision): boolean {
  return revisionDataJson(a) === revisionDataJson(b);
}

/** Revisions sorted by number, then creation time, then name (stable). Returns a new array. */
export function sortRevisions(revs: readonly ControllerRevision[]): ControllerRevision[] {
  return [...revs].sort((a, b) => {
    if (a.revision !== b.revision) return a.revision - b.revision;
    if (a.metadata.creationTimestamp !== b.metadata.creationTimestamp)
      return a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1;
    return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  });
}

/** One more than the highest revision number (revisions sorted), or 1. */
export function nextRevision(sorted: readonly ControllerRevision[]): number {
  return sorted.length === 0 ? 1 : sorted[sorted.length - 1].revision + 1;
}

/** ApplyRevision: the set with its pod template replaced by the revision's. */
export function applyRevision(set: StatefulSet, rev: ControllerRevision): StatefulSet {
  const data = rev.data as { spec?: { template?: Record<string, unknown> } };
  const { $patch: _p, ...template } = data.spec?.template ?? {};
  return { ...set, spec: { ...set.spec, template: template as unknown as PodTemplateSpec } };
}

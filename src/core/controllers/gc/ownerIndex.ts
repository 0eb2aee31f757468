/**
 * The garbage collector's runtime index from an owner's uid to the objects that name it in their
 * ownerReferences, so finding dependents costs their number instead of a scan of every stored
 * object. It plays the part of the real collector's dependency graph (kubernetes/kubernetes v1.30
 * pkg/controller/garbagecollector/graph.go, graph_builder.go processGraphChanges) but holds only
 * the owner-uid -> dependents edges.
 *
 * It is not part of the cluster state: it is built from the store on first use and kept current
 * from watch events, so a restored state gets an identical index. Dependents are returned in the
 * order a scan of `state.objects` would meet them (kind buckets in creation order, then keys in
 * JavaScript's own-key order), so that the collector acts in the same order as it did by scanning.
 */
import type { KubeObject } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';

/** `Kind|namespace|name` of an object: the collector's work-item key for it. */
export function objectRef(o: KubeObject): string {
  return `${o.kind}|${o.metadata.namespace ?? ''}|${o.metadata.name}`;
}

interface Entry {
  /** the stored object's kind, namespace and name, to read it back from the store */
  kind: string;
  namespace: string | undefined;
  name: string;
  /** position among the keys of its kind bucket (see keyOrder) */
  seq: number;
  /** the owner uids it names, as last seen */
  owners: readonly string[];
}

interface OwnerIndex {
  entries: Map<string, Entry>;
  dependents: Map<string, Set<string>>;
  nextSeq: number;
}

const indexes = new WeakMap<Simulation, OwnerIndex>();

function ownerUids(o: KubeObject): string[] {
  const refs = o.metadata.ownerReferences;
  if (!refs || refs.length === 0) return [];
  return refs.map((r) => r.uid);
}

function link(index: OwnerIndex, ref: string, uids: readonly string[]): void {
  for (const uid of uids) {
    let set = index.dependents.get(uid);
    if (!set) {
      set = new Set();
      index.dependents.set(uid, set);
    }
    set.add(ref);
  }
}

function unlink(index: OwnerIndex, ref: string, uids: readonly string[]): void {
  for (const uid of uids) {
    const set = index.dependents.get(uid);
    if (!set) continue;
    set.delete(ref);
    if (set.size === 0) index.dependents.delete(uid);
  }
}

/** Records the object as stored now; idempotent, keeps the position of an object already known. */
function put(index: OwnerIndex, o: KubeObject): void {
  const ref = objectRef(o);
  const uids = ownerUids(o);
  const old = index.entries.get(ref);
  if (old) {
    unlink(index, ref, old.owners);
    old.owners = uids;
  } else
    index.entries.set(ref, {
      kind: o.kind,
      namespace: o.metadata.namespace,
      name: o.metadata.name,
      seq: index.nextSeq++,
      owners: uids,
    });
  link(index, ref, uids);
}

function drop(index: OwnerIndex, o: KubeObject): void {
  const ref = objectRef(o);
  const old = index.entries.get(ref);
  if (!old) return;
  unlink(index, ref, old.owners);
  index.entries.delete(ref);
}

function indexFor(sim: Simulation): OwnerIndex {
  let index = indexes.get(sim);
  if (!index) {
    index = { entries: new Map(), dependents: new Map(), nextSeq: 0 };
    for (const bucket of Object.values(sim.state.objects))
      for (const o of Object.values(bucket)) put(index, o);
    indexes.set(sim, index);
  }
  return index;
}

/**
 * Keeps the index current; call for every watch event. Builds the index on the first call (from the
 * store, which already holds this event's change, so applying the event again changes nothing).
 */
export function observeOwnerEvent(sim: Simulation, ev: WatchEvent): void {
  const index = indexFor(sim);
  if (ev.type === 'DELETED') drop(index, ev.object);
  else put(index, ev.object);
}

/** True when the owner references of an update differ from the version before it. */
export function ownerRefsChanged(ev: WatchEvent): boolean {
  const before = ev.oldObject?.metadata.ownerReferences;
  const after = ev.object.metadata.ownerReferences;
  if (before === after) return false;
  return JSON.stringify(before ?? []) !== JSON.stringify(after ?? []);
}

/** True when some stored object names `uid` among its owners. */
export function hasDependents(sim: Simulation, uid: string): boolean {
  return indexFor(sim).dependents.has(uid);
}

// Keys that are canonical array indexes come first in a JavaScript object's key order, ascending;
// all other keys follow in insertion order. Object keys here are `namespace/name` or a cluster-scoped
// name, so only cluster-scoped objects named with digits alone can be such keys.
const ARRAY_INDEX_MAX = 2 ** 32 - 2;
function keyOrder(e: Entry): [number, number] {
  const key = e.namespace ? `${e.namespace}/${e.name}` : e.name;
  if (/^(0|[1-9][0-9]*)$/.test(key) && Number(key) <= ARRAY_INDEX_MAX) return [0, Number(key)];
  return [1, e.seq];
}

/** Every stored object that names `uid` among its owners, in the order a scan of the store meets them. */
export function dependentsOf(sim: Simulation, uid: string): KubeObject[] {
  const index = indexFor(sim);
  const refs = index.dependents.get(uid);
  if (!refs || refs.size === 0) return [];
  const kindRank = new Map(Object.keys(sim.state.objects).map((k, i) => [k, i]));
  const found: { e: Entry; o: KubeObject; order: [number, number] }[] = [];
  for (const ref of refs) {
    const e = index.entries.get(ref) as Entry;
    const o = sim.store.get(e.kind, e.namespace, e.name);
    if (o) found.push({ e, o, order: keyOrder(e) });
  }
  found.sort(
    (a, b) =>
      (kindRank.get(a.e.kind) ?? 0) - (kindRank.get(b.e.kind) ?? 0) ||
      a.order[0] - b.order[0] ||
      a.order[1] - b.order[1],
  );
  return found.map((x) => x.o);
}

/**
 * A runtime index of pods by the StatefulSet their name points to (`<namespace>/<parent name>`),
 * so a sync reads only its own pods instead of every pod in the cluster, and, once the set has
 * synced, the aggregates of the pods it has claimed (claimedPods.ts) so a sync costs the number of
 * pods that changed rather than the size of the set.
 *
 * It is not part of the cluster state: it is built from the store on first use and kept current
 * from watch events (pods, and claims, whose owner references decide whether a replica is quiet),
 * so a restored state gets an identical index. A sync brackets its writes with beginSyncLog /
 * endSyncLog so that it can still read every ordinal as it was when the sync started, as upstream's
 * reconcile reads the pod list it was given.
 */
import { matchesRequirements, selectorRequirements } from '../../api/labels.ts';
import type { Pod, StatefulSet } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';
import {
  type ClaimedPods,
  emptyClaimed,
  recheckAttention,
  type SetContext,
  setPodsAt,
} from './claimedPods.ts';
import { getControllerOf, parseParentAndOrdinal } from './statefulSetUtils.ts';

export interface Bucket {
  /** pods named for the set, in store order */
  pods: Map<string, Pod>;
  ctx?: SetContext;
  claimed: ClaimedPods;
  /** names of orphans and of pods the set controls that no longer match it (ClaimPods' work) */
  unclaimed: Set<string>;
  /** while a sync writes: each ordinal's pods as they were before its first change */
  log?: Map<number, readonly Pod[] | undefined>;
}

interface Index {
  buckets: Map<string, Bucket>;
  /** `<namespace>/<claim template>-<set>` -> buckets whose claims are named so */
  claimParents: Map<string, Set<string>>;
}
const indexes = new WeakMap<Simulation, Index>();

function keyOf(pod: Pod): string | undefined {
  const { parent, ordinal } = parseParentAndOrdinal(pod.metadata.name);
  return ordinal < 0 ? undefined : `${pod.metadata.namespace}/${parent}`;
}

type Claim = 'claimed' | 'unclaimed' | 'other';
function classify(ctx: SetContext | undefined, pod: Pod): Claim {
  if (!ctx) return 'other';
  const ref = getControllerOf(pod);
  const matches = ctx.reqs.length > 0 && matchesRequirements(pod.metadata.labels, ctx.reqs);
  if (!ref) return 'unclaimed';
  if (ref.uid !== ctx.uid) return 'other';
  return matches ? 'claimed' : 'unclaimed';
}

function logOrdinal(b: Bucket, ord: number): void {
  if (b.log && !b.log.has(ord)) b.log.set(ord, b.claimed.byOrd.get(ord));
}

/** The claimed pods at `ord` after `pod` (of that ordinal) was stored or removed. */
function podsAt(b: Bucket, ord: number): Pod[] {
  // Store order is the insertion order of `pods`; only ordinals shared by several pods get here.
  const out: Pod[] = [];
  for (const [name, p] of b.pods)
    if (parseParentAndOrdinal(name).ordinal === ord && classify(b.ctx, p) === 'claimed') out.push(p);
  return out;
}

function place(sim: Simulation, b: Bucket, pod: Pod, removed: boolean): void {
  const name = pod.metadata.name;
  const { ordinal } = parseParentAndOrdinal(name);
  const was = b.pods.get(name);
  if (removed) b.pods.delete(name);
  else b.pods.set(name, pod);
  if (!b.ctx) return;
  b.unclaimed.delete(name);
  const now = removed ? 'other' : classify(b.ctx, pod);
  if (now === 'unclaimed') b.unclaimed.add(name);
  const before = b.claimed.byOrd.get(ordinal) ?? [];
  const had = was !== undefined && before.includes(was);
  if (!had && now !== 'claimed') return;
  logOrdinal(b, ordinal);
  let next: readonly Pod[];
  if (before.length === 0) next = [pod];
  else if (before.length === 1 && had) next = now === 'claimed' ? [pod] : [];
  else next = podsAt(b, ordinal);
  setPodsAt(sim, b.ctx, b.claimed, ordinal, next);
}

function newBucket(): Bucket {
  return { pods: new Map(), claimed: emptyClaimed(), unclaimed: new Set() };
}

function indexFor(sim: Simulation): Index {
  let index = indexes.get(sim);
  if (!index) {
    index = { buckets: new Map(), claimParents: new Map() };
    for (const pod of sim.store.list<Pod>('Pod')) {
      const k = keyOf(pod);
      if (!k) continue;
      let b = index.buckets.get(k);
      if (!b) {
        b = newBucket();
        index.buckets.set(k, b);
      }
      b.pods.set(pod.metadata.name, pod);
    }
    indexes.set(sim, index);
  }
  return index;
}

function bucketFor(index: Index, key: string): Bucket {
  let b = index.buckets.get(key);
  if (!b) {
    b = newBucket();
    index.buckets.set(key, b);
  }
  return b;
}

/** Keeps the index current; call for every watch event (a no-op until the index is first used). */
export function observePodEvent(sim: Simulation, ev: WatchEvent): void {
  const index = indexes.get(sim);
  if (!index) return;
  if (ev.object.kind === 'PersistentVolumeClaim') {
    const { parent, ordinal } = parseParentAndOrdinal(ev.object.metadata.name);
    if (ordinal < 0) return;
    for (const key of index.claimParents.get(`${ev.object.metadata.namespace}/${parent}`) ?? []) {
      const b = index.buckets.get(key);
      if (b?.ctx) recheckAttention(sim, b.ctx, b.claimed, ordinal);
    }
    return;
  }
  if (ev.object.kind !== 'Pod') return;
  const pod = ev.object as Pod;
  const k = keyOf(pod);
  if (!k) return;
  const b = bucketFor(index, k);
  place(sim, b, pod, ev.type === 'DELETED');
  if (b.pods.size === 0 && !b.ctx) index.buckets.delete(k);
}

function contextKey(set: StatefulSet): string {
  const s = set.spec;
  return JSON.stringify([
    set.metadata.uid,
    s.selector,
    (s.volumeClaimTemplates ?? []).map((t) => t.metadata.name),
    s.persistentVolumeClaimRetentionPolicy ?? null,
    s.minReadySeconds ?? 0,
  ]);
}

/**
 * Judges the set's pods against `set` (its uid, selector, claim templates, retention policy and
 * minReadySeconds), rebuilding the aggregates when one of those changed, and returns its bucket.
 * Call at the start of each sync, before ClaimPods.
 */
export function bucketForSet(sim: Simulation, set: StatefulSet): Bucket {
  const index = indexFor(sim);
  const ns = set.metadata.namespace as string;
  const key = `${ns}/${set.metadata.name}`;
  const b = bucketFor(index, key);
  const ctxKey = contextKey(set);
  if (b.ctx?.key === ctxKey) return b;
  for (const t of set.spec.volumeClaimTemplates ?? []) {
    const parent = `${ns}/${t.metadata.name}-${set.metadata.name}`;
    let keys = index.claimParents.get(parent);
    if (!keys) {
      keys = new Set();
      index.claimParents.set(parent, keys);
    }
    keys.add(key);
  }
  // Claims are judged as for a replica: the range is opened so that no pod counts as scaled down.
  const open: StatefulSet = {
    ...set,
    spec: { ...set.spec, replicas: 2147483647, ordinals: { start: 0 } },
  };
  b.ctx = {
    key: ctxKey,
    uid: set.metadata.uid,
    reqs: selectorRequirements(set.spec.selector) ?? [],
    set: open,
    minReady: set.spec.minReadySeconds ?? 0,
  };
  b.claimed = emptyClaimed();
  b.unclaimed = new Set();
  const pods = [...b.pods.values()];
  b.pods = new Map();
  for (const pod of pods) place(sim, b, pod, false);
  return b;
}

/** Pods in `namespace` whose names parse to `<setName>-<ordinal>`, as currently stored. */
export function podsNamedFor(sim: Simulation, namespace: string, setName: string): Pod[] {
  const bucket = indexFor(sim).buckets.get(`${namespace}/${setName}`);
  return bucket ? [...bucket.pods.values()] : [];
}

/** How many pods in `namespace` are named `<setName>-<ordinal>`. */
export function countPodsNamedFor(sim: Simulation, namespace: string, setName: string): number {
  return indexFor(sim).buckets.get(`${namespace}/${setName}`)?.pods.size ?? 0;
}

/** Starts recording each ordinal's pods before this sync's own writes change them. */
export function beginSyncLog(b: Bucket): void {
  b.log = new Map();
}

/** Stops recording; returns what was recorded. */
export function endSyncLog(b: Bucket): Map<number, readonly Pod[] | undefined> {
  const log = b.log ?? new Map();
  b.log = undefined;
  return log;
}

/**
 * A runtime index of pods by the StatefulSet their name points to (`<namespace>/<parent name>`),
 * so a sync reads only its own pods instead of every pod in the cluster. It is not part of the
 * cluster state: it is built from the store on first use and kept current from watch events, so
 * a restored state gets an identical index.
 */
import type { Pod } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';
import { parseParentAndOrdinal } from './statefulSetUtils.ts';

type Index = Map<string, Map<string, Pod>>;
const indexes = new WeakMap<Simulation, Index>();

function keyOf(pod: Pod): string | undefined {
  const { parent, ordinal } = parseParentAndOrdinal(pod.metadata.name);
  return ordinal < 0 ? undefined : `${pod.metadata.namespace}/${parent}`;
}

function put(index: Index, pod: Pod): void {
  const k = keyOf(pod);
  if (!k) return;
  let bucket = index.get(k);
  if (!bucket) {
    bucket = new Map();
    index.set(k, bucket);
  }
  bucket.set(pod.metadata.name, pod);
}

function indexFor(sim: Simulation): Index {
  let index = indexes.get(sim);
  if (!index) {
    index = new Map();
    for (const pod of sim.store.list<Pod>('Pod')) put(index, pod);
    indexes.set(sim, index);
  }
  return index;
}

/** Keeps the index current; call for every watch event (a no-op until the index is first used). */
export function observePodEvent(sim: Simulation, ev: WatchEvent): void {
  const index = indexes.get(sim);
  if (!index || ev.object.kind !== 'Pod') return;
  const pod = ev.object as Pod;
  if (ev.type === 'DELETED') {
    const k = keyOf(pod);
    const bucket = k ? index.get(k) : undefined;
    bucket?.delete(pod.metadata.name);
    if (k && bucket?.size === 0) index.delete(k);
  } else put(index, pod);
}

/** Pods in `namespace` whose names parse to `<setName>-<ordinal>`, as currently stored. */
export function podsNamedFor(sim: Simulation, namespace: string, setName: string): Pod[] {
  const bucket = indexFor(sim).get(`${namespace}/${setName}`);
  return bucket ? [...bucket.values()] : [];
}

/** How many pods in `namespace` are named `<setName>-<ordinal>`. */
export function countPodsNamedFor(sim: Simulation, namespace: string, setName: string): number {
  return indexFor(sim).get(`${namespace}/${setName}`)?.size ?? 0;
}

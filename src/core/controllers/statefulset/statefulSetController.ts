/**
 * The StatefulSet controller's informer side: watch handlers that only enqueue the `namespace/name`
 * key of the sets an event concerns, and `sync(key)`, which adopts orphan revisions, claims pods
 * (adopting matching orphans, releasing pods that stopped matching), runs the reconcile, reports
 * what the set waits for, and requeues after minReadySeconds or with backoff after an error.
 *
 * Follows kubernetes/kubernetes v1.30 pkg/controller/statefulset/stateful_set.go (addPod,
 * updatePod, deletePod, enqueueStatefulSet, enqueueSSAfter, sync, adoptOrphanRevisions,
 * getPodsForStatefulSet) and pkg/controller/controller_ref_manager.go (ClaimPods). Lab
 * differences: deleting a claim, or deleting an orphan pod named like a member, also enqueues the
 * set (the real controller relies on its retry backoff and periodic resync to notice); pods owned
 * by the set but named for another set are ignored rather than released; retry backoff is
 * 5 ms doubling per failure (client-go's default per-item limiter) without the overall rate cap.
 */
import { matchesRequirements, selectorRequirements } from '../../api/labels.ts';
import type { KubeObject, Pod, StatefulSet } from '../../api/types.ts';
import type { Timer } from '../../clock/virtualClock.ts';
import type { Controller, Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';
import { adoptOrphanRevisions, listRevisions } from './controllerHistory.ts';
import { type Bucket, bucketForSet, countPodsNamedFor, observePodEvent } from './podIndex.ts';
import { realStatefulPodControl } from './statefulPodControl.ts';
import { updateStatefulSet } from './statefulSetControl.ts';
import {
  CONTROLLER_NAME,
  controllerRef,
  getControllerOf,
  parseParentAndOrdinal,
} from './statefulSetUtils.ts';

export const REQUEUE_TIMER = 'statefulset.requeue';
export const RETRY_TIMER = 'statefulset.retry';
const MAX_BACKOFF_MS = 1000 * 1000;

/** The waiting key the controller reports under: `StatefulSet/<namespace>/<name>`. */
export function waitingKey(namespace: string, name: string): string {
  return `StatefulSet/${namespace}/${name}`;
}

const keyOf = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;

function enqueue(sim: Simulation, key: string): void {
  sim.enqueue(CONTROLLER_NAME, key);
}

/** Sets in the pod's namespace whose selector matches its labels (orphan pods). */
function setsMatching(sim: Simulation, pod: Pod): StatefulSet[] {
  return sim.store.list<StatefulSet>('StatefulSet', pod.metadata.namespace).filter((s) => {
    const reqs = selectorRequirements(s.spec.selector);
    return reqs !== null && reqs.length > 0 && matchesRequirements(pod.metadata.labels, reqs);
  });
}

/** The set a controller ref names, if it still exists with that uid. */
function resolveRef(sim: Simulation, pod: Pod): StatefulSet | undefined {
  const ref = getControllerOf(pod);
  if (ref?.kind !== 'StatefulSet') return undefined;
  const set = sim.store.get<StatefulSet>('StatefulSet', pod.metadata.namespace, ref.name);
  return set && set.metadata.uid === ref.uid ? set : undefined;
}

function isPodReady(pod: Pod | undefined): boolean {
  return pod?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

// Pending requeue instants per key, so that repeated syncs keep one timer (the delaying queue's
// dedup: the earliest wins). Runtime only, and exactly rebuildable from the timers in the state.
const pendingRequeues = new WeakMap<Simulation, Map<string, number[]>>();
function requeues(sim: Simulation): Map<string, number[]> {
  let m = pendingRequeues.get(sim);
  if (!m) {
    m = new Map();
    for (const t of sim.state.timers)
      if (t.type === REQUEUE_TIMER) m.set(t.key, [...(m.get(t.key) ?? []), t.at]);
    pendingRequeues.set(sim, m);
  }
  return m;
}

/** enqueueSSAfter: syncs the key again `ms` from now, unless a requeue at or before then is pending. */
export function requeueAfter(sim: Simulation, key: string, ms: number): void {
  const m = requeues(sim);
  const at = sim.now + Math.max(0, ms);
  const pending = m.get(key) ?? [];
  if (pending.some((p) => p <= at)) return;
  m.set(key, [...pending, at]);
  sim.after(ms, REQUEUE_TIMER, key);
}

/**
 * Sync latency after a pod status change: 10 ms plus 0.1 ms per pod of the set. A real controller
 * takes longer to sync a larger set and its workqueue folds the events that arrive meanwhile into
 * one sync; the lab models that, so that a burst of 1000 pod updates costs tens of syncs, not 1000.
 */
export function podEventLatencyMs(podsInSet: number): number {
  return 10 + Math.floor(podsInSet / 10);
}

function enqueueAfterPodChange(sim: Simulation, set: StatefulSet): void {
  const n = countPodsNamedFor(sim, set.metadata.namespace as string, set.metadata.name);
  requeueAfter(sim, keyOf(set), podEventLatencyMs(n));
}

function onPod(sim: Simulation, ev: WatchEvent): void {
  const pod = ev.object as Pod;
  const old = ev.oldObject as Pod | undefined;
  if (ev.type === 'DELETED' || (ev.type === 'ADDED' && pod.metadata.deletionTimestamp)) {
    const set = resolveRef(sim, pod);
    // A pod that is gone is replaced at once: by the time a learner types the next command after
    // `kubectl delete pod`, the real controller has long recreated it.
    if (set) enqueue(sim, keyOf(set));
    else if (ev.type === 'DELETED' && !getControllerOf(pod)) {
      const { parent, ordinal } = parseParentAndOrdinal(pod.metadata.name);
      if (ordinal >= 0 && sim.store.get('StatefulSet', pod.metadata.namespace, parent))
        enqueue(sim, `${pod.metadata.namespace}/${parent}`);
    }
    return;
  }
  if (ev.type === 'ADDED') {
    const set = resolveRef(sim, pod);
    if (set) enqueue(sim, keyOf(set));
    else if (!getControllerOf(pod)) for (const s of setsMatching(sim, pod)) enqueue(sim, keyOf(s));
    return;
  }
  const oldRef = old ? getControllerOf(old) : undefined;
  const curRef = getControllerOf(pod);
  const refChanged = oldRef?.uid !== curRef?.uid;
  if (refChanged && old) {
    const oldSet = resolveRef(sim, old);
    if (oldSet) enqueue(sim, keyOf(oldSet));
  }
  if (curRef) {
    const set = resolveRef(sim, pod);
    if (!set) return;
    if (refChanged) enqueue(sim, keyOf(set));
    else enqueueAfterPodChange(sim, set);
    const minReady = set.spec.minReadySeconds ?? 0;
    if (!isPodReady(old) && isPodReady(pod) && minReady > 0)
      requeueAfter(sim, keyOf(set), minReady * 1000 + 1000);
    return;
  }
  const labelsChanged =
    JSON.stringify(old?.metadata.labels ?? {}) !== JSON.stringify(pod.metadata.labels ?? {});
  if (labelsChanged || refChanged) for (const s of setsMatching(sim, pod)) enqueue(sim, keyOf(s));
}

function onClaimDeleted(sim: Simulation, claim: KubeObject): void {
  const { parent, ordinal } = parseParentAndOrdinal(claim.metadata.name);
  if (ordinal < 0) return;
  for (const s of sim.store.list<StatefulSet>('StatefulSet', claim.metadata.namespace))
    if ((s.spec.volumeClaimTemplates ?? []).some((t) => parent === `${t.metadata.name}-${s.metadata.name}`))
      enqueue(sim, keyOf(s));
}

/**
 * ClaimPods: orphans whose name and labels match are adopted (controller ref added); owned pods
 * whose labels stopped matching are released (ref removed); pods controlled by another owner are
 * left alone. The claimed pods are then the bucket's (podIndex.ts), which the writes keep current.
 */
function claimPods(sim: Simulation, set: StatefulSet, bucket: Bucket): void {
  const reqs = selectorRequirements(set.spec.selector) ?? [];
  const matches = (pod: Pod) => reqs.length > 0 && matchesRequirements(pod.metadata.labels, reqs);
  const actionable = (pod: Pod | undefined): pod is Pod => {
    if (!pod || pod.metadata.deletionTimestamp) return false;
    if (getControllerOf(pod)) return !matches(pod);
    return !set.metadata.deletionTimestamp && matches(pod);
  };
  let any = false;
  for (const name of bucket.unclaimed) any ||= actionable(bucket.pods.get(name));
  if (!any) return;
  // Writes in store order, as upstream walks its pod list.
  const todo = [...bucket.pods.values()].filter(
    (p) => bucket.unclaimed.has(p.metadata.name) && actionable(p),
  );
  for (const pod of todo) {
    if (getControllerOf(pod)) {
      const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== set.metadata.uid);
      const metadata: Pod['metadata'] = { ...pod.metadata, ownerReferences: refs };
      if (refs.length === 0) delete metadata.ownerReferences;
      if (sim.api.update<Pod>({ ...pod, metadata }).ok)
        sim.decide({
          controller: CONTROLLER_NAME,
          object: `Pod/${pod.metadata.namespace}/${pod.metadata.name}`,
          action: 'release',
          message: `release ${pod.metadata.name}: its labels no longer match the selector of ${set.metadata.name}`,
        });
      continue;
    }
    const res = sim.api.update<Pod>({
      ...pod,
      metadata: {
        ...pod.metadata,
        ownerReferences: [...(pod.metadata.ownerReferences ?? []), controllerRef(set)],
      },
    });
    if (!res.ok) continue;
    sim.decide({
      controller: CONTROLLER_NAME,
      object: `Pod/${pod.metadata.namespace}/${pod.metadata.name}`,
      action: 'update',
      message: `adopt orphan ${pod.metadata.name}: its name and labels match ${set.metadata.name}`,
    });
  }
}

/** One sync; returns an error text when it should be retried. */
function syncSet(sim: Simulation, key: string): string | undefined {
  const [namespace, name] = key.split('/');
  const wk = waitingKey(namespace, name);
  const set = sim.store.get<StatefulSet>('StatefulSet', namespace, name);
  if (!set) {
    sim.setWaiting(wk, undefined);
    return undefined;
  }
  if (!selectorRequirements(set.spec.selector)) return undefined;
  const revisions = listRevisions(sim, set);
  if (revisions.some((r) => !getControllerOf(r)) && !set.metadata.deletionTimestamp)
    adoptOrphanRevisions(sim, set, revisions);
  claimPods(sim, set, bucketForSet(sim, set));
  const fresh = sim.store.get<StatefulSet>('StatefulSet', namespace, name) ?? set;
  const outcome = updateStatefulSet(sim, fresh, bucketForSet(sim, fresh), realStatefulPodControl(sim));
  if (outcome.requeueAfterMs !== undefined) requeueAfter(sim, key, outcome.requeueAfterMs);
  sim.setWaiting(
    wk,
    outcome.wait
      ? { object: key, kind: 'StatefulSet', waitingOn: outcome.wait.on, message: outcome.wait.message }
      : undefined,
  );
  const minReady = fresh.spec.minReadySeconds ?? 0;
  if (
    !outcome.error &&
    minReady > 0 &&
    outcome.status &&
    outcome.status.availableReplicas !== (fresh.spec.replicas ?? 1)
  )
    requeueAfter(sim, key, minReady * 1000);
  return outcome.error;
}

function scheduleRetry(sim: Simulation, key: string, attempt: number): void {
  sim.after(Math.min(5 * 2 ** attempt, MAX_BACKOFF_MS), RETRY_TIMER, key, { attempt });
}

/** The controller registered with the simulation (name `statefulset-controller`). */
export const statefulSetController: Controller = {
  name: CONTROLLER_NAME,
  handle(ev, sim) {
    observePodEvent(sim, ev);
    const kind = ev.object.kind;
    if (kind === 'StatefulSet') enqueue(sim, keyOf(ev.object));
    else if (kind === 'Pod') onPod(sim, ev);
    else if (kind === 'PersistentVolumeClaim' && ev.type === 'DELETED') onClaimDeleted(sim, ev.object);
  },
  sync(key, sim) {
    const err = syncSet(sim, key);
    if (err && !sim.state.timers.some((t) => t.type === RETRY_TIMER && t.key === key))
      scheduleRetry(sim, key, 0);
  },
};

/** Timer handlers: the minReadySeconds requeue and the error retry. */
export const statefulSetTimers = {
  [REQUEUE_TIMER]: (timer: Timer, sim: Simulation) => {
    const m = requeues(sim);
    const pending = m.get(timer.key) ?? [];
    const i = pending.indexOf(timer.at);
    if (i >= 0) pending.splice(i, 1);
    if (pending.length === 0) m.delete(timer.key);
    enqueue(sim, timer.key);
  },
  [RETRY_TIMER]: (timer: Timer, sim: Simulation) => {
    const attempt = (timer.data as { attempt?: number } | undefined)?.attempt ?? 0;
    if (syncSet(sim, timer.key)) scheduleRetry(sim, timer.key, attempt + 1);
  },
};

/**
 * The pods a StatefulSet has claimed (controlled by it and matching its selector), kept as running
 * aggregates so that a sync reads its counts and finds the ordinals needing work without walking
 * every pod: pods by ordinal, the sorted ordinals, ordinals by revision, status counters, and two
 * sorted lists of ordinals whose replica may need the reconcile: `repair` (processReplica may write
 * to it even in Parallel mode) and `unready` (not yet healthy and available: OrderedReady and the
 * rolling update wait for it). A replica in neither is quiet: processReplica
 * (stateful_set_control.go) would pass over it, now and later. Lab-only bookkeeping;
 * the decisions themselves stay in statefulSetControl.ts, which follows upstream.
 *
 * Several pods can share an ordinal (`web-1` and `web-01` both parse to 1); as in upstream's
 * `replicas[ord-start] = pod` loop the last one (in store order) is the replica, and the others
 * only count when condemned.
 */
import type { Requirement } from '../../api/labels.ts';
import type { Pod, StatefulSet } from '../../api/types.ts';
import { fromTimestamp } from '../../clock/virtualClock.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import { insertOrdinal, lowerBound, removeOrdinal } from './sortedOrdinals.ts';
import { claimsMatchPolicy } from './statefulPodControl.ts';
import {
  getPodRevision,
  isCreated,
  isRunningAndAvailable,
  isRunningAndReady,
  isTerminating,
  POD_NAME_LABEL,
  storageMatches,
} from './statefulSetUtils.ts';

/** What a set's claimed pods are judged against; a change of `key` rebuilds the aggregates. */
export interface SetContext {
  key: string;
  uid: string;
  /** the selector's requirements */
  reqs: readonly Requirement[];
  /** the set with its ordinal range opened to every ordinal (claims are judged as for a replica) */
  set: StatefulSet;
  minReady: number;
}

export interface ClaimedPods {
  /** pods per ordinal in store order; the last is the replica. Arrays are replaced, never edited. */
  byOrd: Map<number, readonly Pod[]>;
  ords: number[];
  dupOrds: Set<number>;
  repair: number[];
  unready: number[];
  /** sorted ordinals whose replica carries each revision label */
  byRev: Map<string, number[]>;
  created: number;
  ready: number;
  /** sorted Ready-since instants (virtual ms) of Running and Ready pods; Infinity when unknown */
  readySince: number[];
  /** created, not terminating pods per revision (current/updated counts) */
  revLive: Map<string, number>;
  /** every claimed pod per revision (revisions still in use) */
  revAll: Map<string, number>;
  /** claimed pods per creationTimestamp (second), for the lab's creation rate limit */
  createdAt: Map<string, number>;
}

export function emptyClaimed(): ClaimedPods {
  return {
    byOrd: new Map(),
    ords: [],
    dupOrds: new Set(),
    repair: [],
    unready: [],
    byRev: new Map(),
    created: 0,
    ready: 0,
    readySince: [],
    revLive: new Map(),
    revAll: new Map(),
    createdAt: new Map(),
  };
}

/**
 * False when processReplica may write to this replica whatever the pod management policy: it
 * finished, is not stored yet, is Pending (its claims are checked), or lacks its identity, its
 * claim volumes or the claim owners its retention policy wants.
 */
function needsNoRepair(sim: Simulation, ctx: SetContext, pod: Pod): boolean {
  const phase = pod.status?.phase;
  return (
    phase !== undefined &&
    phase !== 'Failed' &&
    phase !== 'Succeeded' &&
    (phase !== 'Pending' || (ctx.set.spec.volumeClaimTemplates ?? []).length === 0) &&
    pod.metadata.labels?.[POD_NAME_LABEL] === pod.metadata.name &&
    storageMatches(ctx.set, pod) &&
    claimsMatchPolicy(sim, ctx.set, pod)
  );
}

/** Healthy and available now, hence at any later instant until the pod changes. */
function isSettled(sim: Simulation, ctx: SetContext, pod: Pod): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod) && isRunningAndAvailable(pod, ctx.minReady, sim.now);
}

function judge(sim: Simulation, ctx: SetContext, c: ClaimedPods, ord: number, pod: Pod | undefined): void {
  if (pod && !needsNoRepair(sim, ctx, pod)) insertOrdinal(c.repair, ord);
  else removeOrdinal(c.repair, ord);
  if (pod && !isSettled(sim, ctx, pod)) insertOrdinal(c.unready, ord);
  else removeOrdinal(c.unready, ord);
}

function readySince(pod: Pod): number {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready');
  return c?.lastTransitionTime ? fromTimestamp(c.lastTransitionTime) : Number.POSITIVE_INFINITY;
}

function bump(m: Map<string, number>, k: string, d: number): void {
  const n = (m.get(k) ?? 0) + d;
  if (n === 0) m.delete(k);
  else m.set(k, n);
}

/** Adds (d = 1) or removes (d = -1) one pod's share of the status counters. */
function count(c: ClaimedPods, pod: Pod, d: 1 | -1): void {
  const created = isCreated(pod);
  if (created) c.created += d;
  if (isRunningAndReady(pod)) {
    c.ready += d;
    if (d === 1) c.readySince.splice(lowerBound(c.readySince, readySince(pod)), 0, readySince(pod));
    else c.readySince.splice(lowerBound(c.readySince, readySince(pod)), 1);
  }
  const rev = getPodRevision(pod);
  if (created && !isTerminating(pod)) bump(c.revLive, rev, d);
  bump(c.revAll, rev, d);
  bump(c.createdAt, pod.metadata.creationTimestamp, d);
}

function setReplica(
  sim: Simulation,
  ctx: SetContext,
  c: ClaimedPods,
  ord: number,
  before: Pod | undefined,
  after: Pod | undefined,
): void {
  if (before) {
    const list = c.byRev.get(getPodRevision(before));
    if (list) {
      removeOrdinal(list, ord);
      if (list.length === 0) c.byRev.delete(getPodRevision(before));
    }
  }
  judge(sim, ctx, c, ord, after);
  if (!after) return;
  const rev = getPodRevision(after);
  let list = c.byRev.get(rev);
  if (!list) {
    list = [];
    c.byRev.set(rev, list);
  }
  insertOrdinal(list, ord);
}

/** Replaces the pods at `ord` with `next` (store order), keeping every aggregate current. */
export function setPodsAt(
  sim: Simulation,
  ctx: SetContext,
  c: ClaimedPods,
  ord: number,
  next: readonly Pod[],
): void {
  const prev = c.byOrd.get(ord) ?? [];
  for (const p of prev) count(c, p, -1);
  for (const p of next) count(c, p, 1);
  if (next.length === 0) {
    c.byOrd.delete(ord);
    removeOrdinal(c.ords, ord);
  } else {
    c.byOrd.set(ord, next);
    insertOrdinal(c.ords, ord);
  }
  if (next.length > 1) c.dupOrds.add(ord);
  else c.dupOrds.delete(ord);
  setReplica(sim, ctx, c, ord, prev[prev.length - 1], next[next.length - 1]);
}

/** Re-judges the replica at `ord` (after a change to one of its claims). */
export function recheckAttention(sim: Simulation, ctx: SetContext, c: ClaimedPods, ord: number): void {
  const pods = c.byOrd.get(ord);
  if (pods) judge(sim, ctx, c, ord, pods[pods.length - 1]);
}

/**
 * What one reconcile of a StatefulSet reads: its claimed pods as they were when the sync began
 * (upstream's `replicas` and `condemned` slices in stateful_set_control.go updateStatefulSet), the
 * status counts over them (computeReplicaStatus), and, instead of a walk over every ordinal in
 * range, the ordinals that can need work, in the order upstream would reach them. Every ordinal it
 * leaves out holds a replica that processReplica and the rolling update would pass over, so the
 * reconcile acts exactly as if it had walked them all. Lab-only: it exists for speed, and so that
 * a huge spec.replicas (int32 max is valid) costs nothing until pods exist.
 */
import type { Pod, StatefulSet } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import type { ClaimedPods } from './claimedPods.ts';
import { type Bucket, beginSyncLog, endSyncLog } from './podIndex.ts';
import {
  lowerBound,
  memberAtOrAbove,
  memberAtOrBelow,
  missingAtOrAbove,
  missingAtOrBelow,
} from './sortedOrdinals.ts';
import {
  getEndOrdinal,
  getPodRevision,
  getStartOrdinal,
  isCreated,
  isRunningAndAvailable,
  isRunningAndReady,
  isTerminating,
} from './statefulSetUtils.ts';
import type { ReplicaCounts } from './statusUpdater.ts';

/** A source of candidate ordinals: the nearest candidate at or beyond x in its direction. */
type Source = (x: number) => number;

export interface SyncView {
  /** first ordinal in range */
  readonly start: number;
  /** number of ordinals in range (0 for a range that is empty or not a whole number) */
  readonly count: number;
  /** counts over the claimed pods as the sync began */
  readonly counts: ReplicaCounts;
  /** revisions named by some claimed pod as the sync began */
  readonly podRevisions: ReadonlySet<string>;
  /** claimed pods outside the range, highest ordinal first */
  readonly condemned: readonly Pod[];
  /** the replica at an ordinal in range as the sync began */
  replicaAt(ord: number): Pod | undefined;
  /**
   * ascending ordinals in [lo, hi] that processReplica may act on: missing, needing repair, and
   * (`unreadyToo`, for OrderedReady) not yet healthy and available
   */
  needingWork(lo: number, hi: number, unreadyToo: boolean): Generator<number>;
  /** descending ordinals in [lo, hi] that the rolling update may stop at */
  rollCandidates(
    lo: number,
    hi: number,
    updateRevision: string,
    placed: readonly number[],
  ): Generator<number>;
  /** ascending ordinals in [lo, hi] whose replica may carry another revision than `updateRevision` */
  otherRevisions(
    lo: number,
    hi: number,
    updateRevision: string,
    placed: readonly number[],
  ): Generator<number>;
  /** pods of this set created in the current virtual second */
  createdThisSecond(): number;
  /** ends the sync's bookkeeping */
  finish(): void;
}

function* ascending(lo: number, hi: number, sources: Source[]): Generator<number> {
  let x = lo;
  while (x <= hi) {
    let next = Number.POSITIVE_INFINITY;
    for (const s of sources) next = Math.min(next, s(x));
    if (next > hi) return;
    yield next;
    x = next + 1;
  }
}

function* descending(lo: number, hi: number, sources: Source[]): Generator<number> {
  let x = hi;
  while (x >= lo) {
    let next = Number.NEGATIVE_INFINITY;
    for (const s of sources) next = Math.max(next, s(x));
    if (next < lo) return;
    yield next;
    x = next - 1;
  }
}

const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);

function countsAt(
  c: ClaimedPods,
  losers: readonly Pod[],
  minReady: number,
  now: number,
  current: string,
  update: string,
): ReplicaCounts {
  const out: ReplicaCounts = {
    replicas: c.created,
    readyReplicas: c.ready,
    availableReplicas: minReady === 0 ? c.ready : lowerBound(c.readySince, now - minReady * 1000),
    currentReplicas: c.revLive.get(current) ?? 0,
    updatedReplicas: current === update ? (c.revLive.get(current) ?? 0) : (c.revLive.get(update) ?? 0),
  };
  // A pod sharing its ordinal with a later one is no replica: upstream never counts it.
  for (const p of losers) {
    const created = isCreated(p);
    if (created) out.replicas--;
    if (isRunningAndReady(p)) {
      out.readyReplicas--;
      if (isRunningAndAvailable(p, minReady, now)) out.availableReplicas--;
    }
    if (created && !isTerminating(p)) {
      const rev = getPodRevision(p);
      if (rev === current) out.currentReplicas--;
      if (rev === update) out.updatedReplicas--;
    }
  }
  return out;
}

/**
 * Opens the view of `set`'s claimed pods for one sync (ClaimPods has run). Until finish() the
 * bucket records what the sync's writes replace, so the view keeps showing the pods as they were.
 */
export function openSyncView(
  sim: Simulation,
  b: Bucket,
  set: StatefulSet,
  currentRevision: string,
  updateRevision: string,
): SyncView {
  const c = b.claimed;
  const start = getStartOrdinal(set);
  const end = getEndOrdinal(set);
  const span = end - start + 1;
  const count = Number.isFinite(span) && span > 0 ? Math.floor(span) : 0;
  const last = start + count - 1;
  const minReady = set.spec.minReadySeconds ?? 0;
  const losers: Pod[] = [];
  for (const ord of c.dupOrds)
    if (ord >= start && ord <= last) losers.push(...(c.byOrd.get(ord) ?? []).slice(0, -1));
  const counts = countsAt(c, losers, minReady, sim.now, currentRevision, updateRevision);
  const condemned: Pod[] = [];
  for (let i = c.ords.length - 1; i >= 0; i--) {
    const ord = c.ords[i];
    if (ord >= start && ord <= last) {
      i = lowerBound(c.ords, start);
      continue;
    }
    // Upstream sorts condemned pods by ordinal, highest first; pods sharing one keep store order.
    condemned.push(...(c.byOrd.get(ord) ?? []));
  }
  const podRevisions = new Set(c.revAll.keys());
  beginSyncLog(b);
  const log = b.log as Map<number, readonly Pod[] | undefined>;
  const replicaAt = (ord: number): Pod | undefined => {
    const pods = log.has(ord) ? log.get(ord) : c.byOrd.get(ord);
    return pods?.[pods.length - 1];
  };
  const others = (update: string) => [...c.byRev].filter(([rev]) => rev !== update).map(([, ords]) => ords);
  return {
    start,
    count,
    counts,
    podRevisions,
    condemned,
    replicaAt,
    // The sync writes only to ordinals it has already passed, so the live lists stand for the
    // ones it started with from wherever it is.
    needingWork(lo, hi, unreadyToo) {
      const sources: Source[] = [(x) => memberAtOrAbove(c.repair, x), (x) => missingAtOrAbove(c.ords, x)];
      if (unreadyToo) sources.push((x) => memberAtOrAbove(c.unready, x));
      return ascending(lo, hi, sources);
    },
    rollCandidates(lo, hi, update, placed) {
      // Ordinals the sync wrote to are judged as they were; the others are as the lists say.
      const changed = sorted(new Set([...log.keys(), ...placed]));
      const sources: Source[] = [
        (x) => memberAtOrBelow(changed, x),
        (x) => memberAtOrBelow(c.unready, x),
        (x) => memberAtOrBelow(c.repair, x),
        (x) => missingAtOrBelow(c.ords, x),
      ];
      for (const ords of others(update)) sources.push((x) => memberAtOrBelow(ords, x));
      return descending(lo, hi, sources);
    },
    otherRevisions(lo, hi, update, placed) {
      const changed = sorted(new Set([...log.keys(), ...placed]));
      const sources: Source[] = [(x) => memberAtOrAbove(changed, x)];
      for (const ords of others(update)) sources.push((x) => memberAtOrAbove(ords, x));
      return ascending(lo, hi, sources);
    },
    createdThisSecond: () => c.createdAt.get(sim.timestamp()) ?? 0,
    finish: () => {
      endSyncLog(b);
    },
  };
}

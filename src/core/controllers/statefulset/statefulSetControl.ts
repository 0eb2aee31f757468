/**
 * The reconcile algorithm of one StatefulSet: choose revisions, bring pods to the wanted ordinals
 * (create missing ones, recreate finished ones, repair identity), scale down condemned pods, then
 * roll pods to the update revision; finally write status and prune history. Says what it waits
 * for, in words a learner can read (terminationWait.ts: and why a pod on an unreachable node stays).
 *
 * Follows kubernetes/kubernetes v1.30 pkg/controller/statefulset/stateful_set_control.go
 * (UpdateStatefulSet, performUpdate, updateStatefulSet, processReplica, processCondemned,
 * runForAll, slowStartBatch). The MaxUnavailableStatefulSet gate is off (1.30 default), so the
 * rolling update replaces one pod at a time. Lab differences: a Failed/Succeeded pod is deleted and
 * recreated by a later sync once it is gone (1.30 retried the create at once and got AlreadyExists,
 * which learners cannot see); only the ordinals that can need work are visited (syncView.ts), and
 * not-yet-created pods are built only when needed (speed); Parallel creates at most
 * MAX_CREATES_PER_SECOND pods of a set per virtual second, so that a huge spec.replicas (int32 max
 * is valid) fills the cluster in batches instead of in one unending sync.
 */
import type { ControllerRevision, Pod, StatefulSet, StatefulSetStatus } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import { getRetentionPolicy } from './claimOwnership.ts';
import { getStatefulSetRevisions, listRevisions, truncateHistory } from './controllerHistory.ts';
import type { Bucket } from './podIndex.ts';
import { applyRevision } from './revisions.ts';
import { runForAll, type Step } from './runForAll.ts';
import type { StatefulPodControl } from './statefulPodControl.ts';
import {
  allowsBurst,
  getClaimName,
  getEndOrdinal,
  getOrdinal,
  getPodRevision,
  identityMatches,
  isCreated,
  isFailed,
  isPending,
  isRunningAndAvailable,
  isRunningAndReady,
  isSucceeded,
  isTerminating,
  isUnavailable,
  newVersionedStatefulSetPod,
  storageMatches,
} from './statefulSetUtils.ts';
import { makeStatus, updateStatefulSetStatus } from './statusUpdater.ts';
import { openSyncView, type SyncView } from './syncView.ts';
import { terminateWaitMessage } from './terminationWait.ts';

export { MAX_BATCH_SIZE } from './runForAll.ts';

/** Parallel creates at most this many pods of one set per virtual second (lab limit, see above). */
export const MAX_CREATES_PER_SECOND = 1000;

/** What the controller waits for after a sync (shown on the diagram and timeline). */
export interface Wait {
  on?: string;
  message: string;
}

export interface SyncOutcome {
  status?: StatefulSetStatus;
  error?: string;
  wait?: Wait;
  /** sync again after this many virtual ms (the creation limit was reached) */
  requeueAfterMs?: number;
}

/**
 * One sync of `set` over the pods it claims (held in `bucket`): may create/renumber revisions,
 * create/update/delete pods and claims, write status and delete old revisions. Returns the status
 * it computed, an error text (the sync should be retried), and what it waits for.
 */
export function updateStatefulSet(
  sim: Simulation,
  set: StatefulSet,
  bucket: Bucket,
  control: StatefulPodControl,
): SyncOutcome {
  const revisions = listRevisions(sim, set);
  const choice = getStatefulSetRevisions(sim, set, revisions);
  if ('error' in choice) return { error: choice.error };
  const { current, update, collisionCount } = choice;
  const view = openSyncView(sim, bucket, set, current.metadata.name, update.metadata.name);
  const out = reconcile(sim, set, view, control, current, update);
  view.finish();
  const status = makeStatus(set.metadata.generation ?? 0, view.counts, current, update, collisionCount);
  status.currentReplicas = (status.currentReplicas ?? 0) - out.currentDecrement;
  const written = updateStatefulSetStatus(sim, set, status);
  truncateHistory(sim, set, view.podRevisions, revisions, current, update);
  return {
    status: written.status,
    error: out.error ?? written.error,
    wait: out.wait,
    requeueAfterMs: out.requeueAfterMs,
  };
}

interface Reconciled {
  currentDecrement: number;
  error?: string;
  wait?: Wait;
  requeueAfterMs?: number;
}

function reconcile(
  sim: Simulation,
  set: StatefulSet,
  view: SyncView,
  control: StatefulPodControl,
  currentRev: ControllerRevision,
  updateRev: ControllerRevision,
): Reconciled {
  const currentName = currentRev.metadata.name;
  const updateName = updateRev.metadata.name;
  const currentSet = applyRevision(set, currentRev);
  const updateSet = applyRevision(set, updateRev);
  const minReady = set.spec.minReadySeconds ?? 0;
  const now = sim.now;
  const { start, count, condemned } = view;
  const last = start + count - 1;
  // Pods built by this sync for ordinals that had none (upstream stores them in `replicas`).
  const placed = new Map<number, Pod>();
  const replicaAt = (i: number) => placed.get(start + i) ?? view.replicaAt(start + i);
  const materialize = (i: number): Pod => {
    let p = replicaAt(i);
    if (!p) {
      p = newVersionedStatefulSetPod(currentSet, updateSet, currentName, updateName, start + i);
      placed.set(start + i, p);
    }
    return p;
  };
  let wait: Wait | undefined;
  let requeueAfterMs: number | undefined;
  const done = (step: Step, decrement = 0): Reconciled => ({
    currentDecrement: decrement,
    error: step.error,
    wait,
    requeueAfterMs,
  });

  if (set.metadata.deletionTimestamp) {
    wait = { message: `${set.metadata.name} is being deleted: the controller only updates its status` };
    return done({ exit: true });
  }
  const monotonic = !allowsBurst(set);

  const processReplica = (i: number): Step => {
    const existing = replicaAt(i);
    if (existing && (isFailed(existing) || isSucceeded(existing))) {
      const name = existing.metadata.name;
      if (!isTerminating(existing)) {
        control.recordRecreate(set, existing);
        const err = control.deleteStatefulPod(
          set,
          existing,
          `it ${existing.status.phase}; it is recreated with the same name`,
        );
        if (err) return { exit: true, error: err };
      }
      wait ??= {
        on: name,
        message: `waiting for ${existing.status.phase === 'Failed' ? 'failed' : 'finished'} ${name} to be removed before recreating it`,
      };
      return { exit: true };
    }
    if (!existing || !isCreated(existing)) {
      if (!monotonic && view.createdThisSecond() >= MAX_CREATES_PER_SECOND) {
        requeueAfterMs = 1000 - (now % 1000);
        wait ??= {
          message: `creating pods ${MAX_CREATES_PER_SECOND} per second: ${view.counts.replicas} of ${set.spec.replicas} exist`,
        };
        return { exit: true, stop: true };
      }
      const pod = materialize(i);
      const name = pod.metadata.name;
      const stale = control.podClaimIsStale(set, pod);
      if (stale) {
        wait ??= {
          on: stale,
          message: `waiting for PVC ${stale} of the old ${name} to be deleted before creating ${name}`,
        };
        return { exit: true };
      }
      const err = control.createStatefulPod(set, pod);
      if (err) {
        wait ??= { on: name, message: `cannot create ${name}: ${err}` };
        return { exit: true, error: err };
      }
      if (monotonic) wait ??= { on: name, message: `waiting for ${name} to be Running and Ready` };
      return { exit: monotonic };
    }
    const pod = existing;
    const name = pod.metadata.name;
    if (isPending(pod) && claimsMissingOrDeleting(sim, set, pod)) {
      const err = control.createMissingPersistentVolumeClaims(set, pod);
      if (err) return { exit: true, error: err };
    }
    if (monotonic) {
      if (isTerminating(pod)) {
        wait ??= { on: name, message: terminateWaitMessage(sim, pod) };
        return { exit: true };
      }
      if (!isRunningAndReady(pod)) {
        wait ??= { on: name, message: `waiting for ${name} to be Running and Ready` };
        return { exit: true };
      }
      if (!isRunningAndAvailable(pod, minReady, now)) {
        wait ??= {
          on: name,
          message: `waiting for ${name} to be available (Ready for minReadySeconds: ${minReady})`,
        };
        return { exit: true };
      }
    }
    if (
      identityMatches(set, pod) &&
      storageMatches(set, pod) &&
      control.claimsMatchRetentionPolicy(updateSet, pod)
    )
      return { exit: false };
    const err = control.updateStatefulPod(updateSet, pod);
    return err ? { exit: true, error: err } : { exit: false };
  };
  const positions = (function* () {
    for (const ord of view.needingWork(start, last, monotonic)) yield ord - start;
  })();
  const replicaStep = runForAll(count, positions, processReplica, monotonic);
  if (replicaStep.exit || replicaStep.error) return done(replicaStep);

  const fixClaims = runForAll(
    condemned.length,
    condemned.keys(),
    (i) => {
      if (control.claimsMatchRetentionPolicy(updateSet, condemned[i])) return { exit: false };
      const err = control.updatePodClaimForRetentionPolicy(updateSet, condemned[i]);
      return err ? { exit: true, error: err } : { exit: false };
    },
    monotonic,
  );
  if (fixClaims.exit || fixClaims.error) return done(fixClaims);

  const condemnedStep = processCondemned(sim, set, view, control, monotonic, minReady);
  if (condemnedStep.wait) wait ??= condemnedStep.wait;
  if (condemnedStep.exit || condemnedStep.error) return done(condemnedStep);

  const otherRevision = (lo: number, hi: number) => {
    const out: string[] = [];
    for (const ord of view.otherRevisions(lo, hi, updateName, [...placed.keys()])) {
      const p = replicaAt(ord - start);
      if (p && getPodRevision(p) !== updateName) out.push(p.metadata.name);
    }
    return out;
  };
  if (set.spec.updateStrategy?.type === 'OnDelete') {
    const old = otherRevision(start, last);
    if (old.length)
      wait = {
        message: `OnDelete: ${old.join(', ')} keep${old.length === 1 ? 's' : ''} the old template until you delete ${old.length === 1 ? 'it' : 'them'}`,
      };
    else wait = keptClaimsWait(sim, set);
    return done({ exit: false });
  }

  const updateMin = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (const ord of view.rollCandidates(start + updateMin, last, updateName, [...placed.keys()])) {
    const pod = materialize(ord - start);
    const name = pod.metadata.name;
    if (getPodRevision(pod) !== updateName && !isTerminating(pod)) {
      const err = control.deleteStatefulPod(set, pod, `rolling update to revision ${updateName}`);
      wait = { on: name, message: `rolling update replaces ${name} (highest ordinal first)` };
      return done({ exit: true, error: err?.includes('not found') ? undefined : err }, 1);
    }
    if (isUnavailable(pod, minReady, now)) {
      const why = isTerminating(pod)
        ? 'terminating'
        : !isCreated(pod)
          ? 'not created yet'
          : !isRunningAndReady(pod)
            ? 'updated, not Ready'
            : `updated, Ready for less than minReadySeconds ${minReady}`;
      wait = { on: name, message: `rolling update waits for ${name} (${why})` };
      return done({ exit: true });
    }
  }
  const held = otherRevision(start, start + Math.min(updateMin, count) - 1);
  if (held.length)
    wait = {
      message: `partition ${updateMin}: ${held.join(', ')} stay${held.length === 1 ? 's' : ''} at revision ${currentName}`,
    };
  else wait = keptClaimsWait(sim, set);
  return done({ exit: false });
}

/** processCondemned over every condemned pod, highest ordinal first; returns the step and its wait. */
function processCondemned(
  sim: Simulation,
  set: StatefulSet,
  view: SyncView,
  control: StatefulPodControl,
  monotonic: boolean,
  minReady: number,
): Step & { wait?: Wait } {
  const now = sim.now;
  const { condemned } = view;
  // OrderedReady reaches the condemned pods only once every replica is healthy and available, so
  // upstream's first unhealthy pod is then the lowest-ordinal unavailable condemned pod.
  let firstUnhealthy: Pod | undefined;
  for (let i = condemned.length - 1; i >= 0 && !firstUnhealthy && monotonic; i--)
    if (isUnavailable(condemned[i], minReady, now)) firstUnhealthy = condemned[i];
  const policy = getRetentionPolicy(set);
  let wait: Wait | undefined;
  const step = (i: number): Step => {
    const pod = condemned[i];
    const name = pod.metadata.name;
    if (isTerminating(pod)) {
      if (!monotonic) return { exit: false };
      wait ??= {
        on: name,
        message: terminateWaitMessage(sim, pod, ' (scale down removes one pod at a time)'),
      };
      return { exit: true };
    }
    const healthy = isRunningAndReady(pod) && isRunningAndAvailable(pod, minReady, now);
    if (monotonic && pod !== firstUnhealthy && !healthy) {
      const blocker = firstUnhealthy ? firstUnhealthy.metadata.name : name;
      wait ??= { on: blocker, message: `waiting for ${blocker} to be Running and Ready before scaling down` };
      return { exit: true };
    }
    const err = control.deleteStatefulPod(set, pod, `scale down to ${set.spec.replicas ?? 1} replicas`);
    if (err) return { exit: true, error: err };
    const claims = (set.spec.volumeClaimTemplates ?? []).map((t) =>
      getClaimName(t.metadata.name, set.metadata.name, getOrdinal(pod)),
    );
    const kept = claims.length > 0 && policy.whenScaled === 'Retain';
    const message = terminateWaitMessage(sim, pod);
    wait ??= {
      on: name,
      message: `${message}${kept ? `; PVC ${claims.join(', ')} kept: whenScaled is Retain` : ''}`,
    };
    return { exit: true };
  };
  return { ...runForAll(condemned.length, condemned.keys(), step, monotonic), wait };
}

/** True when one of the pod's claims is missing or being deleted (cheap check before a create attempt). */
function claimsMissingOrDeleting(sim: Simulation, set: StatefulSet, pod: Pod): boolean {
  const ord = getOrdinal(pod);
  for (const t of set.spec.volumeClaimTemplates ?? []) {
    const c = sim.store.get(
      'PersistentVolumeClaim',
      set.metadata.namespace,
      getClaimName(t.metadata.name, set.metadata.name, ord),
    );
    if (!c || c.metadata.deletionTimestamp) return true;
  }
  return false;
}

/** "PVC … kept: whenScaled is Retain" for claims of ordinals above the range that still exist. */
function keptClaimsWait(sim: Simulation, set: StatefulSet): Wait | undefined {
  const templates = set.spec.volumeClaimTemplates ?? [];
  if (templates.length === 0 || getRetentionPolicy(set).whenScaled !== 'Retain') return undefined;
  const kept: string[] = [];
  for (let ord = getEndOrdinal(set) + 1; ; ord++) {
    const names = templates.map((t) => getClaimName(t.metadata.name, set.metadata.name, ord));
    const present = names.filter((n) => sim.store.get('PersistentVolumeClaim', set.metadata.namespace, n));
    if (present.length === 0) break;
    kept.push(...present);
  }
  if (kept.length === 0) return undefined;
  return { message: `PVC ${kept.join(', ')} kept: whenScaled is Retain` };
}

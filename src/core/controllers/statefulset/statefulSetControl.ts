/**
 * The reconcile algorithm of one StatefulSet: choose revisions, bring pods to the wanted ordinals
 * (create missing ones, recreate finished ones, repair identity), scale down condemned pods, then
 * roll pods to the update revision; finally write status and prune history. Says what it waits
 * for, in words a learner can read.
 *
 * Follows kubernetes/kubernetes v1.30 pkg/controller/statefulset/stateful_set_control.go
 * (UpdateStatefulSet, performUpdate, updateStatefulSet, processReplica, processCondemned,
 * runForAll, slowStartBatch). The MaxUnavailableStatefulSet gate is off (1.30 default), so the
 * rolling update replaces one pod at a time. Lab differences: a Failed/Succeeded pod is deleted and
 * recreated by a later sync once it is gone (1.30 retried the create at once and got AlreadyExists,
 * which learners cannot see); not-yet-created pods are built only when needed (speed).
 */
import type { ControllerRevision, Pod, StatefulSet, StatefulSetStatus } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import { getRetentionPolicy } from './claimOwnership.ts';
import { getStatefulSetRevisions, listRevisions, truncateHistory } from './controllerHistory.ts';
import { applyRevision } from './revisions.ts';
import type { StatefulPodControl } from './statefulPodControl.ts';
import {
  allowsBurst,
  getClaimName,
  getEndOrdinal,
  getOrdinal,
  getPodRevision,
  getStartOrdinal,
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
import { computeReplicaStatus, makeStatus, updateStatefulSetStatus } from './statusUpdater.ts';

/** Realistic maximum of parallel requests per batch in Parallel mode. */
export const MAX_BATCH_SIZE = 500;

/** What the controller waits for after a sync (shown on the diagram and timeline). */
export interface Wait {
  on?: string;
  message: string;
}

export interface SyncOutcome {
  status?: StatefulSetStatus;
  error?: string;
  wait?: Wait;
}

type Step = { exit: boolean; error?: string };

/**
 * Runs fn over 0..n-1. Monotonic: in order, stopping at the first exit or error. Burst: batches of
 * 1, 2, 4, … (at most MAX_BATCH_SIZE), stopping after a batch with an error (slowStartBatch).
 */
function runForAll(n: number, fn: (i: number) => Step, monotonic: boolean): Step {
  if (monotonic) {
    for (let i = 0; i < n; i++) {
      const r = fn(i);
      if (r.exit || r.error) return { exit: true, error: r.error };
    }
    return { exit: false };
  }
  let j = 0;
  let remaining = n;
  for (
    let batch = Math.min(remaining, 1);
    batch > 0;
    batch = Math.min(2 * batch, remaining, MAX_BATCH_SIZE)
  ) {
    const errs: string[] = [];
    for (let k = 0; k < batch; k++, j++) {
      const r = fn(j);
      if (r.error) errs.push(r.error);
    }
    if (errs.length) return { exit: true, error: errs.length === 1 ? errs[0] : `[${errs.join(', ')}]` };
    remaining -= batch;
  }
  return { exit: false };
}

/**
 * One sync of `set` over the pods it owns: may create/renumber revisions, create/update/delete
 * pods and claims, write status and delete old revisions. Returns the status it computed, an
 * error text (the sync should be retried), and what it waits for.
 */
export function updateStatefulSet(
  sim: Simulation,
  set: StatefulSet,
  pods: readonly Pod[],
  control: StatefulPodControl,
): SyncOutcome {
  const revisions = listRevisions(sim, set);
  const choice = getStatefulSetRevisions(sim, set, revisions);
  if ('error' in choice) return { error: choice.error };
  const { current, update, collisionCount } = choice;
  const out = reconcile(sim, set, pods, control, current, update);
  const status = makeStatus(set.metadata.generation ?? 0, out.counts, current, update, collisionCount);
  status.currentReplicas = (status.currentReplicas ?? 0) - out.currentDecrement;
  const written = updateStatefulSetStatus(sim, set, status);
  truncateHistory(sim, set, pods, revisions, current, update);
  return { status: written.status, error: out.error ?? written.error, wait: out.wait };
}

interface Reconciled {
  counts: ReturnType<typeof computeReplicaStatus>;
  currentDecrement: number;
  error?: string;
  wait?: Wait;
}

function reconcile(
  sim: Simulation,
  set: StatefulSet,
  pods: readonly Pod[],
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
  const start = getStartOrdinal(set);
  const end = getEndOrdinal(set);
  const count = Math.max(0, end - start + 1);
  const replicas: (Pod | undefined)[] = new Array(count);
  const condemned: Pod[] = [];
  for (const pod of pods) {
    const ord = getOrdinal(pod);
    if (ord >= start && ord <= end) replicas[ord - start] = pod;
    else if (ord >= 0) condemned.push(pod);
  }
  condemned.sort((a, b) => getOrdinal(b) - getOrdinal(a));
  const materialize = (i: number): Pod => {
    let p = replicas[i];
    if (!p) {
      p = newVersionedStatefulSetPod(currentSet, updateSet, currentName, updateName, start + i);
      replicas[i] = p;
    }
    return p;
  };
  const counted = () =>
    computeReplicaStatus(
      [...(replicas.filter(Boolean) as Pod[]), ...condemned],
      minReady,
      now,
      currentName,
      updateName,
    );
  let wait: Wait | undefined;
  const done = (step: Step, decrement = 0): Reconciled => ({
    counts: counted(),
    currentDecrement: decrement,
    error: step.error,
    wait,
  });

  // First unhealthy pod: the lowest unavailable replica, else the lowest unavailable condemned pod.
  let firstUnhealthy: Pod | 'replica' | undefined;
  for (let i = 0; i < count && !firstUnhealthy; i++) {
    const p = replicas[i];
    if (!p || isUnavailable(p, minReady, now)) firstUnhealthy = 'replica';
  }
  for (let i = condemned.length - 1; i >= 0 && !firstUnhealthy; i--)
    if (isUnavailable(condemned[i], minReady, now)) firstUnhealthy = condemned[i];

  if (set.metadata.deletionTimestamp) {
    wait = { message: `${set.metadata.name} is being deleted: the controller only updates its status` };
    return done({ exit: true });
  }
  const monotonic = !allowsBurst(set);

  const processReplica = (i: number): Step => {
    const existing = replicas[i];
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
        wait ??= { on: name, message: `waiting for ${name} to terminate` };
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
  const replicaStep = runForAll(count, processReplica, monotonic);
  if (replicaStep.exit || replicaStep.error) return done(replicaStep);

  const fixClaims = runForAll(
    condemned.length,
    (i) => {
      if (control.claimsMatchRetentionPolicy(updateSet, condemned[i])) return { exit: false };
      const err = control.updatePodClaimForRetentionPolicy(updateSet, condemned[i]);
      return err ? { exit: true, error: err } : { exit: false };
    },
    monotonic,
  );
  if (fixClaims.exit || fixClaims.error) return done(fixClaims);

  const policy = getRetentionPolicy(set);
  const processCondemned = (i: number): Step => {
    const pod = condemned[i];
    const name = pod.metadata.name;
    if (isTerminating(pod)) {
      if (!monotonic) return { exit: false };
      wait ??= {
        on: name,
        message: `waiting for ${name} to terminate (scale down removes one pod at a time)`,
      };
      return { exit: true };
    }
    const healthy = isRunningAndReady(pod) && isRunningAndAvailable(pod, minReady, now);
    if (monotonic && pod !== firstUnhealthy && !healthy) {
      const blocker = typeof firstUnhealthy === 'object' ? firstUnhealthy.metadata.name : name;
      wait ??= { on: blocker, message: `waiting for ${blocker} to be Running and Ready before scaling down` };
      return { exit: true };
    }
    const err = control.deleteStatefulPod(set, pod, `scale down to ${set.spec.replicas ?? 1} replicas`);
    if (err) return { exit: true, error: err };
    const claims = (set.spec.volumeClaimTemplates ?? []).map((t) =>
      getClaimName(t.metadata.name, set.metadata.name, getOrdinal(pod)),
    );
    const kept = claims.length > 0 && policy.whenScaled === 'Retain';
    wait ??= {
      on: name,
      message: `waiting for ${name} to terminate${kept ? `; PVC ${claims.join(', ')} kept: whenScaled is Retain` : ''}`,
    };
    return { exit: true };
  };
  const condemnedStep = runForAll(condemned.length, processCondemned, monotonic);
  if (condemnedStep.exit || condemnedStep.error) return done(condemnedStep);

  if (set.spec.updateStrategy?.type === 'OnDelete') {
    const old = replicas
      .filter((p) => p && getPodRevision(p) !== updateName)
      .map((p) => (p as Pod).metadata.name);
    if (old.length)
      wait = {
        message: `OnDelete: ${old.join(', ')} keep${old.length === 1 ? 's' : ''} the old template until you delete ${old.length === 1 ? 'it' : 'them'}`,
      };
    else wait = keptClaimsWait(sim, set);
    return done({ exit: false });
  }

  const updateMin = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = count - 1; target >= updateMin; target--) {
    const pod = materialize(target);
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
  const held = replicas
    .slice(0, Math.min(updateMin, count))
    .filter((p) => p && getPodRevision(p) !== updateName);
  if (held.length)
    wait = {
      message: `partition ${updateMin}: ${held.map((p) => (p as Pod).metadata.name).join(', ')} stay${held.length === 1 ? 's' : ''} at revision ${currentName}`,
    };
  else wait = keptClaimsWait(sim, set);
  return done({ exit: false });
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

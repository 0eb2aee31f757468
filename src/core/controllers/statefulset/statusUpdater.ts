/**
 * StatefulSet status: counting replicas from the pods and writing the /status subresource only
 * when something a client watches changed.
 *
 * Follows kubernetes/kubernetes v1.30 pkg/controller/statefulset/stateful_set_control.go
 * (computeReplicaStatus, updateStatus, updateStatefulSetStatus) and
 * stateful_set_status_updater.go (UpdateStatefulSetStatus). Zero counters that apps/v1 marks
 * `omitempty` are left out of the stored object, as the apiserver's JSON leaves them out.
 */
import type { ControllerRevision, Pod, StatefulSet, StatefulSetStatus } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import {
  completeRollingUpdate,
  getPodRevision,
  inconsistentStatus,
  isCreated,
  isRunningAndAvailable,
  isRunningAndReady,
  isTerminating,
} from './statefulSetUtils.ts';

export interface ReplicaCounts {
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
}

/**
 * Counts over pods: replicas = created (terminating included); ready = Running+Ready;
 * available = ready for minReadySeconds; current/updated = created, not terminating, at the
 * current/update revision.
 */
export function computeReplicaStatus(
  pods: readonly Pod[],
  minReadySeconds: number,
  nowMs: number,
  currentRevision: string,
  updateRevision: string,
): ReplicaCounts {
  const s: ReplicaCounts = {
    replicas: 0,
    readyReplicas: 0,
    availableReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
  };
  for (const pod of pods) {
    const created = isCreated(pod);
    if (created) s.replicas++;
    if (isRunningAndReady(pod)) {
      s.readyReplicas++;
      if (isRunningAndAvailable(pod, minReadySeconds, nowMs)) s.availableReplicas++;
    }
    if (created && !isTerminating(pod)) {
      const rev = getPodRevision(pod);
      if (rev === currentRevision) s.currentReplicas++;
      if (rev === updateRevision) s.updatedReplicas++;
    }
  }
  return s;
}

/** A status object in apps/v1 JSON shape (omitempty zeros dropped; replicas, availableReplicas, collisionCount kept). */
export function makeStatus(
  observedGeneration: number,
  counts: ReplicaCounts,
  currentRevision: ControllerRevision,
  updateRevision: ControllerRevision,
  collisionCount: number,
): StatefulSetStatus {
  return {
    observedGeneration,
    replicas: counts.replicas,
    readyReplicas: counts.readyReplicas,
    currentReplicas: counts.currentReplicas,
    updatedReplicas: counts.updatedReplicas,
    currentRevision: currentRevision.metadata.name,
    updateRevision: updateRevision.metadata.name,
    collisionCount,
    availableReplicas: counts.availableReplicas,
  };
}

function omitZeros(status: StatefulSetStatus): StatefulSetStatus {
  const out: StatefulSetStatus = { ...status };
  for (const k of ['observedGeneration', 'readyReplicas', 'currentReplicas', 'updatedReplicas'] as const)
    if (!out[k]) delete out[k];
  for (const k of ['currentRevision', 'updateRevision'] as const) if (!out[k]) delete out[k];
  return out;
}

/**
 * updateStatefulSetStatus: completes a finished rolling update, then writes the status when it is
 * inconsistent with the stored one. Returns the status as completed, and an error text if the
 * write failed.
 */
export function updateStatefulSetStatus(
  sim: Simulation,
  set: StatefulSet,
  status: StatefulSetStatus,
): { status: StatefulSetStatus; error?: string } {
  const completed = completeRollingUpdate(set, status);
  if (!inconsistentStatus(set, completed)) return { status: completed };
  const fresh = sim.store.get<StatefulSet>('StatefulSet', set.metadata.namespace, set.metadata.name);
  if (!fresh || fresh.metadata.uid !== set.metadata.uid) return { status: completed };
  const res = sim.api.updateStatus<StatefulSet>({ ...fresh, status: omitZeros(completed) });
  return res.ok ? { status: completed } : { status: completed, error: res.error.message };
}

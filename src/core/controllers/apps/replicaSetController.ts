/**
 * The replicaset-controller of kube-controller-manager, reduced to what a learner sees, after
 * kubernetes/kubernetes v1.30 pkg/controller/replicaset/replica_set.go (syncReplicaSet,
 * manageReplicas: create or delete the difference, at most burstReplicas (500) per sync;
 * SuccessfulCreate / SuccessfulDelete events) and replica_set_utils.go (calculateStatus).
 * Lab simplifications: no expectations (a sync reads the store after its own writes), no orphan
 * adoption or release, no ReplicaFailure condition.
 */
import { matchesSelector } from '../../api/labels.ts';
import type { Pod, ReplicaSet, ReplicaSetStatus } from '../../api/types.ts';
import { sameJson } from '../../apiserver/apiServer.ts';
import type { Timer } from '../../clock/virtualClock.ts';
import type { Controller, Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';
import {
  controlledBy,
  deletionOrder,
  isActive,
  isPodAvailable,
  isPodReady,
  podFromTemplate,
} from './workloadPods.ts';

export const REPLICASET_CONTROLLER = 'replicaset-controller';
/** Timer that resumes a sync cut short by the burst limit. */
export const REPLICASET_RESYNC_TIMER = 'replicaset-resync';
const BURST_REPLICAS = 500;

const keyOf = (ns: string | undefined, name: string) => `${ns ?? ''}/${name}`;

/** calculateStatus: counts of the active pods; observedGeneration follows the spec. */
export function replicaSetStatus(rs: ReplicaSet, pods: readonly Pod[], now: number): ReplicaSetStatus {
  const active = pods.filter(isActive);
  const labels = rs.spec.template?.metadata?.labels ?? {};
  const status: ReplicaSetStatus = {
    replicas: active.length,
    fullyLabeledReplicas: active.filter((p) => matchesSelector(p.metadata.labels, { matchLabels: labels }))
      .length,
    readyReplicas: active.filter(isPodReady).length,
    availableReplicas: active.filter((p) => isPodAvailable(p, rs.spec.minReadySeconds ?? 0, now)).length,
    observedGeneration: rs.metadata.generation ?? 1,
  };
  // apps/v1 omits zero counts (omitempty) except replicas
  for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'] as const)
    if (status[k] === 0) delete status[k];
  return status;
}

function syncReplicaSet(sim: Simulation, key: string): void {
  const slash = key.indexOf('/');
  const rs = sim.store.get<ReplicaSet>('ReplicaSet', key.slice(0, slash), key.slice(slash + 1));
  if (!rs?.spec.template) return;
  let pods = controlledBy<Pod>(sim, 'Pod', rs);
  if (!rs.metadata.deletionTimestamp) {
    const active = pods.filter(isActive);
    const diff = active.length - (rs.spec.replicas ?? 1);
    if (diff < 0) {
      const n = Math.min(-diff, BURST_REPLICAS);
      for (let i = 0; i < n; i++) {
        const created = sim.api.create<Pod>(podFromTemplate(rs, rs.spec.template, rs.metadata.name));
        if (!created.ok) {
          sim.event(
            rs,
            'Warning',
            'FailedCreate',
            `Error creating: ${created.error.message}`,
            REPLICASET_CONTROLLER,
          );
          break;
        }
        sim.event(
          rs,
          'Normal',
          'SuccessfulCreate',
          `Created pod: ${created.value.metadata.name}`,
          REPLICASET_CONTROLLER,
        );
      }
      if (-diff > BURST_REPLICAS) sim.after(1000, REPLICASET_RESYNC_TIMER, key);
    } else if (diff > 0) {
      const doomed = [...active].sort(deletionOrder).slice(0, Math.min(diff, BURST_REPLICAS));
      for (const p of doomed) {
        const r = sim.api.delete('Pod', p.metadata.namespace, p.metadata.name);
        if (r.ok)
          sim.event(
            rs,
            'Normal',
            'SuccessfulDelete',
            `Deleted pod: ${p.metadata.name}`,
            REPLICASET_CONTROLLER,
          );
      }
      if (diff > BURST_REPLICAS) sim.after(1000, REPLICASET_RESYNC_TIMER, key);
    }
    pods = controlledBy<Pod>(sim, 'Pod', rs);
  }
  const status = replicaSetStatus(rs, pods, sim.now);
  if (!sameJson(status, rs.status)) sim.api.updateStatus<ReplicaSet>({ ...rs, status });
}

/** Watches ReplicaSets and the pods they control (see the file comment). */
export const replicaSetController: Controller = {
  name: REPLICASET_CONTROLLER,
  handle(ev: WatchEvent, sim: Simulation) {
    const o = ev.object;
    if (o.kind === 'ReplicaSet') {
      if (ev.type !== 'DELETED')
        sim.enqueue(REPLICASET_CONTROLLER, keyOf(o.metadata.namespace, o.metadata.name));
      return;
    }
    if (o.kind !== 'Pod') return;
    for (const r of o.metadata.ownerReferences ?? [])
      if (r.controller && r.kind === 'ReplicaSet')
        sim.enqueue(REPLICASET_CONTROLLER, keyOf(o.metadata.namespace, r.name));
  },
  sync: (key, sim) => syncReplicaSet(sim, key),
};

/** Resumes a sync the burst limit cut short. */
export function onReplicaSetResync(timer: Timer, sim: Simulation): void {
  sim.enqueue(REPLICASET_CONTROLLER, timer.key);
}

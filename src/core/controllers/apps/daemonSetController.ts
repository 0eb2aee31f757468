/**
 * The daemonset-controller of kube-controller-manager, reduced to what a learner sees, after
 * kubernetes/kubernetes v1.30 pkg/controller/daemon/daemon_controller.go (manage: one pod per
 * eligible node, SuccessfulCreate `Created pod: <name>` events; updateDaemonSetStatus: the
 * scheduled/ready/available counts). A node is eligible when it exists and is not being deleted.
 * Lab simplifications: pods are bound to their node directly (spec.nodeName; upstream sets a node
 * affinity and lets the scheduler bind), node selectors, taints and rolling updates of the template
 * are not modelled; updatedNumberScheduled counts every pod.
 */
import type { DaemonSet, DaemonSetStatus, KubeObject, Pod } from '../../api/types.ts';
import { sameJson } from '../../apiserver/apiServer.ts';
import type { Controller, Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';
import { controlledBy, isActive, isPodAvailable, isPodReady, podFromTemplate } from './workloadPods.ts';

export const DAEMONSET_CONTROLLER = 'daemonset-controller';

/** Nodes a DaemonSet runs a pod on. */
function eligibleNodes(sim: Simulation): KubeObject[] {
  return sim.store.list('Node').filter((n) => !n.metadata.deletionTimestamp);
}

/** updateDaemonSetStatus for the given pods and nodes. */
export function daemonSetStatus(ds: DaemonSet, pods: readonly Pod[], nodes: readonly string[], now: number) {
  const active = pods.filter(isActive);
  const onNodes = new Set(nodes);
  const scheduled = active.filter((p) => p.spec.nodeName && onNodes.has(p.spec.nodeName));
  const ready = scheduled.filter(isPodReady).length;
  const available = scheduled.filter((p) => isPodAvailable(p, ds.spec.minReadySeconds ?? 0, now)).length;
  const status: DaemonSetStatus = {
    currentNumberScheduled: scheduled.length,
    numberMisscheduled: active.length - scheduled.length,
    desiredNumberScheduled: nodes.length,
    numberReady: ready,
    observedGeneration: ds.metadata.generation ?? 1,
    updatedNumberScheduled: scheduled.length,
    numberAvailable: available,
    numberUnavailable: nodes.length - available,
  };
  // omitempty on the last three
  for (const k of ['updatedNumberScheduled', 'numberAvailable', 'numberUnavailable'] as const)
    if (status[k] === 0) delete status[k];
  return status;
}

function syncDaemonSet(sim: Simulation, key: string): void {
  const slash = key.indexOf('/');
  const ds = sim.store.get<DaemonSet>('DaemonSet', key.slice(0, slash), key.slice(slash + 1));
  if (!ds) return;
  const nodes = eligibleNodes(sim).map((n) => n.metadata.name);
  let pods = controlledBy<Pod>(sim, 'Pod', ds);
  if (!ds.metadata.deletionTimestamp) {
    for (const node of nodes) {
      if (pods.some((p) => isActive(p) && p.spec.nodeName === node)) continue;
      const created = sim.api.create<Pod>(
        podFromTemplate(ds, ds.spec.template, ds.metadata.name, { nodeName: node }),
      );
      if (created.ok)
        sim.event(
          ds,
          'Normal',
          'SuccessfulCreate',
          `Created pod: ${created.value.metadata.name}`,
          DAEMONSET_CONTROLLER,
        );
    }
    pods = controlledBy<Pod>(sim, 'Pod', ds);
  }
  const status = daemonSetStatus(ds, pods, nodes, sim.now);
  if (!sameJson(status, ds.status)) sim.api.updateStatus<DaemonSet>({ ...ds, status });
}

/** Watches DaemonSets, their pods and the nodes (see the file comment). */
export const daemonSetController: Controller = {
  name: DAEMONSET_CONTROLLER,
  handle(ev: WatchEvent, sim: Simulation) {
    const o = ev.object;
    if (o.kind === 'DaemonSet' && ev.type !== 'DELETED')
      sim.enqueue(DAEMONSET_CONTROLLER, `${o.metadata.namespace}/${o.metadata.name}`);
    else if (o.kind === 'Pod') {
      for (const r of o.metadata.ownerReferences ?? [])
        if (r.controller && r.kind === 'DaemonSet')
          sim.enqueue(DAEMONSET_CONTROLLER, `${o.metadata.namespace}/${r.name}`);
    } else if (o.kind === 'Node' && ev.type !== 'MODIFIED')
      for (const ds of sim.store.list('DaemonSet'))
        sim.enqueue(DAEMONSET_CONTROLLER, `${ds.metadata.namespace}/${ds.metadata.name}`);
  },
  sync: (key, sim) => syncDaemonSet(sim, key),
};

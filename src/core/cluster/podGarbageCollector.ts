/**
 * The pod garbage collector's orphan sweep (kubernetes/kubernetes release-1.30
 * pkg/controller/podgc/gc_controller.go gcOrphaned): a pod bound to a node that no longer exists is
 * deleted for good once the node has been absent for the quarantine time (40 s), since no kubelet
 * is left to finish it. Lab difference: the real controller first writes phase Failed with a
 * DisruptionTarget condition (reason DeletionByPodGC) and sweeps every 20 s; the lab deletes at the
 * end of the quarantine.
 */
import type { Pod } from '../api/types.ts';
import type { Timer } from '../clock/virtualClock.ts';
import type { Controller, Simulation } from '../simulation/simulation.ts';
import type { WatchEvent } from '../store/objectStore.ts';
import { podUsage } from './nodePodIndex.ts';

/** The controller's name and its timer type. */
export const POD_GC = 'pod-garbage-collector';
export const POD_GC_TIMER = 'podgc.orphaned';
/** gc_controller.go quarantineTime */
export const QUARANTINE_MS = 40_000;

/** Node deletions start the quarantine of the pods still bound to the node. */
export const podGarbageCollector: Controller = {
  name: POD_GC,
  handle(event: WatchEvent, sim: Simulation): void {
    if (event.object.kind === 'Node' && event.type === 'DELETED')
      sim.after(QUARANTINE_MS, POD_GC_TIMER, event.object.metadata.name);
  },
  sync(): void {},
};

/** End of the quarantine: force-deletes the pods of the node, unless the node came back. */
export function onOrphanTimer(timer: Timer, sim: Simulation): void {
  const node = timer.key;
  if (sim.store.get('Node', undefined, node)) return;
  for (const key of podUsage(sim).podsOn(node)) {
    const slash = key.indexOf('/');
    const pod = sim.store.get<Pod>('Pod', key.slice(0, slash), key.slice(slash + 1));
    if (pod) sim.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
  }
}

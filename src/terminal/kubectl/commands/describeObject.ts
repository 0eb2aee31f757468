/**
 * Picks the describer for an object's kind and gathers what it shows besides the object (events,
 * the set's pods, the claim's users, the service's endpoints), as kubectl's describers fetch them
 * (kubernetes/kubectl pkg/describe/describe.go, 1.30). Undefined for kinds without a describer.
 */
import { matchesSelector } from '../../../core/api/labels.ts';
import type {
  Endpoints,
  KubeEvent,
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Service,
  StatefulSet,
} from '../../../core/api/types.ts';
import type { Simulation } from '../../../core/simulation/simulation.ts';
import { describePod } from '../printers/describe/describePod.ts';
import { describeService } from '../printers/describe/describeService.ts';
import { describeStatefulSet } from '../printers/describe/describeStatefulSet.ts';
import {
  describePersistentVolume,
  describePersistentVolumeClaim,
} from '../printers/describe/describeStorage.ts';

/** Events about an object (what describe's Events section lists). */
export function eventsFor(sim: Simulation, obj: KubeObject): KubeEvent[] {
  return sim.store
    .list<KubeEvent>('Event', obj.metadata.namespace ?? 'default')
    .filter((e) => e.involvedObject.uid === obj.metadata.uid);
}

/** The `kubectl describe` text of an object, or undefined when its kind has no describer. */
export function describeObject(obj: KubeObject, sim: Simulation, showEvents: boolean): string | undefined {
  const ns = obj.metadata.namespace;
  const ctx = { now: sim.now, events: showEvents ? eventsFor(sim, obj) : [] };
  switch (obj.kind) {
    case 'StatefulSet': {
      const sts = obj as StatefulSet;
      const pods = sim.store
        .list<Pod>('Pod', ns)
        .filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === sts.metadata.uid))
        .filter((p) => matchesSelector(p.metadata.labels, sts.spec.selector));
      return describeStatefulSet(sts, pods, ctx);
    }
    case 'Pod':
      return describePod(obj as Pod, ctx);
    case 'PersistentVolumeClaim': {
      const usedBy = sim.store
        .list<Pod>('Pod', ns)
        .filter((p) => p.spec.volumes?.some((v) => v.persistentVolumeClaim?.claimName === obj.metadata.name))
        .map((p) => p.metadata.name);
      return describePersistentVolumeClaim(obj as PersistentVolumeClaim, usedBy, ctx);
    }
    case 'PersistentVolume':
      return describePersistentVolume(obj as PersistentVolume, ctx);
    case 'Service':
      return describeService(
        obj as Service,
        sim.store.get<Endpoints>('Endpoints', ns, obj.metadata.name),
        ctx,
      );
    default:
      return undefined;
  }
}

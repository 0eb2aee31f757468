/**
 * Picks the describer for an object's kind and gathers what it shows besides the object (events,
 * the set's pods, the claim's users, the service's endpoints, the node's pods, the Deployment's
 * ReplicaSets), as kubectl's describers fetch them (kubernetes/kubectl pkg/describe/describe.go,
 * 1.30: describerMap, then genericDescriber for every other kind).
 */
import { matchesSelector } from '../../../core/api/labels.ts';
import type {
  ConfigMap,
  DaemonSet,
  Deployment,
  EndpointSlice,
  Endpoints,
  KubeEvent,
  KubeObject,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  ReplicaSet,
  Secret,
  Service,
  ServiceAccount,
  StatefulSet,
  StorageClass,
} from '../../../core/api/types.ts';
import { findNewReplicaSet } from '../../../core/controllers/apps/deploymentController.ts';
import type { Simulation } from '../../../core/simulation/simulation.ts';
import {
  describeNamespace,
  describeServiceAccount,
  describeStorageClass,
} from '../printers/describe/describeClusterObjects.ts';
import { describeConfigMap, describeSecret } from '../printers/describe/describeConfig.ts';
import { describeDaemonSet } from '../printers/describe/describeDaemonSet.ts';
import { describeEndpointSlice, describeEndpoints } from '../printers/describe/describeEndpoints.ts';
import { describeGeneric } from '../printers/describe/describeGeneric.ts';
import { describeNode } from '../printers/describe/describeNode.ts';
import { describePod } from '../printers/describe/describePod.ts';
import { describeService } from '../printers/describe/describeService.ts';
import { type DescribeContext, describeStatefulSet } from '../printers/describe/describeStatefulSet.ts';
import {
  describePersistentVolume,
  describePersistentVolumeClaim,
} from '../printers/describe/describeStorage.ts';
import { describeDeployment, describeReplicaSet } from '../printers/describe/describeWorkloads.ts';

/**
 * Events about an object (what describe's Events section lists). A Node's events are also those
 * the kubelet files under the node's name as UID (NodeDescriber merges both queries).
 */
export function eventsFor(sim: Simulation, obj: KubeObject): KubeEvent[] {
  const byName = obj.kind === 'Node';
  return sim.store
    .list<KubeEvent>('Event', obj.metadata.namespace ?? 'default')
    .filter(
      (e) =>
        e.involvedObject.uid === obj.metadata.uid ||
        (byName && e.involvedObject.kind === 'Node' && e.involvedObject.uid === obj.metadata.name),
    );
}

/** Pods a controller owns (controllerRef UID) among those its selector matches. */
function ownedPods(sim: Simulation, owner: KubeObject, selector: StatefulSet['spec']['selector']): Pod[] {
  return sim.store
    .list<Pod>('Pod', owner.metadata.namespace)
    .filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid))
    .filter((p) => matchesSelector(p.metadata.labels, selector));
}

const byNamespaceAndName = (a: KubeObject, b: KubeObject) => {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** `kubectl describe deployment`: its ReplicaSets split into new and old, as GetAllReplicaSets. */
function describeDeploymentObject(d: Deployment, sim: Simulation, ctx: DescribeContext): string {
  const owned = sim.store
    .list<ReplicaSet>('ReplicaSet', d.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
  const newRS = findNewReplicaSet(d, owned);
  return describeDeployment(
    d,
    owned.filter((rs) => rs !== newRS),
    newRS,
    ctx,
  );
}

/** `kubectl describe node`: its non-terminated pods in the apiserver's list order. */
function describeNodeObject(node: Node, sim: Simulation, ctx: DescribeContext): string {
  const pods = sim.store
    .list<Pod>('Pod')
    .filter((p) => p.spec.nodeName === node.metadata.name)
    .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort(byNamespaceAndName);
  return describeNode(node, pods, ctx);
}

/** The `kubectl describe` text of an object (the generic describer for kinds without one). */
export function describeObject(obj: KubeObject, sim: Simulation, showEvents: boolean): string {
  const ns = obj.metadata.namespace;
  const ctx: DescribeContext = { now: sim.now, events: showEvents ? eventsFor(sim, obj) : [] };
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
    case 'Node':
      return describeNodeObject(obj as Node, sim, ctx);
    case 'Deployment':
      return describeDeploymentObject(obj as Deployment, sim, ctx);
    case 'ReplicaSet': {
      const rs = obj as ReplicaSet;
      return describeReplicaSet(rs, ownedPods(sim, rs, rs.spec.selector), ctx);
    }
    case 'DaemonSet': {
      const ds = obj as DaemonSet;
      return describeDaemonSet(ds, ownedPods(sim, ds, ds.spec.selector), ctx);
    }
    case 'ConfigMap':
      return describeConfigMap(obj as ConfigMap, ctx, showEvents);
    case 'Secret':
      return describeSecret(obj as Secret);
    case 'ServiceAccount':
      return describeServiceAccount(obj as ServiceAccount, sim.store.list<Secret>('Secret', ns), ctx);
    case 'Namespace':
      return describeNamespace(obj as Namespace);
    case 'StorageClass':
      return describeStorageClass(obj as StorageClass, ctx);
    case 'Endpoints':
      return describeEndpoints(obj as Endpoints, ctx);
    case 'EndpointSlice':
      return describeEndpointSlice(obj as EndpointSlice, ctx);
    default:
      return describeGeneric(obj, ctx);
  }
}

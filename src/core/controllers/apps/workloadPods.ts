/**
 * What the ReplicaSet and DaemonSet controllers share about their pods, after kubernetes/kubernetes
 * v1.30 pkg/controller/controller_utils.go (FilterActivePods, GetPodFromTemplate, the
 * ActivePods ranking used to pick pods to delete) and pkg/api/v1/pod/util.go (IsPodReady,
 * IsPodAvailable). Lab simplification: a controller's pods are the pods whose controller reference
 * carries its uid; orphans matching the selector are not adopted.
 */
import type { KubeObject, OwnerReference, Pod, PodTemplateSpec } from '../../api/types.ts';
import { fromTimestamp } from '../../clock/virtualClock.ts';
import type { Simulation } from '../../simulation/simulation.ts';

/** The controller owner reference `owner` puts on what it creates. */
export function controllerRefOf(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Objects of `kind` in the owner's namespace whose controller reference is the owner. */
export function controlledBy<T extends KubeObject>(sim: Simulation, kind: string, owner: KubeObject): T[] {
  return sim.store
    .list<T>(kind, owner.metadata.namespace)
    .filter((o) =>
      (o.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === owner.metadata.uid),
    );
}

/** FilterActivePods: not Succeeded, not Failed, not being deleted. */
export function isActive(pod: Pod): boolean {
  return (
    pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' && !pod.metadata.deletionTimestamp
  );
}

/** IsPodReady: condition Ready=True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** IsPodAvailable: Ready, for more than minReadySeconds (virtual ms `now`). */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready');
  if (c?.status !== 'True') return false;
  return minReadySeconds === 0 || fromTimestamp(c.lastTransitionTime) + minReadySeconds * 1000 <= now;
}

/**
 * The order ActivePods ranks pods for deletion (first = deleted first): unassigned before assigned,
 * Pending before Running, not ready before ready, then the more recently created.
 */
export function deletionOrder(a: Pod, b: Pod): number {
  const rank = (p: Pod) => [
    p.spec.nodeName ? 1 : 0,
    p.status?.phase === 'Pending' ? 0 : p.status?.phase === 'Unknown' ? 1 : 2,
    isPodReady(p) ? 1 : 0,
  ];
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
  const ta = a.metadata.creationTimestamp;
  const tb = b.metadata.creationTimestamp;
  return ta === tb ? 0 : ta > tb ? -1 : 1;
}

/**
 * GetPodFromTemplate: a pod to create for `owner` from `template` (labels, annotations, spec),
 * named by the apiserver from `<prefix>-`. `extraSpec` is merged into the spec (DaemonSets pin the
 * node).
 */
export function podFromTemplate(
  owner: KubeObject,
  template: PodTemplateSpec,
  prefix: string,
  extraSpec: Record<string, unknown> = {},
): Pod {
  const meta = template.metadata ?? {};
  const metadata: Pod['metadata'] = {
    name: '',
    generateName: `${prefix}-`,
    namespace: owner.metadata.namespace,
    uid: '',
    resourceVersion: '',
    creationTimestamp: '',
    ownerReferences: [controllerRefOf(owner)],
  };
  if (meta.labels) metadata.labels = { ...meta.labels };
  if (meta.annotations && Object.keys(meta.annotations).length > 0)
    metadata.annotations = { ...meta.annotations };
  const spec = { ...structuredClone(template.spec), ...extraSpec };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec } as Pod;
}

/**
 * What both endpoint controllers read about a Service's pods, after kubernetes/kubernetes
 * pkg/controller/util/endpoint/controller_utils.go (ShouldPodBeInEndpoints, PodToEndpointAddressForService)
 * and pkg/api/v1/pod (IsPodReady, FindPort): which pods count, whether they are ready, the
 * per-pod DNS hostname, and each service port's resolved target port.
 */
import { matchesMapSelector } from '../../api/labels.ts';
import type { Pod, Service, ServicePort } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';

/** True when the pod's Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Services whose endpoints these controllers manage: those with a non-empty selector. */
export function hasSelector(svc: Service): boolean {
  return Object.keys(svc.spec?.selector ?? {}).length > 0;
}

/**
 * Pods that belong in the service's endpoints: selected, with an IP, not terminal; terminating pods
 * only when `includeTerminating` (Endpoints: publishNotReadyAddresses; slices: always).
 */
export function endpointPods(sim: Simulation, svc: Service, includeTerminating: boolean): Pod[] {
  return sim.store
    .list<Pod>('Pod', svc.metadata.namespace)
    .filter(
      (p) =>
        matchesMapSelector(p.metadata.labels, svc.spec.selector) &&
        Boolean(p.status?.podIP) &&
        p.status.phase !== 'Succeeded' &&
        p.status.phase !== 'Failed' &&
        (includeTerminating || !p.metadata.deletionTimestamp),
    );
}

/** The pod's DNS hostname within the service: set only when spec.subdomain names this service. */
export function endpointHostname(pod: Pod, svc: Service): string | undefined {
  return pod.spec?.hostname && pod.spec.subdomain === svc.metadata.name ? pod.spec.hostname : undefined;
}

/** The service port's target on this pod (a number, or a named container port); undefined if not found. */
export function resolveTargetPort(pod: Pod, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? [])
    for (const p of c.ports ?? [])
      if (p.name === target && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP')) return p.containerPort;
  return undefined;
}

/** `{kind: Pod, namespace, name, uid}` as endpoints reference a pod. */
export function podRef(pod: Pod): { kind: string; namespace: string; name: string; uid: string } {
  return {
    kind: 'Pod',
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    uid: pod.metadata.uid,
  };
}

/** Service labels copied to its endpoints, plus the headless marker. */
export function endpointLabels(svc: Service): Record<string, string> {
  const labels = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  return labels;
}

/**
 * The watch handler both endpoint controllers share: a Service change enqueues that service; a Pod
 * change enqueues every service selecting it before or after the change (a pod relabelled out of a
 * service must leave its endpoints).
 */
export function enqueueAffectedServices(controller: string, ev: WatchEvent, sim: Simulation): void {
  const o = ev.object;
  if (o.kind === 'Service') sim.enqueue(controller, `${o.metadata.namespace}/${o.metadata.name}`);
  else if (o.kind === 'Pod') {
    const labelSets = [o.metadata.labels, ev.oldObject?.metadata.labels];
    for (const svc of sim.store.list<Service>('Service', o.metadata.namespace))
      if (hasSelector(svc) && labelSets.some((l) => l && matchesMapSelector(l, svc.spec.selector)))
        sim.enqueue(controller, `${svc.metadata.namespace}/${svc.metadata.name}`);
  }
}

/**
 * The EndpointSlice controller ("endpointslice-controller.k8s.io"), after kubernetes/kubernetes
 * pkg/controller/endpointslice/reconciler.go (1.30): one IPv4 slice `<service>-<5 random>` per
 * Service with a selector, owned by the Service (so the garbage collector removes it with the
 * Service), labelled kubernetes.io/service-name and endpointslice.kubernetes.io/managed-by, listing
 * every selected pod with an IP, terminating ones included, with conditions ready / serving /
 * terminating (publishNotReadyAddresses makes every endpoint ready), hostname, nodeName and targetRef.
 * Deliberate simplification: one slice per service (the real one splits at 100 endpoints) and the
 * ports are those resolved on the first pod.
 */
import type { EndpointSlice, Pod, Service } from '../../api/types.ts';
import { sameJson } from '../../apiserver/apiServer.ts';
import type { Controller, Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';
import {
  endpointHostname,
  endpointLabels,
  endpointPods,
  enqueueAffectedServices,
  hasSelector,
  isPodReady,
  podRef,
  resolveTargetPort,
} from './servicePods.ts';

const NAME = 'endpointslice-controller';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';

/** The slices of a service, found by label. */
export function slicesOf(sim: Simulation, namespace: string, service: string): EndpointSlice[] {
  return sim.store
    .list<EndpointSlice>('EndpointSlice', namespace)
    .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === service);
}

function desired(sim: Simulation, svc: Service): Pick<EndpointSlice, 'endpoints' | 'ports'> {
  const publish = svc.spec.publishNotReadyAddresses === true;
  const pods: Pod[] = endpointPods(sim, svc, true);
  const endpoints = pods.map((pod) => {
    const terminating = Boolean(pod.metadata.deletionTimestamp);
    const serving = publish || isPodReady(pod);
    const hostname = endpointHostname(pod, svc);
    return {
      addresses: [pod.status.podIP as string],
      conditions: { ready: serving && (publish || !terminating), serving, terminating },
      ...(hostname ? { hostname } : {}),
      nodeName: pod.spec.nodeName,
      targetRef: podRef(pod),
    };
  });
  const first = pods[0];
  const ports = (svc.spec.ports ?? []).map((p) => ({
    name: p.name ?? '',
    port: first ? (resolveTargetPort(first, p) ?? p.port) : p.port,
    protocol: p.protocol ?? 'TCP',
  }));
  return { endpoints, ports };
}

function sync(key: string, sim: Simulation): void {
  const [ns, name] = key.split('/');
  const svc = sim.store.get<Service>('Service', ns, name);
  const existing = slicesOf(sim, ns, name);
  if (!svc || !hasSelector(svc)) {
    // A deleted Service's slices go with it through the garbage collector (owner reference).
    if (svc) for (const s of existing) sim.api.delete('EndpointSlice', ns, s.metadata.name);
    return;
  }
  const want = desired(sim, svc);
  const labels = {
    ...endpointLabels(svc),
    [SERVICE_NAME_LABEL]: name,
    [MANAGED_BY]: 'endpointslice-controller.k8s.io',
  };
  const [current, ...extra] = existing;
  for (const s of extra) sim.api.delete('EndpointSlice', ns, s.metadata.name);
  if (current) {
    if (
      sameJson(current.endpoints, want.endpoints) &&
      sameJson(current.ports, want.ports) &&
      sameJson(current.metadata.labels, labels)
    )
      return;
    // reconciler.finalize stamps the trigger time on every slice it updates, as on the ones it creates.
    const annotations = {
      ...(current.metadata.annotations ?? {}),
      'endpoints.kubernetes.io/last-change-trigger-time': sim.timestamp(),
    };
    sim.api.update<EndpointSlice>({
      ...current,
      ...want,
      metadata: { ...current.metadata, labels, annotations },
    });
    return;
  }
  sim.api.create({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${name}-`,
      namespace: ns,
      labels,
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': sim.timestamp() },
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          name,
          uid: svc.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    addressType: 'IPv4',
    ...want,
  });
}

function handle(ev: WatchEvent, sim: Simulation): void {
  enqueueAffectedServices(NAME, ev, sim);
}

/** The EndpointSlice controller. */
export const endpointSliceController: Controller = { name: NAME, handle, sync };

/**
 * The Endpoints controller ("endpoint-controller"), after kubernetes/kubernetes
 * pkg/controller/endpoint/endpoints_controller.go syncService (1.30): for each Service with a
 * selector, one Endpoints object of the same name whose subsets list the ready pods' addresses and
 * the not-ready ones separately (publishNotReadyAddresses puts every pod in `addresses`), with
 * hostname, nodeName and targetRef, and the ports resolved per pod. Subsets are grouped by port set
 * and addresses sorted by IP, as repackSubsets does. The Endpoints goes when its Service goes.
 */
import type { EndpointAddress, Endpoints, Service } from '../../api/types.ts';
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

const NAME = 'endpoint-controller';

type Subset = NonNullable<Endpoints['subsets']>[number];

/** The subsets the service should have now (pure read of the store). */
export function desiredSubsets(sim: Simulation, svc: Service): Subset[] {
  const groups = new Map<string, Subset>();
  const publish = svc.spec.publishNotReadyAddresses === true;
  for (const pod of endpointPods(sim, svc, publish)) {
    const ports = (svc.spec.ports ?? [])
      .map((p) => ({ p, target: resolveTargetPort(pod, p) }))
      .filter((x): x is { p: (typeof x)['p']; target: number } => x.target !== undefined)
      .map(({ p, target }) => ({
        ...(p.name ? { name: p.name } : {}),
        port: target,
        protocol: p.protocol ?? 'TCP',
      }));
    if (ports.length === 0 && (svc.spec.ports ?? []).length > 0) continue;
    const key = JSON.stringify(ports);
    const subset = groups.get(key) ?? { ports };
    groups.set(key, subset);
    const hostname = endpointHostname(pod, svc);
    const address: EndpointAddress = {
      ...(hostname ? { hostname } : {}),
      ip: pod.status.podIP as string,
      nodeName: pod.spec.nodeName,
      targetRef: podRef(pod),
    };
    if (publish || isPodReady(pod)) subset.addresses = [...(subset.addresses ?? []), address];
    else subset.notReadyAddresses = [...(subset.notReadyAddresses ?? []), address];
  }
  const byIp = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);
  return [...groups.values()].map((s) => ({
    ...(s.addresses ? { addresses: [...s.addresses].sort(byIp) } : {}),
    ...(s.notReadyAddresses ? { notReadyAddresses: [...s.notReadyAddresses].sort(byIp) } : {}),
    ports: s.ports,
  }));
}

function sync(key: string, sim: Simulation): void {
  const [ns, name] = key.split('/');
  const svc = sim.store.get<Service>('Service', ns, name);
  const current = sim.store.get<Endpoints>('Endpoints', ns, name);
  if (!svc || !hasSelector(svc)) {
    if (
      current &&
      svc === undefined &&
      current.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror'] !== 'true'
    )
      sim.api.delete('Endpoints', ns, name);
    return;
  }
  const subsets = desiredSubsets(sim, svc);
  const labels = endpointLabels(svc);
  if (current && sameJson(current.subsets ?? [], subsets) && sameJson(current.metadata.labels ?? {}, labels))
    return;
  const metadata = {
    ...(current?.metadata ?? { name, namespace: ns, uid: '', resourceVersion: '', creationTimestamp: '' }),
    labels,
    annotations: {
      ...(current?.metadata.annotations ?? {}),
      'endpoints.kubernetes.io/last-change-trigger-time': sim.timestamp(),
    },
  };
  const next: Endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata,
    ...(subsets.length ? { subsets } : {}),
  };
  if (current) sim.api.update(next);
  else sim.api.create(next);
}

function handle(ev: WatchEvent, sim: Simulation): void {
  enqueueAffectedServices(NAME, ev, sim);
}

/** The endpoints controller. */
export const endpointsController: Controller = { name: NAME, handle, sync };

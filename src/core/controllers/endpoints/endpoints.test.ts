import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Endpoints, Pod } from '../../api/types.ts';
import { makeClusterSim, makePod, removePod, setPodReady } from '../../cluster/clusterTestKit.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import { slicesOf } from './endpointSliceController.ts';

function headless(sim: Simulation, extra: Record<string, unknown> = {}) {
  const r = sim.api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'mariadb-svc', namespace: 'default', labels: { app: 'mariadb' } },
    spec: {
      clusterIP: 'None',
      ports: [{ port: 3306, name: 'mariadb' }],
      selector: { app: 'mariadb' },
      ...extra,
    },
  });
  if (!r.ok) throw new Error(r.error.message);
}

const stsPod = (sim: Simulation, i: number, ready = true) =>
  makePod(sim, `mariadb-sts-${i}`, {
    labels: { app: 'mariadb' },
    hostname: `mariadb-sts-${i}`,
    subdomain: 'mariadb-svc',
    ready,
  });

const endpoints = (sim: Simulation) => sim.store.get<Endpoints>('Endpoints', 'default', 'mariadb-svc');

describe('endpoints controller', () => {
  it('lists ready pods with hostname, nodeName and targetRef, and unready ones apart', () => {
    const sim = makeClusterSim();
    headless(sim);
    const p0 = stsPod(sim, 0);
    const p1 = stsPod(sim, 1, false);
    makePod(sim, 'other', { labels: { app: 'web' } });
    sim.drain();
    const ep = endpoints(sim);
    expect(ep?.subsets).toEqual([
      {
        addresses: [
          {
            hostname: 'mariadb-sts-0',
            ip: p0.status.podIP,
            nodeName: 'minikube',
            targetRef: { kind: 'Pod', namespace: 'default', name: 'mariadb-sts-0', uid: p0.metadata.uid },
          },
        ],
        notReadyAddresses: [
          {
            hostname: 'mariadb-sts-1',
            ip: p1.status.podIP,
            nodeName: 'minikube',
            targetRef: { kind: 'Pod', namespace: 'default', name: 'mariadb-sts-1', uid: p1.metadata.uid },
          },
        ],
        ports: [{ name: 'mariadb', port: 3306, protocol: 'TCP' }],
      },
    ]);
    expect(ep?.metadata.labels?.['service.kubernetes.io/headless']).toBe('');
  });

  it('follows readiness: an address moves between the lists as the pod turns ready and unready', () => {
    const sim = makeClusterSim();
    headless(sim);
    const p0 = stsPod(sim, 0, false);
    sim.drain();
    expect(endpoints(sim)?.subsets?.[0].addresses).toBeUndefined();
    setPodReady(sim, p0, true);
    sim.drain();
    expect(endpoints(sim)?.subsets?.[0].addresses?.map((a) => a.ip)).toEqual([p0.status.podIP]);
    setPodReady(sim, p0, false);
    sim.drain();
    expect(endpoints(sim)?.subsets?.[0].addresses).toBeUndefined();
    expect(endpoints(sim)?.subsets?.[0].notReadyAddresses?.map((a) => a.ip)).toEqual([p0.status.podIP]);
    removePod(sim, 'mariadb-sts-0');
    sim.drain();
    expect(endpoints(sim)?.subsets).toBeUndefined();
  });

  it('publishNotReadyAddresses lists unready pods as addresses', () => {
    const sim = makeClusterSim();
    headless(sim, { publishNotReadyAddresses: true });
    const p = stsPod(sim, 0, false);
    sim.drain();
    expect(endpoints(sim)?.subsets?.[0].addresses?.map((a) => a.ip)).toEqual([p.status.podIP]);
  });

  it('drops a terminating pod from Endpoints; the slice keeps it as terminating', () => {
    const sim = makeClusterSim();
    headless(sim);
    stsPod(sim, 0);
    sim.drain();
    sim.api.delete('Pod', 'default', 'mariadb-sts-0');
    sim.drain();
    expect(endpoints(sim)?.subsets).toBeUndefined();
    const slice = slicesOf(sim, 'default', 'mariadb-svc')[0];
    expect(slice.endpoints[0].conditions).toEqual({ ready: false, serving: true, terminating: true });
  });

  it('keeps one EndpointSlice owned by the service, removed with it', () => {
    const sim = makeClusterSim();
    headless(sim);
    const p = stsPod(sim, 0);
    sim.drain();
    const slices = slicesOf(sim, 'default', 'mariadb-svc');
    expect(slices).toHaveLength(1);
    const s: EndpointSlice = slices[0];
    expect(s.metadata.name).toMatch(/^mariadb-svc-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(s.addressType).toBe('IPv4');
    expect(s.metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe(
      'endpointslice-controller.k8s.io',
    );
    expect(s.endpoints).toEqual([
      {
        addresses: [p.status.podIP],
        conditions: { ready: true, serving: true, terminating: false },
        hostname: 'mariadb-sts-0',
        nodeName: 'minikube',
        targetRef: { kind: 'Pod', namespace: 'default', name: 'mariadb-sts-0', uid: p.metadata.uid },
      },
    ]);
    sim.api.delete('Service', 'default', 'mariadb-svc');
    sim.drain();
    expect(slicesOf(sim, 'default', 'mariadb-svc')).toHaveLength(0);
    expect(endpoints(sim)).toBeUndefined();
  });

  it('gives the hostname only to pods whose subdomain is this service', () => {
    const sim = makeClusterSim();
    headless(sim);
    makePod(sim, 'stray', { labels: { app: 'mariadb' }, hostname: 'stray', subdomain: 'elsewhere' });
    sim.drain();
    const address = endpoints(sim)?.subsets?.[0].addresses?.[0];
    expect(address?.hostname).toBeUndefined();
    expect((sim.store.get<Pod>('Pod', 'default', 'stray') as Pod).status.podIP).toBe(address?.ip);
  });
});

import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../api/types.ts';
import { makeClusterSim, makePod, setPodReady } from '../cluster/clusterTestKit.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { candidateNames, lookup, resolvConf, reverseName, searchDomains } from './clusterDns.ts';

function nginxCluster(sim: Simulation, replicas = 3): Pod[] {
  sim.api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'nginx', namespace: 'default' },
    spec: { clusterIP: 'None', ports: [{ port: 80, name: 'web' }], selector: { app: 'nginx' } },
  });
  const pods = Array.from({ length: replicas }, (_, i) =>
    makePod(sim, `web-${i}`, { labels: { app: 'nginx' }, hostname: `web-${i}`, subdomain: 'nginx' }),
  );
  sim.drain();
  return pods;
}

const ips = (a: ReturnType<typeof lookup>) =>
  a.status === 'NOERROR' ? a.records.map((r) => (r.type === 'A' ? r.address : '')) : [];

describe('cluster DNS', () => {
  it('[DNS] a headless service has one A record per ready pod', () => {
    const sim = makeClusterSim();
    const pods = nginxCluster(sim);
    const a = lookup(sim, 'nginx.default.svc.cluster.local', 'A');
    expect(a.status).toBe('NOERROR');
    expect(ips(a).sort()).toEqual(pods.map((p) => p.status.podIP).sort());
  });

  it('[DNS] short names expand through the search list (nslookup web-0.nginx)', () => {
    const sim = makeClusterSim();
    const [web0] = nginxCluster(sim);
    const a = lookup(sim, 'web-0.nginx', 'A', { namespace: 'default' });
    expect(a).toEqual({
      status: 'NOERROR',
      name: 'web-0.nginx.default.svc.cluster.local',
      records: [{ type: 'A', name: 'web-0.nginx.default.svc.cluster.local', address: web0.status.podIP }],
    });
  });

  it('[DNS] PTR of a pod IP names the pod under its headless service', () => {
    const sim = makeClusterSim();
    const pods = nginxCluster(sim);
    const ip = pods[2].status.podIP as string;
    const r = lookup(sim, ip, 'PTR');
    expect(r).toEqual({
      status: 'NOERROR',
      name: reverseName(ip),
      records: [{ type: 'PTR', name: reverseName(ip), target: 'web-2.nginx.default.svc.cluster.local' }],
    });
    expect(reverseName('10.244.0.16')).toBe('16.0.244.10.in-addr.arpa');
  });

  it('[DNS] SRV records carry CoreDNS weights that split 100 among the ready pods', () => {
    const sim = makeClusterSim();
    const pods = nginxCluster(sim);
    const srv = lookup(sim, '_web._tcp.nginx.default.svc.cluster.local', 'SRV');
    expect(
      srv.status === 'NOERROR'
        ? srv.records.map((r) => (r.type === 'SRV' ? `${r.priority} ${r.weight} ${r.port} ${r.target}` : ''))
        : [],
    ).toEqual(pods.map((p) => `0 33 80 ${p.metadata.name}.nginx.default.svc.cluster.local`));
    setPodReady(sim, pods[2], false);
    sim.drain();
    const two = lookup(sim, '_web._tcp.nginx.default.svc.cluster.local', 'SRV');
    expect(two.status === 'NOERROR' ? two.records.map((r) => (r.type === 'SRV' ? r.weight : 0)) : []).toEqual(
      [50, 50],
    );
  });

  it('[DNS] an unready pod has no name: NXDOMAIN, and the service shrinks', () => {
    const sim = makeClusterSim();
    const pods = nginxCluster(sim);
    setPodReady(sim, pods[2], false);
    sim.drain();
    const gone = lookup(sim, 'web-2.nginx', 'A');
    expect(gone.status).toBe('NXDOMAIN');
    expect(gone.status === 'NXDOMAIN' ? gone.tried : []).toEqual([
      'web-2.nginx.default.svc.cluster.local',
      'web-2.nginx.svc.cluster.local',
      'web-2.nginx.cluster.local',
      'web-2.nginx',
    ]);
    expect(ips(lookup(sim, 'nginx', 'A')).sort()).toEqual(
      [pods[0].status.podIP, pods[1].status.podIP].sort(),
    );
    expect(lookup(sim, pods[2].status.podIP as string, 'PTR').status).toBe('NXDOMAIN');
  });

  it('[DNS] without the Service nothing resolves', () => {
    const sim = makeClusterSim();
    makePod(sim, 'web-0', { labels: { app: 'nginx' }, hostname: 'web-0', subdomain: 'nginx' });
    sim.drain();
    expect(lookup(sim, 'web-0.nginx', 'A').status).toBe('NXDOMAIN');
    expect(lookup(sim, 'nginx', 'A').status).toBe('NXDOMAIN');
  });

  it('[DNS] ClusterIP services answer their cluster IP; kube-dns and kubernetes resolve', () => {
    const sim = makeClusterSim();
    expect(ips(lookup(sim, 'kubernetes', 'A'))).toEqual(['10.96.0.1']);
    expect(ips(lookup(sim, 'kube-dns.kube-system', 'A'))).toEqual(['10.96.0.10']);
    const ptr = lookup(sim, '10.96.0.10', 'PTR');
    expect(ptr.status === 'NOERROR' ? ptr.records[0] : undefined).toMatchObject({
      target: 'kube-dns.kube-system.svc.cluster.local',
    });
    const svc = sim.api.create<Service>({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api', namespace: 'default' },
      spec: { ports: [{ port: 8080 }], selector: { app: 'api' } },
    });
    expect(ips(lookup(sim, 'api', 'A'))).toEqual([svc.ok ? svc.value.spec.clusterIP : '']);
  });

  it('writes the ClusterFirst resolv.conf with the search list and ndots 5', () => {
    expect(searchDomains('default')).toEqual([
      'default.svc.cluster.local',
      'svc.cluster.local',
      'cluster.local',
    ]);
    expect(resolvConf('default')).toBe(
      'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n',
    );
    // Five dots or more: the name is tried as given first; a trailing dot: only as given.
    expect(candidateNames('a.b.c.d.e.f', 'default')[0]).toBe('a.b.c.d.e.f');
    expect(candidateNames('x.y.', 'default')).toEqual(['x.y']);
  });

  it('is a pure read: lookups change nothing', () => {
    const sim = makeClusterSim();
    nginxCluster(sim);
    const before = JSON.stringify(sim.snapshot());
    lookup(sim, 'nginx', 'A');
    lookup(sim, 'nope', 'SRV');
    expect(JSON.stringify(sim.snapshot())).toBe(before);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Service } from '../api/types.ts';
import { makeClusterSim } from './clusterTestKit.ts';

const svc = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec,
});

describe('Service strategy', () => {
  it('fills in the defaults `kubectl get svc -o yaml` shows', () => {
    const sim = makeClusterSim();
    const r = sim.api.create<Service>(svc('web', { ports: [{ port: 80 }], selector: { app: 'web' } }));
    const s = r.ok ? r.value : undefined;
    expect(s?.spec.type).toBe('ClusterIP');
    expect(s?.spec.sessionAffinity).toBe('None');
    expect(s?.spec.internalTrafficPolicy).toBe('Cluster');
    expect(s?.spec.ipFamilies).toEqual(['IPv4']);
    expect(s?.spec.ipFamilyPolicy).toBe('SingleStack');
    expect(s?.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(s?.spec.clusterIPs).toEqual([s?.spec.clusterIP]);
  });

  it('allocates distinct cluster IPs inside 10.96.0.0/12, above the static band', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (seed) => {
        const sim = makeClusterSim(seed);
        const seen = new Set(['10.96.0.1', '10.96.0.10']);
        for (let i = 0; i < 5; i++) {
          const r = sim.api.create<Service>(svc(`s${i}`, { ports: [{ port: 80 }] }));
          const ip = r.ok ? (r.value.spec.clusterIP as string) : '';
          const [a, b, c] = ip.split('.').map(Number);
          expect(a).toBe(10);
          expect(b >= 96 && b <= 111).toBe(true);
          expect(b > 96 || c >= 1).toBe(true);
          expect(seen.has(ip)).toBe(false);
          seen.add(ip);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('keeps a headless service headless', () => {
    const sim = makeClusterSim();
    const r = sim.api.create<Service>(
      svc('db', { clusterIP: 'None', ports: [{ port: 3306 }], selector: { app: 'db' } }),
    );
    expect(r.ok ? r.value.spec.clusterIP : '').toBe('None');
  });

  it('refuses to change the cluster IP with the apiserver text, changing nothing', () => {
    const sim = makeClusterSim();
    const r = sim.api.create<Service>(svc('db', { ports: [{ port: 3306 }] }));
    if (!r.ok) throw new Error(r.error.message);
    const before = JSON.stringify(sim.snapshot());
    const u = sim.api.update({
      ...r.value,
      spec: { ...r.value.spec, clusterIP: 'None', clusterIPs: ['None'] },
    });
    expect(u.ok ? '' : u.error.message).toBe(
      'Service "db" is invalid: spec.clusterIPs[0]: Invalid value: []string{"None"}: may not change once set',
    );
    expect(JSON.stringify(sim.snapshot())).toBe(before);
  });

  it('keeps the allocated IP when an update leaves it out', () => {
    const sim = makeClusterSim();
    const r = sim.api.create<Service>(svc('db', { ports: [{ port: 3306 }] }));
    if (!r.ok) throw new Error(r.error.message);
    const { clusterIP: _c, clusterIPs: _cs, ...spec } = r.value.spec;
    const u = sim.api.update<Service>({ ...r.value, spec });
    expect(u.ok ? u.value.spec.clusterIP : '').toBe(r.value.spec.clusterIP);
  });

  it.each([
    [
      { ports: [{ port: 0 }] },
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ],
    [
      { ports: [{ port: 80, protocol: 'FOO' }] },
      'spec.ports[0].protocol: Unsupported value: "FOO": supported values: "SCTP", "TCP", "UDP"',
    ],
    [
      { ports: [{ port: 80 }, { port: 81 }] },
      '[spec.ports[0].name: Required value, spec.ports[1].name: Required value]',
    ],
    [
      { type: 'Foo', ports: [{ port: 80 }] },
      'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ],
    [{}, 'spec.ports: Required value'],
  ])('rejects %j with the real text', (spec, message) => {
    const sim = makeClusterSim();
    const r = sim.api.create(svc('bad', spec));
    expect(r.ok ? '' : r.error.message).toBe(`Service "bad" is invalid: ${message}`);
    expect(sim.store.get('Service', 'default', 'bad')).toBeUndefined();
  });
});

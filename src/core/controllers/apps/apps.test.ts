import { describe, expect, it } from 'vitest';
import type {
  ConfigMap,
  DaemonSet,
  Deployment,
  KubeObject,
  Pod,
  ReplicaSet,
  Secret,
} from '../../api/types.ts';
import { addNode } from '../../cluster/nodes.ts';
import { createSimulation } from '../../simulation/createSimulation.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import { decodeBase64 } from './base64.ts';
import { POD_TEMPLATE_HASH } from './deploymentController.ts';
import { ROOT_CA_CONFIGMAP } from './namespaceDefaults.ts';

function deployment(name: string, replicas: number, image = 'nginx:1.25') {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image }] } },
    },
  };
}

const ownedPods = (sim: Simulation, owner: KubeObject) =>
  sim.store
    .list<Pod>('Pod', owner.metadata.namespace)
    .filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid));

function errorText(r: { ok: boolean; error?: { message: string } }): string {
  return r.ok ? '' : (r.error?.message ?? '');
}

describe('Deployment -> ReplicaSet -> pods', () => {
  it('creates a ReplicaSet named after the Deployment and the template hash, and its pods become ready', () => {
    const sim = createSimulation({ seed: 3 });
    const created = sim.api.create<Deployment>(deployment('web', 2));
    expect(created.ok).toBe(true);
    sim.advance(60_000);
    const d = sim.store.get<Deployment>('Deployment', 'default', 'web') as Deployment;
    const sets = sim.store.list<ReplicaSet>('ReplicaSet', 'default');
    expect(sets).toHaveLength(1);
    const hash = sets[0].metadata.labels?.[POD_TEMPLATE_HASH] ?? '';
    expect(sets[0].metadata.name).toBe(`web-${hash}`);
    expect(sets[0].spec.selector.matchLabels).toEqual({ app: 'web', [POD_TEMPLATE_HASH]: hash });
    const pods = ownedPods(sim, sets[0]);
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.metadata.name.startsWith(`${sets[0].metadata.name}-`)).toBe(true);
    expect(d.status?.readyReplicas).toBe(2);
    expect(d.status?.availableReplicas).toBe(2);
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status?.conditions?.map((c) => `${c.type}=${c.status}/${c.reason}`)).toEqual([
      'Available=True/MinimumReplicasAvailable',
      'Progressing=True/NewReplicaSetAvailable',
    ]);
  });

  it('scales up and down through the ReplicaSet, and replaces a deleted pod', () => {
    const sim = createSimulation({ seed: 4 });
    sim.api.create(deployment('web', 3));
    sim.advance(60_000);
    const d = sim.store.get<Deployment>('Deployment', 'default', 'web') as Deployment;
    sim.api.update({ ...d, spec: { ...d.spec, replicas: 1 } });
    sim.advance(60_000);
    const rs = sim.store.list<ReplicaSet>('ReplicaSet', 'default')[0];
    expect(rs.spec.replicas).toBe(1);
    expect(ownedPods(sim, rs)).toHaveLength(1);
    const victim = ownedPods(sim, rs)[0];
    sim.api.delete('Pod', 'default', victim.metadata.name);
    sim.advance(60_000);
    const now = ownedPods(sim, rs);
    expect(now).toHaveLength(1);
    expect(now[0].metadata.name).not.toBe(victim.metadata.name);
    const events = sim.store.list<KubeObject & { message: string }>('Event', 'default').map((e) => e.message);
    expect(events).toContain(`Scaled down replica set ${rs.metadata.name} to 1 from 3`);
    expect(events).toContain(`Created pod: ${now[0].metadata.name}`);
  });

  it('rolls a new template out to a new ReplicaSet and scales the old one to 0', () => {
    const sim = createSimulation({ seed: 5 });
    sim.api.create(deployment('web', 2));
    sim.advance(60_000);
    const d = sim.store.get<Deployment>('Deployment', 'default', 'web') as Deployment;
    const next = structuredClone(d);
    next.spec.template.spec.containers[0].image = 'nginx:1.26';
    sim.api.update(next);
    sim.advance(60_000);
    const sets = sim.store.list<ReplicaSet>('ReplicaSet', 'default');
    expect(sets).toHaveLength(2);
    const fresh = sets.find((s) => s.spec.template?.spec.containers[0].image === 'nginx:1.26') as ReplicaSet;
    const old = sets.find((s) => s !== fresh) as ReplicaSet;
    expect(fresh.spec.replicas).toBe(2);
    expect(old.spec.replicas).toBe(0);
    expect(fresh.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('rejects bad Deployments with the apiserver texts and stores nothing', () => {
    const sim = createSimulation({ seed: 6 });
    const bad = deployment('web', 1);
    bad.spec.template.metadata.labels = { app: 'other' };
    const r = sim.api.create(bad);
    expect(errorText(r)).toBe(
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
    );
    const empty = deployment('web', 1);
    (empty.spec as { selector: unknown }).selector = {};
    expect(errorText(sim.api.create(empty))).toContain(
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    );
    expect(sim.store.list('Deployment')).toHaveLength(1); // coredns only
  });

  it('keeps the selector immutable on update', () => {
    const sim = createSimulation({ seed: 7 });
    sim.api.create(deployment('web', 1));
    const d = sim.store.get<Deployment>('Deployment', 'default', 'web') as Deployment;
    const changed = structuredClone(d);
    changed.spec.selector = { matchLabels: { app: 'web', tier: 'x' } };
    changed.spec.template.metadata = { labels: { app: 'web', tier: 'x' } };
    expect(errorText(sim.api.update(changed))).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });
});

describe('DaemonSets', () => {
  it('kube-proxy gets a pod on an added node and counts it', () => {
    const sim = createSimulation({ seed: 8 });
    const node = addNode(sim);
    sim.advance(30_000);
    const ds = sim.store.get<DaemonSet>('DaemonSet', 'kube-system', 'kube-proxy') as DaemonSet;
    const pods = ownedPods(sim, ds);
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['minikube', node.metadata.name].sort());
    expect(ds.status?.desiredNumberScheduled).toBe(2);
    expect(ds.status?.currentNumberScheduled).toBe(2);
  });
});

describe('namespace defaults and configuration kinds', () => {
  it('gives a new namespace its kube-root-ca.crt ConfigMap and default ServiceAccount', () => {
    const sim = createSimulation({ seed: 9 });
    sim.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } });
    sim.drain();
    const cm = sim.store.get<ConfigMap>('ConfigMap', 'demo', ROOT_CA_CONFIGMAP);
    const system = sim.store.get<ConfigMap>('ConfigMap', 'kube-system', ROOT_CA_CONFIGMAP);
    expect(cm?.data?.['ca.crt']).toBe(system?.data?.['ca.crt']);
    expect(cm?.data?.['ca.crt']).toMatch(
      /^-----BEGIN CERTIFICATE-----\n(.{64}\n)+.{1,64}\n-----END CERTIFICATE-----\n$/,
    );
    expect(sim.store.get('ServiceAccount', 'demo', 'default')).toBeDefined();
    sim.api.delete('ServiceAccount', 'demo', 'default');
    sim.drain();
    expect(sim.store.get('ServiceAccount', 'demo', 'default')).toBeDefined();
  });

  it('folds stringData into base64 data and defaults the type to Opaque', () => {
    const sim = createSimulation({ seed: 10 });
    const r = sim.api.create<Secret>({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      stringData: { password: 'pässword' },
    });
    expect(r.ok).toBe(true);
    const s = sim.store.get<Secret>('Secret', 'default', 's') as Secret;
    expect(s.type).toBe('Opaque');
    expect(s.stringData).toBeUndefined();
    expect(decodeBase64(s.data?.password ?? '')).toBe('pässword');
  });

  it('rejects bad base64 and bad keys as the apiserver does, changing nothing', () => {
    const sim = createSimulation({ seed: 11 });
    const before = sim.state.nextResourceVersion;
    const bad = sim.api.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { k: 'abc' },
    });
    expect(errorText(bad)).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 0',
    );
    const key = sim.api.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
      data: { 'a b': 'x' },
    });
    expect(key.ok).toBe(false);
    if (!key.ok)
      expect(key.error.message).toBe(
        `ConfigMap "c" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
      );
    expect(sim.state.nextResourceVersion).toBe(before);
  });
});

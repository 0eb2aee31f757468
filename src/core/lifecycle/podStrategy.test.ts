import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types.ts';
import { createPod, podTestCluster } from './lifecycleFixtures.ts';
import { defaultPodTemplate } from './podDefaults.ts';
import { POD_UPDATE_FORBIDDEN_MESSAGE } from './podValidation.ts';

function tryCreate(spec: unknown) {
  const sim = podTestCluster();
  const before = JSON.stringify(sim.snapshot());
  const r = sim.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
  return { r, unchanged: JSON.stringify(sim.snapshot()) === before };
}

describe('Pod strategy', () => {
  it('fills in the defaults and admission fields of a 1.30 apiserver', () => {
    const sim = podTestCluster();
    const pod = createPod(sim, 'p', {
      containers: [{ name: 'c', image: 'busybox', ports: [{ containerPort: 80 }] }],
    });
    expect(pod.spec).toMatchObject({
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      serviceAccountName: 'default',
      serviceAccount: 'default',
      securityContext: {},
      enableServiceLinks: true,
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
    });
    const c = pod.spec.containers[0];
    expect(c).toMatchObject({
      imagePullPolicy: 'Always',
      resources: {},
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    });
    expect(c.ports?.[0].protocol).toBe('TCP');
    const volume = pod.spec.volumes?.[0];
    expect(volume?.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(c.volumeMounts).toEqual([
      { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volume?.name, readOnly: true },
    ]);
    expect(pod.spec.tolerations?.map((t) => `${t.key}:${t.effect}:${t.tolerationSeconds}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute:300',
      'node.kubernetes.io/unreachable:NoExecute:300',
    ]);
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('uses IfNotPresent for a pinned tag', () => {
    const sim = podTestCluster();
    const pod = createPod(sim, 'p', { containers: [{ name: 'c', image: 'mariadb:11.3.2-jammy' }] });
    expect(pod.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
  });

  it('defaults a pod template without the admission additions', () => {
    const t = defaultPodTemplate({
      metadata: { labels: { app: 'x' } },
      spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] },
    });
    expect(t.spec.restartPolicy).toBe('Always');
    expect(t.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(t.spec.enableServiceLinks).toBeUndefined();
    expect(t.spec.volumes).toBeUndefined();
    expect(t.spec.serviceAccountName).toBeUndefined();
    expect(t.spec.tolerations).toBeUndefined();
  });

  it.each([
    [{ containers: [] }, 'Pod "p" is invalid: spec.containers: Required value'],
    [{ containers: [{ name: 'c' }] }, 'Pod "p" is invalid: spec.containers[0].image: Required value'],
    [{ containers: [{ image: 'nginx' }] }, 'Pod "p" is invalid: spec.containers[0].name: Required value'],
    [
      { containers: [{ name: 'My_DB', image: 'nginx' }] },
      `Pod "p" is invalid: spec.containers[0].name: Invalid value: "My_DB": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ],
    [
      { containers: [{ name: 'c', image: 'nginx' }], restartPolicy: 'Sometimes' },
      'Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
    [
      { containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'dbvl', mountPath: '/data' }] }] },
      'Pod "p" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "dbvl"',
    ],
  ])('rejects %j and changes nothing', (spec, message) => {
    const { r, unchanged } = tryCreate(spec);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.message).toBe(message);
    expect(unchanged).toBe(true);
  });

  it('allows an image change and forbids any other spec change on update', () => {
    const sim = podTestCluster();
    const pod = createPod(sim, 'p', { containers: [{ name: 'c', image: 'nginx:1.25' }] });
    const imageChanged = sim.api.update({
      ...pod,
      spec: { ...pod.spec, containers: [{ ...pod.spec.containers[0], image: 'nginx:1.26' }] },
    });
    expect(imageChanged.ok).toBe(true);
    const current = sim.store.get<Pod>('Pod', 'default', 'p') as Pod;
    const portAdded = sim.api.update({
      ...current,
      spec: {
        ...current.spec,
        containers: [{ ...current.spec.containers[0], ports: [{ containerPort: 8080 }] }],
      },
    });
    expect(portAdded.ok ? '' : portAdded.error.message).toBe(
      `Pod "p" is invalid: spec: Forbidden: ${POD_UPDATE_FORBIDDEN_MESSAGE}`,
    );
  });
});

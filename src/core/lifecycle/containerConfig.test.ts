/**
 * CreateContainerConfigError: a container whose env refers to a missing Secret, ConfigMap or key.
 * Expected texts: kubernetes/kubernetes (release-1.30) pkg/kubelet/kuberuntime/kuberuntime_container.go
 * (event `Failed` `Error: <message>`, reason CreateContainerConfigError), kubelet_pods.go
 * makeEnvironmentVariables and the secret/configmap managers' NotFound errors (the messages), and
 * pod_workers.go (a failed sync is retried after 10 to 15 s).
 */
import { describe, expect, it } from 'vitest';
import type { Container, KubeEvent, Pod } from '../api/types.ts';
import { createPod, eventsFor, getPod, podTestCluster } from './lifecycleFixtures.ts';
import { podIsRunningAndReady } from './podActions.ts';

const BUSYBOX = 'busybox:1.36';

function envFromSecret(name: string, key: string): Container {
  return {
    name: 'app',
    image: BUSYBOX,
    command: ['sleep', '3600'],
    env: [{ name: 'PASSWORD', valueFrom: { secretKeyRef: { name, key } } }],
  } as Container;
}

function waiting(pod: Pod | undefined) {
  return pod?.status.containerStatuses?.[0]?.state.waiting;
}

function createSecret(sim: ReturnType<typeof podTestCluster>, name: string, data: Record<string, string>) {
  const r = sim.api.create({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: 'default' },
    type: 'Opaque',
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, btoa(v)])),
  });
  if (!r.ok) throw new Error(r.error.message);
}

describe('CreateContainerConfigError', () => {
  it('a missing Secret: Waiting with the kubelet message, the Failed event, Pending and not Ready', () => {
    const sim = podTestCluster();
    createPod(sim, 'app', { containers: [envFromSecret('db-pass', 'password')] });
    expect(
      sim.runUntil(() => waiting(getPod(sim, 'app'))?.reason === 'CreateContainerConfigError', 60_000),
    ).toBe(true);
    const pod = getPod(sim, 'app') as Pod;
    expect(waiting(pod)).toEqual({
      reason: 'CreateContainerConfigError',
      message: 'secret "db-pass" not found',
    });
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.containerStatuses?.[0]?.containerID).toBeUndefined();
    const ready = pod.status.conditions?.find((c) => c.type === 'Ready');
    expect(ready?.status).toBe('False');
    expect(ready?.message).toBe('containers with unready status: [app]');
    const events = eventsFor(sim, 'app');
    expect(events).toContain('Failed: Error: secret "db-pass" not found');
    expect(events.some((e) => e.startsWith('Created:') || e.startsWith('Started:'))).toBe(false);
    const failed = sim.store.list<KubeEvent>('Event', 'default').find((e) => e.reason === 'Failed');
    expect(failed?.type).toBe('Warning');
    expect(failed?.involvedObject.fieldPath).toBe('spec.containers{app}');
  });

  it('retries every 10 to 15 s: the image check and the Failed event again each time', () => {
    const sim = podTestCluster();
    createPod(sim, 'app', { containers: [envFromSecret('db-pass', 'password')] });
    sim.runUntil(() => waiting(getPod(sim, 'app'))?.reason === 'CreateContainerConfigError', 60_000);
    // Each retry counts once more on the same Failed event (kubectl describe: `(x4 over 45s)`).
    const failedAt = new Map<number, number>();
    sim.watch((e) => {
      const ev = e.object as KubeEvent;
      if (ev.kind === 'Event' && ev.reason === 'Failed' && !failedAt.has(ev.count ?? 1))
        failedAt.set(ev.count ?? 1, sim.now);
    });
    sim.advance(60_000);
    const times = [...failedAt.values()];
    expect(times.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < times.length; i++) {
      const gap = (times[i] as number) - (times[i - 1] as number);
      expect(gap).toBeGreaterThanOrEqual(10_000);
      expect(gap).toBeLessThanOrEqual(15_500);
    }
    const count = (reason: string, message: string) =>
      sim.store
        .list<KubeEvent>('Event', 'default')
        .filter((e) => e.reason === reason && e.message === message)
        .reduce((n, e) => n + (e.count ?? 1), 0);
    const retries = times.length;
    expect(count('Failed', 'Error: secret "db-pass" not found')).toBe(retries + 1);
    // The first attempt pulled the image; every retry finds it present.
    expect(count('Pulled', `Container image "${BUSYBOX}" already present on machine`)).toBe(retries);
  });

  it('recovers when the Secret appears: the container starts at the next retry', () => {
    const sim = podTestCluster();
    createPod(sim, 'app', { containers: [envFromSecret('db-pass', 'password')] });
    sim.runUntil(() => waiting(getPod(sim, 'app'))?.reason === 'CreateContainerConfigError', 60_000);
    createSecret(sim, 'db-pass', { password: 'pw' });
    expect(sim.runUntil(() => podIsRunningAndReady(getPod(sim, 'app') as Pod), 20_000)).toBe(true);
    const cs = getPod(sim, 'app')?.status.containerStatuses?.[0];
    expect(cs?.restartCount).toBe(0);
    expect(eventsFor(sim, 'app').slice(-2)).toEqual([
      'Created: Created container app',
      'Started: Started container app',
    ]);
  });

  it('a missing key and a missing ConfigMap give their own messages', () => {
    const sim = podTestCluster();
    createSecret(sim, 'db-pass', { other: 'x' });
    createPod(sim, 'key', { containers: [envFromSecret('db-pass', 'password')] });
    createPod(sim, 'cm', {
      containers: [
        {
          name: 'app',
          image: BUSYBOX,
          command: ['sleep', '3600'],
          envFrom: [{ configMapRef: { name: 'settings' } }],
        } as Container,
      ],
    });
    sim.advance(30_000);
    expect(waiting(getPod(sim, 'key'))?.message).toBe("couldn't find key password in Secret default/db-pass");
    expect(waiting(getPod(sim, 'cm'))?.message).toBe('configmap "settings" not found');
    expect(eventsFor(sim, 'cm')).toContain('Failed: Error: configmap "settings" not found');
  });

  it('an optional reference to a missing Secret does not stop the container', () => {
    const sim = podTestCluster();
    const container: Container = {
      ...envFromSecret('db-pass', 'password'),
      env: [
        {
          name: 'PASSWORD',
          valueFrom: { secretKeyRef: { name: 'db-pass', key: 'password', optional: true } },
        },
      ],
    } as Container;
    createPod(sim, 'app', { containers: [container] });
    expect(sim.runUntil(() => podIsRunningAndReady(getPod(sim, 'app') as Pod), 60_000)).toBe(true);
    expect(eventsFor(sim, 'app').some((e) => e.startsWith('Failed:'))).toBe(false);
  });

  it('a pod without references runs exactly as before (same state, no extra draws)', () => {
    const a = podTestCluster(7);
    const b = podTestCluster(7);
    const plain: Container = { name: 'app', image: BUSYBOX, command: ['sleep', '3600'] } as Container;
    createPod(a, 'app', { containers: [plain] });
    createPod(b, 'app', { containers: [{ ...plain, env: [{ name: 'X', value: '1' }] }] });
    a.advance(30_000);
    b.advance(30_000);
    expect(getPod(a, 'app')?.status).toEqual(getPod(b, 'app')?.status);
    expect(a.random.next()).toBe(b.random.next());
  });
});

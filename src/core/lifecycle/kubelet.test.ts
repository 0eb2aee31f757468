import { describe, expect, it } from 'vitest';
import type { KubeEvent, Pod } from '../api/types.ts';
import { fromTimestamp } from '../clock/virtualClock.ts';
import { Simulation } from '../simulation/simulation.ts';
import { kubeletModule } from './kubeletModule.ts';
import { createPod, eventsFor, getPod, podTestCluster } from './lifecycleFixtures.ts';
import {
  crashContainer,
  exitContainer,
  failReadiness,
  podIsReady,
  podIsRunningAndReady,
} from './podActions.ts';

const MARIADB = {
  name: 'mariadb',
  image: 'mariadb:11.3.2-jammy',
  env: [{ name: 'MARIADB_ROOT_PASSWORD', value: 'secret' }],
};

/** The pod's STATUS column as kubectl prints it for the single-container pods used here. */
function shownStatus(p: Pod): string {
  const s = p.status.containerStatuses?.[0]?.state;
  if (p.metadata.deletionTimestamp) return 'Terminating';
  return s?.waiting?.reason ?? s?.terminated?.reason ?? p.status.phase;
}

describe('kubelet', () => {
  it('takes a new pod through Pending, ContainerCreating and Running with the real events in order', () => {
    const sim = podTestCluster();
    const statuses: string[] = [];
    sim.watch((e) => {
      if (e.object.kind === 'Pod' && e.type !== 'DELETED') {
        const s = shownStatus(e.object as Pod);
        if (statuses[statuses.length - 1] !== s) statuses.push(s);
      }
    });
    createPod(sim, 'db', { containers: [MARIADB] });
    expect(sim.runUntil(() => podIsRunningAndReady(getPod(sim, 'db') as Pod), 60_000)).toBe(true);
    expect(statuses).toEqual(['Pending', 'ContainerCreating', 'Running']);
    const reasons = eventsFor(sim, 'db').map((e) => e.split(':')[0]);
    expect(reasons).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    expect(eventsFor(sim, 'db')[0]).toBe('Scheduled: Successfully assigned default/db to minikube');
    expect(eventsFor(sim, 'db')[1]).toBe('Pulling: Pulling image "mariadb:11.3.2-jammy"');
    expect(eventsFor(sim, 'db')[2]).toMatch(
      /^Pulled: Successfully pulled image "mariadb:11\.3\.2-jammy" in \d+\.\d+s \(\d+\.\d+s including waiting\)\. Image size: \d+ bytes\.$/,
    );
    // First pull of the mariadb image takes about 20 s, the pod is Ready a little later.
    expect(sim.now).toBeGreaterThan(18_000);
    expect(sim.now).toBeLessThan(26_000);
    const pod = getPod(sim, 'db') as Pod;
    const cs = pod.status.containerStatuses?.[0];
    expect(cs?.containerID).toMatch(/^docker:\/\/[0-9a-f]{64}$/);
    expect(cs?.imageID).toMatch(/^docker-pullable:\/\/mariadb@sha256:[0-9a-f]{64}$/);
    expect(pod.status.podIP).toMatch(/^10\.244\.0\.\d+$/);
    expect(pod.status.hostIP).toBe('192.168.49.2');
    expect(pod.status.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
  });

  it('finds the image already present for the second pod and starts it in seconds', () => {
    const sim = podTestCluster();
    createPod(sim, 'a', { containers: [MARIADB] });
    sim.runUntil(() => podIsReady(getPod(sim, 'a') as Pod), 60_000);
    const t0 = sim.now;
    createPod(sim, 'b', { containers: [MARIADB] });
    sim.runUntil(() => podIsReady(getPod(sim, 'b') as Pod), 60_000);
    expect(sim.now - t0).toBeLessThan(4_000);
    expect(eventsFor(sim, 'b')).toContain(
      'Pulled: Container image "mariadb:11.3.2-jammy" already present on machine',
    );
  });

  it('makes a second concurrent pull wait for the first (serial puller)', () => {
    const sim = podTestCluster();
    createPod(sim, 'a', { containers: [MARIADB] });
    createPod(sim, 'b', { containers: [MARIADB] });
    sim.advance(40_000);
    const pulled = eventsFor(sim, 'b').find((e) => e.startsWith('Pulled:')) as string;
    const m = /in ([\d.]+)(ms|s) \(([\d.]+)s including waiting\)/.exec(pulled);
    expect(m).not.toBeNull();
    const own = Number(m?.[1]) / (m?.[2] === 'ms' ? 1000 : 1);
    expect(Number(m?.[3])).toBeGreaterThan(own + 10);
  });

  it('deletes a terminating pod after its container stops, within the grace period', () => {
    const sim = podTestCluster();
    createPod(sim, 'db', { containers: [MARIADB] });
    sim.runUntil(() => podIsReady(getPod(sim, 'db') as Pod), 60_000);
    const uid = getPod(sim, 'db')?.metadata.uid as string;
    const deletedAt = sim.now;
    sim.api.delete('Pod', 'default', 'db');
    const during = getPod(sim, 'db') as Pod;
    expect(during.metadata.deletionTimestamp).toBeDefined();
    expect(sim.runUntil(() => getPod(sim, 'db') === undefined, 60_000)).toBe(true);
    expect(sim.now - deletedAt).toBeLessThan(30_000);
    expect(eventsFor(sim, 'db')).toContain('Killing: Stopping container mariadb');
    expect(sim.state.machines[uid]).toBeUndefined();
  });

  it('kills a shell that ignores SIGTERM when the grace period ends', () => {
    const sim = podTestCluster();
    createPod(sim, 'sh', {
      containers: [{ name: 'sh', image: 'ubuntu:22.04', command: ['bash'], stdin: true }],
      terminationGracePeriodSeconds: 5,
    });
    sim.runUntil(() => podIsReady(getPod(sim, 'sh') as Pod), 60_000);
    const at = sim.now;
    sim.api.delete('Pod', 'default', 'sh');
    let lastExit: number | undefined;
    sim.watch((e) => {
      const t = (e.object as Pod).status?.containerStatuses?.[0]?.state.terminated;
      if (e.object.kind === 'Pod' && t) lastExit = t.exitCode;
    });
    sim.runUntil(() => getPod(sim, 'sh') === undefined, 60_000);
    expect(lastExit).toBe(137);
    expect(sim.now - at).toBeGreaterThanOrEqual(5_000);
    expect(sim.now - at).toBeLessThan(7_000);
  });

  it('restarts an ended `kubectl run -it ... -- bash` session: RESTARTS 1 and Running', () => {
    const sim = podTestCluster();
    createPod(sim, 'my-client', {
      containers: [
        { name: 'my-client', image: 'mariadb:11.3.2-jammy', args: ['bash'], stdin: true, tty: true },
      ],
    });
    sim.runUntil(() => podIsReady(getPod(sim, 'my-client') as Pod), 60_000);
    expect(exitContainer(sim, 'default', 'my-client', 0)).toBe(true);
    sim.advance(21_000);
    const cs = getPod(sim, 'my-client')?.status.containerStatuses?.[0];
    expect(cs?.restartCount).toBe(1);
    expect(cs?.state.running).toBeDefined();
    expect(cs?.lastState.terminated?.reason).toBe('Completed');
    const finished = fromTimestamp(cs?.lastState.terminated?.finishedAt as string);
    expect(sim.now - finished).toBeGreaterThanOrEqual(20_000);
  });

  it('grows the crash loop back-off: 10 s, 20 s, 40 s', () => {
    const sim = podTestCluster();
    createPod(sim, 'web', { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.8' }] });
    sim.runUntil(() => podIsReady(getPod(sim, 'web') as Pod), 60_000);
    const waits: string[] = [];
    sim.watch((e) => {
      const w = (e.object as Pod).status?.containerStatuses?.[0]?.state.waiting;
      if (
        e.object.kind === 'Pod' &&
        w?.reason === 'CrashLoopBackOff' &&
        waits[waits.length - 1] !== w.message
      )
        waits.push(w.message as string);
    });
    for (let i = 0; i < 4; i++) {
      sim.runUntil(
        () => getPod(sim, 'web')?.status.containerStatuses?.[0]?.state.running !== undefined,
        120_000,
      );
      crashContainer(sim, 'default', 'web');
    }
    sim.advance(2_000);
    expect(waits.map((m) => /back-off (\d+s)/.exec(m)?.[1])).toEqual(['10s', '20s', '40s']);
    const pod = getPod(sim, 'web') as Pod;
    expect(shownStatus(pod)).toBe('CrashLoopBackOff');
    expect(pod.status.phase).toBe('Running');
    const backoffEvents = sim.store
      .list<KubeEvent>('Event', 'default')
      .filter((e) => e.reason === 'BackOff' && e.involvedObject.name === 'web');
    expect(backoffEvents[0]?.message).toBe(
      `Back-off restarting failed container nginx in pod web_default(${pod.metadata.uid})`,
    );
    // one per crash, plus the pod worker's re-sync 10-15 s into the 20 s back-off (not the 10 s one)
    expect(backoffEvents[0]?.count).toBe(4);
  });

  it('a bad image gives ErrImagePull then ImagePullBackOff and is never Ready', () => {
    const sim = podTestCluster();
    const seen: string[] = [];
    sim.watch((e) => {
      if (e.object.kind !== 'Pod') return;
      const p = e.object as Pod;
      if (podIsReady(p)) seen.push('READY');
      const s = shownStatus(p);
      if (seen[seen.length - 1] !== s) seen.push(s);
    });
    createPod(sim, 'bad', {
      containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:does-not-exist' }],
    });
    sim.advance(60_000);
    expect(seen.slice(0, 4)).toEqual(['Pending', 'ContainerCreating', 'ErrImagePull', 'ImagePullBackOff']);
    expect(seen).not.toContain('READY');
    expect(seen.filter((s) => s === 'ErrImagePull').length).toBeGreaterThan(1);
    const events = eventsFor(sim, 'bad');
    expect(events).toContain(
      'Failed: Failed to pull image "registry.k8s.io/nginx-slim:does-not-exist": Error response from daemon: manifest for registry.k8s.io/nginx-slim:does-not-exist not found: manifest unknown: Failed to fetch "does-not-exist"',
    );
    expect(events).toContain('Failed: Error: ErrImagePull');
    expect(events).toContain('BackOff: Back-off pulling image "registry.k8s.io/nginx-slim:does-not-exist"');
    expect(events).toContain('Failed: Error: ImagePullBackOff');
    expect(getPod(sim, 'bad')?.status.phase).toBe('Pending');
  });

  it('fail readiness makes Ready False after the probe fails and True again when it passes', () => {
    const sim = podTestCluster();
    createPod(sim, 'web', {
      containers: [
        {
          name: 'nginx',
          image: 'registry.k8s.io/nginx-slim:0.8',
          ports: [{ containerPort: 80, name: 'web' }],
          readinessProbe: { httpGet: { path: '/', port: 'web' }, periodSeconds: 5, failureThreshold: 2 },
        },
      ],
    });
    sim.runUntil(() => podIsReady(getPod(sim, 'web') as Pod), 60_000);
    failReadiness(sim, 'default', 'web', true);
    const t0 = sim.now;
    expect(sim.runUntil(() => !podIsReady(getPod(sim, 'web') as Pod), 60_000)).toBe(true);
    // two failed probes, five seconds apart
    expect(sim.now - t0).toBeGreaterThanOrEqual(9_000);
    expect(getPod(sim, 'web')?.status.phase).toBe('Running');
    expect(eventsFor(sim, 'web')).toContain(
      'Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503',
    );
    const ready = getPod(sim, 'web')?.status.conditions?.find((c) => c.type === 'Ready');
    expect(ready?.reason).toBe('ContainersNotReady');
    expect(ready?.message).toBe('containers with unready status: [nginx]');
    failReadiness(sim, 'default', 'web', false);
    expect(sim.runUntil(() => podIsReady(getPod(sim, 'web') as Pod), 60_000)).toBe(true);
  });

  it('a database image without its password variable crash-loops', () => {
    const sim = podTestCluster();
    createPod(sim, 'db', { containers: [{ name: 'mariadb', image: 'mariadb:11.3.2-jammy' }] });
    sim.advance(60_000);
    const cs = getPod(sim, 'db')?.status.containerStatuses?.[0];
    expect(cs?.restartCount).toBeGreaterThanOrEqual(1);
    expect(cs?.lastState.terminated?.exitCode).toBe(1);
    expect(podIsReady(getPod(sim, 'db') as Pod)).toBe(false);
  });

  it('adopts a pod that is already Running without any event', () => {
    const sim = podTestCluster();
    const created = sim.api.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'coredns', namespace: 'default' },
      spec: {
        nodeName: 'minikube',
        containers: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.1' }],
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    const ts = sim.timestamp();
    sim.api.updateStatus({
      ...created.value,
      status: {
        phase: 'Running',
        podIP: '10.244.0.2',
        conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: ts }],
        containerStatuses: [
          {
            name: 'coredns',
            state: { running: { startedAt: ts } },
            lastState: {},
            ready: true,
            restartCount: 0,
            image: 'registry.k8s.io/coredns/coredns:v1.11.1',
            imageID: 'docker-pullable://x',
            containerID: 'docker://abc',
            started: true,
          },
        ],
      },
    });
    sim.advance(30_000);
    expect(eventsFor(sim, 'coredns')).toEqual([]);
    expect(podIsRunningAndReady(getPod(sim, 'coredns') as Pod)).toBe(true);
    sim.api.delete('Pod', 'default', 'coredns');
    sim.advance(35_000);
    expect(getPod(sim, 'coredns')).toBeUndefined();
  });

  it('is deterministic: same seed and actions give the same state byte for byte', () => {
    const run = () => {
      const sim = podTestCluster(42);
      createPod(sim, 'a', { containers: [MARIADB] });
      createPod(sim, 'b', { containers: [{ name: 'bad', image: 'nginx:nope' }] });
      sim.advance(30_000);
      crashContainer(sim, 'default', 'a');
      sim.api.delete('Pod', 'default', 'b');
      sim.advance(60_000);
      return JSON.stringify(sim.snapshot());
    };
    expect(run()).toBe(run());
  });

  it('continues the same future from a saved state', () => {
    const sim = podTestCluster(5);
    createPod(sim, 'a', { containers: [MARIADB] });
    sim.advance(10_000);
    const saved = sim.snapshot();
    sim.advance(30_000);
    const straight = JSON.stringify(sim.snapshot());
    const resumed = new Simulation({
      state: structuredClone(saved),
      modules: [kubeletModule],
      freezeObjects: true,
    });
    resumed.advance(30_000);
    expect(JSON.stringify(resumed.snapshot())).toBe(straight);
  });
});

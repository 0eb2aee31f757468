import { describe, expect, it } from 'vitest';
import type { KubeEvent, PersistentVolumeClaim, Pod } from '../../api/types.ts';
import { createPod, getPod, podTestCluster } from '../../lifecycle/lifecycleFixtures.ts';
import type { Simulation } from '../../simulation/simulation.ts';

/** Writes a claim straight to the store (the PVC strategy and binder are the storage module's). */
function putClaim(
  sim: Simulation,
  name: string,
  phase: 'Pending' | 'Bound',
  storageClassName = 'csi-hostpath-sc',
) {
  const existing = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', name);
  const claim = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: existing?.metadata ?? {
      name,
      namespace: 'default',
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
    },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Mi' } }, storageClassName },
    status: { phase },
  } as PersistentVolumeClaim;
  return existing ? sim.store.put(claim) : sim.store.add(claim);
}

function schedulerEvents(sim: Simulation, pod: string): string[] {
  return sim.store
    .list<KubeEvent>('Event', 'default')
    .filter((e) => e.involvedObject.name === pod && e.source.component === 'default-scheduler')
    .map((e) => `${e.type} ${e.reason}: ${e.message}`);
}

const withClaim = (claimName: string) => ({
  containers: [
    {
      name: 'mariadb',
      image: 'mariadb:11.3.2-jammy',
      volumeMounts: [{ name: 'dbvl', mountPath: '/var/lib/mysql' }],
    },
  ],
  volumes: [{ name: 'dbvl', persistentVolumeClaim: { claimName } }],
});

describe('default-scheduler', () => {
  it('binds a pod without claims to minikube at once', () => {
    const sim = podTestCluster();
    createPod(sim, 'web', { containers: [{ name: 'nginx', image: 'nginx:1.25' }] });
    sim.drain();
    expect(getPod(sim, 'web')?.spec.nodeName).toBe('minikube');
    expect(schedulerEvents(sim, 'web')).toEqual([
      'Normal Scheduled: Successfully assigned default/web to minikube',
    ]);
  });

  it('reports a missing claim with the scheduler text and leaves the pod Pending', () => {
    const sim = podTestCluster();
    createPod(sim, 'db', withClaim('dbvl-db'));
    sim.advance(5_000);
    const pod = getPod(sim, 'db') as Pod;
    expect(pod.spec.nodeName).toBeUndefined();
    const msg =
      '0/1 nodes are available: persistentvolumeclaim "dbvl-db" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.';
    expect(schedulerEvents(sim, 'db')).toEqual([`Warning FailedScheduling: ${msg}`]);
    const cond = pod.status.conditions?.find((c) => c.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
  });

  it('waits for an unbound Immediate claim, then schedules after the claim is Bound', () => {
    const sim = podTestCluster();
    putClaim(sim, 'dbvl-db', 'Pending');
    createPod(sim, 'db', withClaim('dbvl-db'));
    sim.drain();
    expect(schedulerEvents(sim, 'db')).toEqual([
      'Warning FailedScheduling: 0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    ]);
    sim.advance(1_000);
    putClaim(sim, 'dbvl-db', 'Bound');
    sim.advance(3_000);
    expect(getPod(sim, 'db')?.spec.nodeName).toBe('minikube');
    expect(schedulerEvents(sim, 'db')[1]).toBe(
      'Normal Scheduled: Successfully assigned default/db to minikube',
    );
    const cond = getPod(sim, 'db')?.status.conditions?.find((c) => c.type === 'PodScheduled');
    expect(cond?.status).toBe('True');
  });

  it('selects the node on a WaitForFirstConsumer claim and binds once it is provisioned', () => {
    const sim = podTestCluster();
    sim.api.create({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'local-wffc' },
      provisioner: 'example.com/local',
      volumeBindingMode: 'WaitForFirstConsumer',
    });
    putClaim(sim, 'data', 'Pending', 'local-wffc');
    createPod(sim, 'db', withClaim('data'));
    sim.drain();
    const claim = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'data');
    expect(claim?.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe('minikube');
    expect(getPod(sim, 'db')?.spec.nodeName).toBeUndefined();
    expect(schedulerEvents(sim, 'db')).toEqual([]);
    putClaim(sim, 'data', 'Bound', 'local-wffc');
    sim.drain();
    expect(getPod(sim, 'db')?.spec.nodeName).toBe('minikube');
  });

  it('brings the chapter pod (claim bound after a second) to 1/1 about 25 s after creation', () => {
    const sim = podTestCluster();
    putClaim(sim, 'dbvl-mariadb-sts-0', 'Pending');
    createPod(sim, 'mariadb-sts-0', {
      ...withClaim('dbvl-mariadb-sts-0'),
      containers: [
        {
          name: 'mariadb',
          image: 'mariadb:11.3.2-jammy',
          env: [{ name: 'MARIADB_ROOT_PASSWORD', value: 'secret' }],
          volumeMounts: [{ name: 'dbvl', mountPath: '/var/lib/mysql' }],
        },
      ],
    });
    sim.advance(1_200);
    putClaim(sim, 'dbvl-mariadb-sts-0', 'Bound');
    const ready = () =>
      (getPod(sim, 'mariadb-sts-0')?.status.conditions ?? []).some(
        (c) => c.type === 'Ready' && c.status === 'True',
      );
    expect(sim.runUntil(ready, 60_000)).toBe(true);
    expect(sim.now).toBeGreaterThan(21_000);
    expect(sim.now).toBeLessThan(29_000);
  });

  it('refuses the 111th pod on the node: Too many pods', () => {
    const sim = podTestCluster();
    for (let i = 0; i < 111; i++)
      createPod(sim, `p${i}`, { containers: [{ name: 'c', image: 'nginx:1.25' }] });
    sim.drain();
    expect(getPod(sim, 'p110')?.spec.nodeName).toBeUndefined();
    expect(schedulerEvents(sim, 'p110')).toEqual([
      'Warning FailedScheduling: 0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Pod, StatefulSet } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import {
  allReady,
  applyWeb,
  eventMessages,
  getClaim,
  getPod,
  getSet,
  isReady,
  patchSpec,
  podNames,
} from '../../testing/statefulsetFixtures.ts';
import { STS_HARNESSES } from '../../testing/statefulsetHarness.ts';
import { waitingKey } from './statefulSetModule.ts';

/** Runs until `done`, checking after every step that no pod N+1 exists while pod N is not Ready. */
function runOrdered(sim: Simulation, done: () => boolean, maxMs = 120_000): string[] {
  const created: string[] = [];
  const stop = sim.watch((ev) => {
    if (ev.type !== 'ADDED' || ev.object.kind !== 'Pod') return;
    const name = ev.object.metadata.name;
    created.push(name);
    const ord = Number(name.split('-').pop());
    for (let i = 0; i < ord; i++) {
      const pred = getPod(sim, `web-${i}`);
      expect(
        isReady(pred) && !pred?.metadata.deletionTimestamp,
        `web-${i} Ready when ${name} is created`,
      ).toBe(true);
    }
  });
  expect(sim.runUntil(done, maxMs)).toBe(true);
  stop();
  return created;
}

describe.each(STS_HARNESSES)('StatefulSet scaling ($name)', (h) => {
  it.skipIf(!h.available)(
    '[case 1] creates web-0, web-1, web-2 in order, each after its predecessor is Ready',
    () => {
      const sim = h.create();
      applyWeb(sim);
      sim.drain();
      expect(podNames(sim)).toEqual(['web-0']);
      expect(getClaim(sim, 'www-web-0')).toBeDefined();
      expect(sim.state.waiting[waitingKey('default', 'web')]?.message).toBe(
        'waiting for web-0 to be Running and Ready',
      );
      const created = runOrdered(sim, () => allReady(sim, [0, 1, 2]));
      expect(created).toEqual(['web-1', 'web-2']);
      sim.advance(1000);
      const st = (getSet(sim) as StatefulSet).status;
      expect(st).toMatchObject({
        replicas: 3,
        readyReplicas: 3,
        availableReplicas: 3,
        currentReplicas: 3,
        updatedReplicas: 3,
        observedGeneration: 1,
        collisionCount: 0,
      });
      expect(st?.currentRevision).toBe(st?.updateRevision);
      expect(st?.updateRevision).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
      // claim created before its pod, per ordinal
      const ev = eventMessages(sim);
      for (const i of [0, 1, 2])
        expect(
          ev.indexOf(`SuccessfulCreate: create Claim www-web-${i} Pod web-${i} in StatefulSet web success`),
        ).toBeLessThan(ev.indexOf(`SuccessfulCreate: create Pod web-${i} in StatefulSet web successful`));
      expect(sim.state.waiting[waitingKey('default', 'web')]).toBeUndefined();
    },
  );

  it.skipIf(!h.available)(
    '[case 3] pods carry identity labels, owner ref, hostname, subdomain and their claim',
    () => {
      const sim = h.create();
      const set = applyWeb(sim);
      sim.runUntil(() => allReady(sim, [0, 1, 2]), 120_000);
      sim.advance(1000);
      const pod = getPod(sim, 'web-1') as Pod;
      expect(pod.metadata.labels).toMatchObject({
        app: 'nginx',
        'statefulset.kubernetes.io/pod-name': 'web-1',
        'apps.kubernetes.io/pod-index': '1',
        'controller-revision-hash': getSet(sim)?.status?.updateRevision,
      });
      expect(pod.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          name: 'web',
          uid: set.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
      expect(pod.spec.hostname).toBe('web-1');
      expect(pod.spec.subdomain).toBe('nginx');
      expect(pod.spec.volumes).toContainEqual({
        name: 'www',
        persistentVolumeClaim: { claimName: 'www-web-1' },
      });
      const claim = getClaim(sim, 'www-web-1');
      expect(claim?.metadata.labels).toEqual({ app: 'nginx' });
      expect(claim?.metadata.ownerReferences).toBeUndefined();
    },
  );

  it.skipIf(!h.available)(
    '[case 4] one claim per ordinal, named <template>-<set>-<ordinal>, all Bound',
    () => {
      const sim = h.create();
      applyWeb(sim);
      sim.runUntil(() => allReady(sim, [0, 1, 2]), 120_000);
      const claims = sim.store
        .list('PersistentVolumeClaim', 'default')
        .map((c) => c.metadata.name)
        .sort();
      expect(claims).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
      for (const c of claims) {
        const pvc = getClaim(sim, c);
        expect(pvc?.status.phase).toBe('Bound');
        expect(pvc?.spec.resources.requests.storage).toBe('1Gi');
      }
    },
  );

  it.skipIf(!h.available)(
    '[case 6] a deleted pod comes back with the same name and claim and a new uid; web-1 waits for web-0',
    () => {
      const sim = h.create();
      applyWeb(sim, { replicas: 2 });
      sim.runUntil(() => allReady(sim, [0, 1]), 120_000);
      const uids = [0, 1].map((i) => getPod(sim, `web-${i}`)?.metadata.uid);
      sim.api.delete('Pod', 'default', 'web-0');
      sim.api.delete('Pod', 'default', 'web-1');
      sim.drain();
      expect(getPod(sim, 'web-0')?.metadata.deletionTimestamp).toBeDefined();
      const created = runOrdered(
        sim,
        () => allReady(sim, [0, 1]) && getPod(sim, 'web-1')?.metadata.uid !== uids[1],
      );
      expect(created).toEqual(['web-0', 'web-1']);
      expect(getPod(sim, 'web-0')?.metadata.uid).not.toBe(uids[0]);
      expect(getPod(sim, 'web-0')?.spec.volumes).toContainEqual({
        name: 'www',
        persistentVolumeClaim: { claimName: 'www-web-0' },
      });
      expect(getPod(sim, 'web-0')?.spec.hostname).toBe('web-0');
    },
  );

  it.skipIf(!h.available)(
    '[case 8] scales up in order and down from the highest ordinal, one at a time',
    () => {
      const sim = h.create();
      applyWeb(sim);
      sim.runUntil(() => allReady(sim, [0, 1, 2]), 120_000);
      patchSpec(sim, { replicas: 5 });
      expect(runOrdered(sim, () => allReady(sim, [0, 1, 2, 3, 4]))).toEqual(['web-3', 'web-4']);
      patchSpec(sim, { replicas: 3 });
      sim.drain();
      expect(getPod(sim, 'web-4')?.metadata.deletionTimestamp).toBeDefined();
      expect(getPod(sim, 'web-3')?.metadata.deletionTimestamp).toBeUndefined();
      expect(getSet(sim)?.status?.replicas).toBe(5);
      // web-3 is not touched until web-4 is gone
      let web3DeletedWhileWeb4Present = false;
      const stop = sim.watch((ev) => {
        if (
          ev.object.metadata.name === 'web-3' &&
          ev.object.metadata.deletionTimestamp &&
          getPod(sim, 'web-4')
        )
          web3DeletedWhileWeb4Present = true;
      });
      sim.runUntil(() => podNames(sim).length === 3, 120_000);
      stop();
      expect(web3DeletedWhileWeb4Present).toBe(false);
      expect(podNames(sim)).toEqual(['web-0', 'web-1', 'web-2']);
      expect(eventMessages(sim).filter((e) => e.startsWith('SuccessfulDelete'))).toEqual([
        'SuccessfulDelete: delete Pod web-4 in StatefulSet web successful',
        'SuccessfulDelete: delete Pod web-3 in StatefulSet web successful',
      ]);
      sim.advance(1000);
      expect(sim.store.list('PersistentVolumeClaim', 'default')).toHaveLength(5);
      expect(getSet(sim)?.status?.replicas).toBe(3);
    },
  );

  it.skipIf(!h.available)(
    'OrderedReady: an unready web-0 blocks re-creating a deleted web-2 and scale-down',
    () => {
      const sim = h.create();
      applyWeb(sim);
      sim.runUntil(() => allReady(sim, [0, 1, 2]), 120_000);
      h.setReady(sim, 'web-0', false);
      sim.api.delete('Pod', 'default', 'web-2');
      sim.advance(30_000);
      expect(getPod(sim, 'web-2')).toBeUndefined();
      expect(sim.state.waiting[waitingKey('default', 'web')]).toMatchObject({
        waitingOn: 'web-0',
        message: 'waiting for web-0 to be Running and Ready',
      });
      h.setReady(sim, 'web-0', true);
      sim.runUntil(() => allReady(sim, [0, 1, 2]), 60_000);
      expect(getPod(sim, 'web-2')).toBeDefined();
    },
  );

  it.skipIf(!h.available)('[case 11] Parallel creates and deletes all at once', () => {
    const sim = h.create();
    applyWeb(sim, { replicas: 2, podManagementPolicy: 'Parallel' });
    sim.drain();
    expect(podNames(sim)).toEqual(['web-0', 'web-1']);
    expect(getClaim(sim, 'www-web-1')).toBeDefined();
    sim.runUntil(() => allReady(sim, [0, 1]), 120_000);
    patchSpec(sim, { replicas: 4 });
    sim.drain();
    expect(podNames(sim)).toEqual(['web-0', 'web-1', 'web-2', 'web-3']);
    sim.runUntil(() => allReady(sim, [0, 1, 2, 3]), 120_000);
    patchSpec(sim, { replicas: 1 });
    sim.drain();
    for (const i of [1, 2, 3]) expect(getPod(sim, `web-${i}`)?.metadata.deletionTimestamp).toBeDefined();
    expect(getPod(sim, 'web-0')?.metadata.deletionTimestamp).toBeUndefined();
  });

  it.skipIf(!h.available)(
    'a Failed pod is deleted with RecreatingFailedPod and recreated with the same name',
    () => {
      const sim = h.create();
      applyWeb(sim);
      sim.runUntil(() => allReady(sim, [0, 1, 2]), 120_000);
      const uid = getPod(sim, 'web-1')?.metadata.uid;
      h.failPod(sim, 'web-1');
      sim.runUntil(() => eventMessages(sim).some((e) => e.startsWith('RecreatingFailedPod')), 5_000);
      expect(eventMessages(sim)).toContain(
        'RecreatingFailedPod: StatefulSet default/web is recreating failed Pod web-1',
      );
      expect(
        sim.runUntil(() => allReady(sim, [0, 1, 2]) && getPod(sim, 'web-1')?.metadata.uid !== uid, 60_000),
      ).toBe(true);
    },
  );

  it.skipIf(!h.available)(
    'spec.ordinals.start numbers pods from start, pod-index is the real ordinal',
    () => {
      const sim = h.create();
      applyWeb(sim, { replicas: 2, ordinals: { start: 5 } });
      sim.runUntil(() => allReady(sim, [5, 6]), 120_000);
      expect(podNames(sim)).toEqual(['web-5', 'web-6']);
      expect(getPod(sim, 'web-5')?.metadata.labels?.['apps.kubernetes.io/pod-index']).toBe('5');
      expect(getClaim(sim, 'www-web-6')).toBeDefined();
    },
  );

  it.skipIf(!h.available)(
    'minReadySeconds: the next pod waits until its predecessor has been Ready that long',
    () => {
      const sim = h.create();
      applyWeb(sim, { replicas: 2, minReadySeconds: 10 });
      sim.runUntil(() => isReady(getPod(sim, 'web-0')), 60_000);
      const readyAt = sim.now;
      expect(sim.runUntil(() => getPod(sim, 'web-1') !== undefined, 60_000)).toBe(true);
      expect(sim.now - readyAt).toBeGreaterThanOrEqual(10_000);
      sim.runUntil(() => allReady(sim, [0, 1]), 60_000);
      expect(getSet(sim)?.status?.availableReplicas).toBe(1);
      // The delaying queue keeps the earliest pending requeue, so availability is seen within two periods.
      sim.advance(20_000);
      expect(getSet(sim)?.status?.availableReplicas).toBe(2);
    },
  );
});

import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../simulation/simulation.ts';
import {
  allReady,
  applyWeb,
  getClaim,
  getPod,
  getSet,
  patchSpec,
  podNames,
} from '../../testing/statefulsetFixtures.ts';
import { STS_HARNESSES } from '../../testing/statefulsetHarness.ts';
import { waitingKey } from './statefulSetModule.ts';

const claimNames = (sim: Simulation) =>
  sim.store
    .list('PersistentVolumeClaim', 'default')
    .map((c) => c.metadata.name)
    .sort();

describe.each(STS_HARNESSES)('StatefulSet claims and deletion ($name)', (h) => {
  it.skipIf(!h.available)(
    '[case 17] default Retain: scale down keeps the claim; scale up remounts the same claim',
    () => {
      const sim = h.create();
      applyWeb(sim);
      sim.runUntil(() => allReady(sim, [0, 1, 2]), 120_000);
      const uid = getClaim(sim, 'www-web-2')?.metadata.uid;
      patchSpec(sim, { replicas: 2 });
      sim.runUntil(() => !getPod(sim, 'web-2'), 60_000);
      sim.advance(1000);
      expect(getClaim(sim, 'www-web-2')?.status.phase).toBe('Bound');
      expect(getClaim(sim, 'www-web-2')?.metadata.ownerReferences).toBeUndefined();
      expect(sim.state.waiting[waitingKey('default', 'web')]?.message).toBe(
        'PVC www-web-2 kept: whenScaled is Retain',
      );
      patchSpec(sim, { replicas: 3 });
      sim.runUntil(() => allReady(sim, [0, 1, 2]), 60_000);
      expect(getClaim(sim, 'www-web-2')?.metadata.uid).toBe(uid);
      expect(getPod(sim, 'web-2')?.spec.volumes).toContainEqual({
        name: 'www',
        persistentVolumeClaim: { claimName: 'www-web-2' },
      });
    },
  );

  it.skipIf(!h.available)(
    '[case 18] whenScaled: Delete gives the condemned pod ownership before deletion; scale up makes new claims',
    () => {
      const sim = h.create();
      applyWeb(sim, {
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' },
      });
      sim.runUntil(() => allReady(sim, [0, 1, 2]), 120_000);
      for (const c of claimNames(sim)) expect(getClaim(sim, c)?.metadata.ownerReferences).toBeUndefined();
      const oldUid = getClaim(sim, 'www-web-2')?.metadata.uid;
      const web2 = getPod(sim, 'web-2');
      let refBeforeDelete = false;
      const stop = sim.watch((ev) => {
        if (
          ev.object.metadata.name === 'web-2' &&
          ev.object.metadata.deletionTimestamp &&
          !ev.oldObject?.metadata.deletionTimestamp
        )
          refBeforeDelete = Boolean(
            getClaim(sim, 'www-web-2')?.metadata.ownerReferences?.some(
              (r) => r.kind === 'Pod' && r.name === 'web-2' && r.uid === web2?.metadata.uid,
            ),
          );
      });
      patchSpec(sim, { replicas: 1 });
      sim.runUntil(() => !getClaim(sim, 'www-web-1') && !getClaim(sim, 'www-web-2'), 120_000);
      stop();
      expect(refBeforeDelete).toBe(true);
      expect(claimNames(sim)).toEqual(['www-web-0']);
      expect(podNames(sim)).toEqual(['web-0']);
      patchSpec(sim, { replicas: 3 });
      sim.runUntil(() => allReady(sim, [0, 1, 2]), 120_000);
      expect(getClaim(sim, 'www-web-2')?.metadata.uid).not.toBe(oldUid);
    },
  );

  it.skipIf(!h.available)(
    '[case 18] race: scaling back up waits for the stale claim to go, then makes a fresh one',
    () => {
      const sim = h.create();
      applyWeb(sim, {
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' },
      });
      sim.runUntil(() => allReady(sim, [0, 1, 2]), 120_000);
      const oldUid = getClaim(sim, 'www-web-2')?.metadata.uid;
      patchSpec(sim, { replicas: 2 });
      sim.drain();
      expect(getPod(sim, 'web-2')?.metadata.deletionTimestamp).toBeDefined();
      patchSpec(sim, { replicas: 3 });
      let createdWhileStale = false;
      const stop = sim.watch((ev) => {
        if (
          ev.type === 'ADDED' &&
          ev.object.kind === 'Pod' &&
          ev.object.metadata.name === 'web-2' &&
          getClaim(sim, 'www-web-2')?.metadata.uid === oldUid
        )
          createdWhileStale = true;
      });
      sim.runUntil(() => allReady(sim, [0, 1, 2]), 120_000);
      stop();
      expect(createdWhileStale).toBe(false);
      expect(getClaim(sim, 'www-web-2')?.metadata.uid).not.toBe(oldUid);
    },
  );

  it.skipIf(!h.available)(
    '[case 20] whenDeleted: Delete puts a plain set owner ref on every claim; deleting the set removes them',
    () => {
      const sim = h.create();
      const set = applyWeb(sim, {
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' },
      });
      sim.runUntil(() => allReady(sim, [0, 1, 2]), 120_000);
      for (const c of claimNames(sim))
        expect(getClaim(sim, c)?.metadata.ownerReferences).toEqual([
          { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set.metadata.uid },
        ]);
      sim.api.delete('StatefulSet', 'default', 'web');
      expect(getSet(sim)).toBeUndefined();
      sim.drain();
      for (const i of [0, 1, 2]) expect(getPod(sim, `web-${i}`)?.metadata.deletionTimestamp).toBeDefined();
      sim.runUntil(() => claimNames(sim).length === 0 && podNames(sim).length === 0, 60_000);
      expect(claimNames(sim)).toEqual([]);
    },
  );

  it.skipIf(!h.available)(
    '[case 42] cascading delete removes pods, keeps Retain claims; re-applying remounts them in order',
    () => {
      const sim = h.create();
      applyWeb(sim);
      sim.runUntil(() => allReady(sim, [0, 1, 2]), 120_000);
      const uids = claimNames(sim).map((c) => getClaim(sim, c)?.metadata.uid);
      sim.api.delete('StatefulSet', 'default', 'web');
      sim.runUntil(() => podNames(sim).length === 0, 60_000);
      expect(claimNames(sim).map((c) => getClaim(sim, c)?.metadata.uid)).toEqual(uids);
      expect(sim.state.waiting[waitingKey('default', 'web')]).toBeUndefined();
      applyWeb(sim);
      sim.drain();
      expect(podNames(sim)).toEqual(['web-0']);
      sim.runUntil(() => allReady(sim, [0, 1, 2]), 120_000);
      expect(claimNames(sim).map((c) => getClaim(sim, c)?.metadata.uid)).toEqual(uids);
    },
  );

  it.skipIf(!h.available)(
    'orphan delete keeps pods; a new set adopts them and condemns those out of range',
    () => {
      const sim = h.create();
      applyWeb(sim);
      sim.runUntil(() => allReady(sim, [0, 1, 2]), 120_000);
      const uid0 = getPod(sim, 'web-0')?.metadata.uid;
      sim.api.delete('StatefulSet', 'default', 'web', { propagationPolicy: 'Orphan' });
      sim.advance(5000);
      expect(getSet(sim)).toBeUndefined();
      expect(podNames(sim)).toEqual(['web-0', 'web-1', 'web-2']);
      expect(getPod(sim, 'web-0')?.metadata.ownerReferences ?? []).toEqual([]);
      const set = applyWeb(sim, { replicas: 2 });
      sim.runUntil(() => podNames(sim).length === 2, 60_000);
      expect(podNames(sim)).toEqual(['web-0', 'web-1']);
      expect(getPod(sim, 'web-0')?.metadata.uid).toBe(uid0);
      expect(getPod(sim, 'web-0')?.metadata.ownerReferences?.[0]).toMatchObject({
        uid: set.metadata.uid,
        controller: true,
      });
    },
  );

  it.skipIf(!h.available)(
    'a pod whose labels stop matching is released and its slot stays blocked until it is deleted',
    () => {
      const sim = h.create();
      applyWeb(sim, { replicas: 2 });
      sim.runUntil(() => allReady(sim, [0, 1]), 120_000);
      const pod = getPod(sim, 'web-1');
      sim.api.update({
        ...pod,
        metadata: { ...pod?.metadata, labels: { ...pod?.metadata.labels, app: 'debug' } },
      } as never);
      sim.advance(10_000);
      expect(getPod(sim, 'web-1')?.metadata.ownerReferences ?? []).toEqual([]);
      expect(getPod(sim, 'web-1')?.metadata.labels?.app).toBe('debug');
      sim.api.delete('Pod', 'default', 'web-1');
      expect(
        sim.runUntil(
          () => getPod(sim, 'web-1')?.metadata.labels?.app === 'nginx' && allReady(sim, [0, 1]),
          60_000,
        ),
      ).toBe(true);
    },
  );
});

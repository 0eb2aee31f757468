import { describe, expect, it } from 'vitest';
import type { ControllerRevision, Pod, StatefulSet } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import {
  allReady,
  applyWeb,
  getPod,
  getSet,
  patchSpec,
  revisionsOf,
  setImage,
} from '../../testing/statefulsetFixtures.ts';
import { STS_HARNESSES } from '../../testing/statefulsetHarness.ts';
import { waitingKey } from './statefulSetModule.ts';

const image = (sim: Simulation, name: string) => getPod(sim, name)?.spec.containers[0].image;
const status = (sim: Simulation) => getSet(sim)?.status;
const BAD = 'registry.k8s.io/nginx-slim:does-not-exist';

/** kubectl rollout undo: the template of the revision before the latest (rollback.go). */
function rolloutUndo(sim: Simulation): void {
  const revs = revisionsOf(sim);
  const prev = revs[revs.length - 2] as ControllerRevision;
  const { $patch: _p, ...template } = (prev.data as { spec: { template: Record<string, unknown> } }).spec
    .template;
  patchSpec(sim, { template: template as unknown as StatefulSet['spec']['template'] });
}

function readyAll(sim: Simulation, n = 3): void {
  expect(sim.runUntil(() => allReady(sim, [...Array(n).keys()]), 200_000)).toBe(true);
}

describe.each(STS_HARNESSES)('StatefulSet rolling updates ($name)', (h) => {
  it.skipIf(!h.available)('[case 24] rolls pods in reverse ordinal order, one at a time', () => {
    const sim = h.create();
    applyWeb(sim);
    readyAll(sim);
    const r1 = status(sim)?.updateRevision;
    // Order of deletions, and never two pods down at once.
    const deleted: string[] = [];
    const stop = sim.watch((ev) => {
      if (
        ev.object.kind !== 'Pod' ||
        !ev.object.metadata.deletionTimestamp ||
        ev.oldObject?.metadata.deletionTimestamp
      )
        return;
      deleted.push(ev.object.metadata.name);
      const down = [0, 1, 2].filter((i) => {
        const p = getPod(sim, `web-${i}`);
        return (
          !p ||
          p.metadata.deletionTimestamp ||
          p.status.conditions?.find((c) => c.type === 'Ready')?.status !== 'True'
        );
      });
      expect(down.length).toBeLessThanOrEqual(1);
    });
    setImage(sim, 'registry.k8s.io/nginx-slim:0.9');
    sim.drain();
    const r2 = status(sim)?.updateRevision;
    expect(r2).not.toBe(r1);
    expect(status(sim)).toMatchObject({ currentRevision: r1, observedGeneration: 2 });
    let midway = false;
    sim.runUntil(() => {
      const s = status(sim);
      if (
        image(sim, 'web-2')?.endsWith('0.9') &&
        getPod(sim, 'web-1')?.metadata.deletionTimestamp &&
        !midway
      ) {
        midway = true;
        expect(s).toMatchObject({ currentReplicas: 1, updatedReplicas: 1, replicas: 3 });
      }
      return s?.currentRevision === r2 && allReady(sim, [0, 1, 2]);
    }, 200_000);
    stop();
    expect(midway).toBe(true);
    expect(deleted).toEqual(['web-2', 'web-1', 'web-0']);
    expect(status(sim)).toMatchObject({
      currentRevision: r2,
      updateRevision: r2,
      currentReplicas: 3,
      updatedReplicas: 3,
    });
    expect(revisionsOf(sim).map((r) => [r.metadata.name, r.revision])).toEqual([
      [r1, 1],
      [r2, 2],
    ]);
    for (const i of [0, 1, 2])
      expect(getPod(sim, `web-${i}`)?.metadata.labels?.['controller-revision-hash']).toBe(r2);
  });

  it.skipIf(!h.available)(
    '[case 26] partition stages the update; pods below it are restored at the old revision',
    () => {
      const sim = h.create();
      applyWeb(sim);
      readyAll(sim);
      const r1 = status(sim)?.updateRevision;
      patchSpec(sim, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 3 } } });
      setImage(sim, 'registry.k8s.io/nginx-slim:0.7');
      sim.advance(30_000);
      expect([0, 1, 2].map((i) => image(sim, `web-${i}`))).toEqual(
        Array(3).fill('registry.k8s.io/nginx-slim:0.8'),
      );
      expect(status(sim)?.updatedReplicas ?? 0).toBe(0);
      sim.api.delete('Pod', 'default', 'web-2');
      sim.advance(1);
      readyAll(sim);
      expect(image(sim, 'web-2')).toBe('registry.k8s.io/nginx-slim:0.8');
      patchSpec(sim, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
      sim.runUntil(
        () => image(sim, 'web-2') === 'registry.k8s.io/nginx-slim:0.7' && allReady(sim, [0, 1, 2]),
        100_000,
      );
      sim.advance(1000);
      expect(status(sim)).toMatchObject({ updatedReplicas: 1, currentReplicas: 2, currentRevision: r1 });
      expect(sim.state.waiting[waitingKey('default', 'web')]?.message).toBe(
        `partition 2: web-0, web-1 stay at revision ${r1}`,
      );
      sim.api.delete('Pod', 'default', 'web-1');
      sim.advance(1);
      readyAll(sim);
      expect(image(sim, 'web-1')).toBe('registry.k8s.io/nginx-slim:0.8');
      patchSpec(sim, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } });
      sim.runUntil(
        () => status(sim)?.currentRevision === status(sim)?.updateRevision && allReady(sim, [0, 1, 2]),
        100_000,
      );
      expect([0, 1, 2].map((i) => image(sim, `web-${i}`))).toEqual(
        Array(3).fill('registry.k8s.io/nginx-slim:0.7'),
      );
    },
  );

  it.skipIf(!h.available)(
    '[case 29] a broken update stalls; reverting alone does not replace the broken pod (OrderedReady)',
    () => {
      const sim = h.create();
      applyWeb(sim);
      readyAll(sim);
      const r1 = status(sim)?.updateRevision;
      setImage(sim, BAD);
      sim.advance(60_000);
      expect(image(sim, 'web-2')).toBe(BAD);
      expect(image(sim, 'web-1')).toBe('registry.k8s.io/nginx-slim:0.8');
      expect(sim.state.waiting[waitingKey('default', 'web')]).toMatchObject({
        waitingOn: 'web-2',
        message: 'waiting for web-2 to be Running and Ready',
      });
      rolloutUndo(sim);
      sim.advance(60_000);
      expect(status(sim)?.updateRevision).toBe(r1);
      expect(revisionsOf(sim).find((r) => r.metadata.name === r1)?.revision).toBe(3);
      expect(image(sim, 'web-2')).toBe(BAD);
      sim.api.delete('Pod', 'default', 'web-2');
      sim.advance(1);
      readyAll(sim);
      sim.advance(1000);
      expect(image(sim, 'web-2')).toBe('registry.k8s.io/nginx-slim:0.8');
      expect(status(sim)?.currentRevision).toBe(status(sim)?.updateRevision);
    },
  );

  it.skipIf(!h.available)(
    '[case 29] Parallel recovers from a broken update after the revert without manual deletion',
    () => {
      const sim = h.create();
      applyWeb(sim, { podManagementPolicy: 'Parallel' });
      readyAll(sim);
      setImage(sim, BAD);
      sim.advance(60_000);
      expect(image(sim, 'web-2')).toBe(BAD);
      expect(sim.state.waiting[waitingKey('default', 'web')]?.message).toBe(
        'rolling update waits for web-2 (updated, not Ready)',
      );
      rolloutUndo(sim);
      expect(
        sim.runUntil(
          () => image(sim, 'web-2') === 'registry.k8s.io/nginx-slim:0.8' && allReady(sim, [0, 1, 2]),
          100_000,
        ),
      ).toBe(true);
    },
  );

  it.skipIf(!h.available)(
    '[case 32] OnDelete: template changes apply only to deleted pods; currentRevision never advances',
    () => {
      const sim = h.create();
      applyWeb(sim, { updateStrategy: { type: 'OnDelete' } });
      readyAll(sim);
      const r1 = status(sim)?.currentRevision;
      setImage(sim, 'registry.k8s.io/nginx-slim:0.9');
      sim.advance(30_000);
      expect([0, 1, 2].map((i) => image(sim, `web-${i}`))).toEqual(
        Array(3).fill('registry.k8s.io/nginx-slim:0.8'),
      );
      expect(status(sim)?.updatedReplicas ?? 0).toBe(0);
      for (const name of ['web-0', 'web-1', 'web-2']) {
        sim.api.delete('Pod', 'default', name);
        sim.advance(1);
        readyAll(sim);
        expect(image(sim, name)).toBe('registry.k8s.io/nginx-slim:0.9');
      }
      sim.advance(1000);
      expect(status(sim)).toMatchObject({ updatedReplicas: 3, currentRevision: r1 });
      expect(status(sim)?.currentReplicas ?? 0).toBe(0);
    },
  );

  it.skipIf(!h.available)(
    '[case 34] rollout undo reuses the old revision object with the next number',
    () => {
      const sim = h.create();
      applyWeb(sim);
      readyAll(sim);
      setImage(sim, 'registry.k8s.io/nginx-slim:0.9');
      sim.runUntil(
        () => status(sim)?.currentRevision === status(sim)?.updateRevision && allReady(sim, [0, 1, 2]),
        200_000,
      );
      const [n1, n2] = revisionsOf(sim).map((r) => r.metadata.name);
      rolloutUndo(sim);
      sim.drain();
      expect(revisionsOf(sim).map((r) => [r.metadata.name, r.revision])).toEqual([
        [n2, 2],
        [n1, 3],
      ]);
      expect(status(sim)?.updateRevision).toBe(n1);
      sim.runUntil(() => status(sim)?.currentRevision === n1 && allReady(sim, [0, 1, 2]), 200_000);
      expect([0, 1, 2].map((i) => image(sim, `web-${i}`))).toEqual(
        Array(3).fill('registry.k8s.io/nginx-slim:0.8'),
      );
      rolloutUndo(sim);
      sim.drain();
      expect(revisionsOf(sim).map((r) => r.revision)).toEqual([3, 4]);
      expect(sim.store.list('ControllerRevision')).toHaveLength(2);
    },
  );

  it.skipIf(!h.available)('revisionHistoryLimit prunes the oldest unused revisions', () => {
    const sim = h.create();
    applyWeb(sim, { replicas: 1, revisionHistoryLimit: 1 });
    readyAll(sim, 1);
    // Each template change (an env var, so the image stays pullable) is a new revision.
    const setEnv = (value: string) => {
      const set = getSet(sim) as StatefulSet;
      const containers = set.spec.template.spec.containers.map((c) => ({
        ...c,
        env: [{ name: 'VERSION', value }],
      }));
      patchSpec(sim, { template: { ...set.spec.template, spec: { ...set.spec.template.spec, containers } } });
    };
    for (const v of ['2', '3', '4']) {
      setEnv(v);
      expect(
        sim.runUntil(
          () => status(sim)?.currentRevision === status(sim)?.updateRevision && allReady(sim, [0]),
          300_000,
        ),
      ).toBe(true);
    }
    sim.advance(1000);
    setEnv('5');
    sim.drain();
    // live: current (4) and update (5), plus one historic revision (3); 1 and 2 pruned
    expect(revisionsOf(sim).map((r) => r.revision)).toEqual([3, 4, 5]);
    const pod = getPod(sim, 'web-0') as Pod;
    expect(revisionsOf(sim).map((r) => r.metadata.name)).toContain(
      pod.metadata.labels?.['controller-revision-hash'],
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types.ts';
import { createPod, getPod, podTestCluster } from './lifecycleFixtures.ts';
import { crashContainer, exitContainer, failReadiness, podIsReady } from './podActions.ts';

type Step = { wait: number; act: 'crash' | 'exit' | 'fail' | 'recover' | 'none' };

function play(seed: number, steps: Step[]) {
  const sim = podTestCluster(seed);
  createPod(sim, 'web', {
    containers: [
      {
        name: 'nginx',
        image: 'registry.k8s.io/nginx-slim:0.8',
        readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 3 },
      },
    ],
  });
  const violations: string[] = [];
  sim.watch((e) => {
    if (e.object.kind !== 'Pod') return;
    const p = e.object as Pod;
    const running = p.status.containerStatuses?.every((c) => c.state.running !== undefined) ?? false;
    if (podIsReady(p) && !running) violations.push(`${sim.now}: Ready without a running container`);
    if (podIsReady(p) && p.status.phase !== 'Running')
      violations.push(`${sim.now}: Ready while ${p.status.phase}`);
  });
  for (const s of steps) {
    sim.advance(s.wait);
    if (s.act === 'crash') crashContainer(sim, 'default', 'web');
    if (s.act === 'exit') exitContainer(sim, 'default', 'web', 0);
    if (s.act === 'fail') failReadiness(sim, 'default', 'web', true);
    if (s.act === 'recover') failReadiness(sim, 'default', 'web', false);
  }
  sim.api.delete('Pod', 'default', 'web');
  sim.advance(60_000);
  return { violations, gone: getPod(sim, 'web') === undefined, state: JSON.stringify(sim.snapshot()) };
}

const steps = fc.array(
  fc.record({
    wait: fc.integer({ min: 0, max: 40_000 }),
    act: fc.constantFrom<Step['act']>('crash', 'exit', 'fail', 'recover', 'none'),
  }),
  { maxLength: 12 },
);

describe('pod lifecycle properties', () => {
  it('never reports Ready without a running container, always ends removed, and replays identically', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), steps, (seed, s) => {
        const a = play(seed, s);
        expect(a.violations).toEqual([]);
        expect(a.gone).toBe(true);
        expect(play(seed, s).state).toBe(a.state);
      }),
      { numRuns: 40 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { createSimulation } from './createSimulation.ts';

describe('Simulation', () => {
  it('gives byte-identical states for the same seed and actions', () => {
    const run = (seed: number) => {
      const sim = createSimulation({ seed });
      sim.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
      sim.advance(10_000);
      return JSON.stringify(sim.snapshot());
    };
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
  });

  it('rejects a second object with the same name and leaves the first untouched', () => {
    const sim = createSimulation();
    const first = sim.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dup' } });
    const before = JSON.stringify(sim.snapshot());
    const second = sim.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dup' } });
    expect(first.ok).toBe(true);
    expect(second.ok ? '' : second.error.message).toBe('namespaces "dup" already exists');
    expect(JSON.stringify(sim.snapshot())).toBe(before);
  });
});

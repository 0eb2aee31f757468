import { describe, expect, it } from 'vitest';
import { createPod, podTestCluster } from './lifecycleFixtures.ts';

// Speed is measured by `npm run bench`, not here: this checks that churn leaves nothing behind.
describe('kubelet under pod churn', () => {
  it('takes 1000 pods through start, Ready, deletion and removal and forgets every one of them', () => {
    const sim = podTestCluster(9);
    // The image is pulled once; afterwards every pod finds it on the node.
    createPod(sim, 'warm-up', { containers: [{ name: 'web', image: 'registry.k8s.io/nginx-slim:0.8' }] });
    sim.advance(30_000);
    sim.api.delete('Pod', 'default', 'warm-up');
    sim.advance(10_000);
    // One node holds at most 110 pods and a /24 of addresses, so the pods come in waves of 100.
    const wave = 100;
    let ready = 0;
    for (let w = 0; w < 10; w++) {
      for (let i = 0; i < wave; i++)
        createPod(sim, `p-${w}-${i}`, {
          containers: [{ name: 'web', image: 'registry.k8s.io/nginx-slim:0.8' }],
        });
      sim.advance(15_000);
      for (const p of sim.store.list('Pod', 'default'))
        if (
          (p.status?.conditions ?? []).some(
            (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
          )
        )
          ready++;
      for (let i = 0; i < wave; i++) sim.api.delete('Pod', 'default', `p-${w}-${i}`);
      sim.advance(10_000);
      expect(sim.store.list('Pod', 'default')).toHaveLength(0);
    }
    expect(ready).toBe(1000);
    expect(Object.keys(sim.state.machines)).toHaveLength(0);
  });
});

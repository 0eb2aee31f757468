import { describe, expect, it } from 'vitest';
import type { StatefulSet } from '../../../core/api/types.ts';
import { addRevision, addStatefulSet, bareSim, kubectl, stateText } from './verbTestKit.ts';

const getSts = (sim: ReturnType<typeof bareSim>) =>
  sim.store.get<StatefulSet>('StatefulSet', 'default', 'web') as StatefulSet;

/** Schedules the set's status to become `status` after `ms` (as the controller would write it). */
function statusAt(sim: ReturnType<typeof bareSim>, ms: number, status: Partial<StatefulSet['status']>) {
  const cur = getSts(sim);
  sim.after(ms, 'test.put', 'web', { ...cur, status: { ...cur.status, ...status } });
}

describe('kubectl rollout status (statefulset-semantics §6, kubectl-output §7)', () => {
  it('prints one line per watch event until the rollout completes, advancing virtual time', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3, 0);
    statusAt(sim, 5000, { readyReplicas: 1 });
    // Each timer stores the full object, so chain them from the state they build on.
    sim.runUntil(() => false, 5000);
    statusAt(sim, 5000, { readyReplicas: 2 });
    sim.runUntil(() => false, 5000);
    statusAt(sim, 5000, { readyReplicas: 3 });
    const start = sim.now;
    const r = kubectl(sim, 'rollout status sts/web');
    expect(r.stdout).toBe(
      'Waiting for 1 pods to be ready...\npartitioned roll out complete: 3 new pods have been updated...\n',
    );
    expect(r.code).toBe(0);
    expect(sim.now - start).toBe(5000);
  });

  it('matches the spec example after apply of 3 replicas', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3, 0);
    const set = getSts(sim);
    for (const [i, ready] of [1, 2, 3].entries())
      sim.after(5000 * (i + 1), 'test.put', 'web', {
        ...set,
        status: { ...set.status, readyReplicas: ready },
      });
    expect(kubectl(sim, 'rollout status statefulset web').stdout).toBe(
      'Waiting for 3 pods to be ready...\nWaiting for 2 pods to be ready...\nWaiting for 1 pods to be ready...\npartitioned roll out complete: 3 new pods have been updated...\n',
    );
  });

  it('--watch=false prints the current state once; --timeout ends with the real error', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3, 1);
    expect(kubectl(sim, 'rollout status sts/web --watch=false')).toEqual({
      stdout: 'Waiting for 2 pods to be ready...\n',
      stderr: '',
      code: 0,
    });
    const start = sim.now;
    expect(kubectl(sim, 'rollout status sts/web --timeout=30s')).toEqual({
      stdout: 'Waiting for 2 pods to be ready...\n',
      stderr: 'error: timed out waiting for the condition\n',
      code: 1,
    });
    expect(sim.now - start).toBe(30_000);
  });

  it('partitioned and unobserved states, and OnDelete', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3);
    const set = getSts(sim);
    sim.store.put({
      ...set,
      spec: { ...set.spec, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } },
      status: { ...set.status, updatedReplicas: 0 } as StatefulSet['status'],
    });
    expect(kubectl(sim, 'rollout status sts/web --watch=false').stdout).toBe(
      'Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...\n',
    );
    sim.store.put({ ...getSts(sim), metadata: { ...getSts(sim).metadata, generation: 2 } });
    expect(kubectl(sim, 'rollout status sts/web --watch=false').stdout).toBe(
      'Waiting for statefulset spec update to be observed...\n',
    );
    sim.store.put({ ...getSts(sim), spec: { ...getSts(sim).spec, updateStrategy: { type: 'OnDelete' } } });
    expect(kubectl(sim, 'rollout status sts/web').stderr).toBe(
      'error: rollout status is only available for RollingUpdate strategy type\n',
    );
  });

  it('needs a resource', () => {
    const sim = bareSim();
    expect(kubectl(sim, 'rollout status').stderr).toBe(
      "error: Required resource not specified.\nSee 'kubectl rollout status -h' for help and examples\n",
    );
  });
});

describe('kubectl rollout history / undo (statefulset-semantics §5.5, conformance case 34)', () => {
  function twoRevisions() {
    const sim = bareSim();
    const v1 = addStatefulSet(sim, 'web', 3);
    addRevision(sim, v1, 1);
    const tpl = v1.spec.template;
    const v2 = sim.store.put<StatefulSet>({
      ...v1,
      spec: {
        ...v1.spec,
        template: {
          ...tpl,
          spec: {
            ...tpl.spec,
            containers: [{ ...tpl.spec.containers[0], image: 'registry.k8s.io/nginx-slim:0.9' }],
          },
        },
      },
    });
    addRevision(sim, v2, 2);
    return sim;
  }

  it('history lists the revisions in the real layout', () => {
    const sim = twoRevisions();
    expect(kubectl(sim, 'rollout history sts/web').stdout).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
  });

  it('history --revision=N prints the pod template; an unknown N is an error', () => {
    const sim = twoRevisions();
    const out = kubectl(sim, 'rollout history sts/web --revision=1').stdout;
    expect(
      out.startsWith(
        'statefulset.apps/web with revision #1\nPod Template:\n  Labels:\tapp=nginx\n  Containers:\n   nginx:\n    Image:\tregistry.k8s.io/nginx-slim:0.8\n    Port:\t80/TCP\n',
      ),
    ).toBe(true);
    expect(kubectl(sim, 'rollout history sts/web --revision=9').stderr).toBe(
      'error: unable to find the specified revision\n',
    );
  });

  it('undo restores the previous template: "statefulset.apps/web rolled back"', () => {
    const sim = twoRevisions();
    expect(kubectl(sim, 'rollout undo sts/web')).toEqual({
      stdout: 'statefulset.apps/web rolled back\n',
      stderr: '',
      code: 0,
    });
    expect(getSts(sim).spec.template.spec.containers[0].image).toBe('registry.k8s.io/nginx-slim:0.8');
    expect(kubectl(sim, 'rollout undo sts/web --to-revision=1').stdout).toBe(
      'statefulset.apps/web skipped rollback (current template already matches revision 1)\n',
    );
  });

  it('undo errors of §5.5 change nothing', () => {
    const sim = twoRevisions();
    const before = stateText(sim);
    expect(kubectl(sim, 'rollout undo sts/web --to-revision=9').stderr).toBe(
      'error: unable to find specified revision 9 in history\n',
    );
    expect(stateText(sim)).toBe(before);
    const one = bareSim();
    addRevision(one, addStatefulSet(one, 'web', 1), 1);
    expect(kubectl(one, 'rollout undo sts/web').stderr).toBe('error: no last revision to roll back to\n');
  });
});

describe('kubectl rollout restart / pause / resume', () => {
  it('restart stamps kubectl.kubernetes.io/restartedAt on the template with the virtual time', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3);
    expect(kubectl(sim, 'rollout restart sts/web').stdout).toBe('statefulset.apps/web restarted\n');
    expect(getSts(sim).spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toBe(
      sim.timestamp(),
    );
  });

  it('pause and resume are not supported for StatefulSets', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3);
    const before = stateText(sim);
    expect(kubectl(sim, 'rollout pause sts/web').stderr).toBe(
      'error: statefulsets.apps "web" pausing is not supported\n',
    );
    expect(kubectl(sim, 'rollout resume sts/web').stderr).toBe(
      'error: statefulsets.apps "web" resuming is not supported\n',
    );
    expect(stateText(sim)).toBe(before);
  });
});

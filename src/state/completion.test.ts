import { describe, expect, it } from 'vitest';
import { emptyClusterView } from './clusterView.ts';
import { completeLine } from './completion.ts';
import { makePod, makeSet } from './testing.ts';

describe('tab completion', () => {
  const set = makeSet('mariadb-sts', 2);
  const view = {
    ...emptyClusterView(),
    statefulSets: [set],
    pods: [makePod(set, 0, 'ready'), makePod(set, 1, 'ready')],
  };

  it('completes commands, verbs and resource types', () => {
    expect(completeLine('kube', view).line).toBe('kubectl ');
    expect(completeLine('kubectl desc', view).line).toBe('kubectl describe ');
    expect(completeLine('kubectl get statefulse', view).line).toBe('kubectl get statefulset');
    expect(completeLine('kubectl get sts', view).line).toBe('kubectl get sts ');
  });

  it('completes object names from the cluster', () => {
    expect(completeLine('kubectl delete pod mar', view)).toEqual({
      line: 'kubectl delete pod mariadb-sts-',
      options: [],
    });
    expect(completeLine('kubectl delete pod mariadb-sts-', view).options).toEqual(
      view.pods.map((p) => p.metadata.name),
    );
    expect(completeLine('kubectl describe sts m', view).line).toBe(
      `kubectl describe sts ${set.metadata.name} `,
    );
  });

  it('leaves the line alone when nothing matches', () => {
    expect(completeLine('kubectl get pods zzz', view)).toEqual({ line: 'kubectl get pods zzz', options: [] });
  });
});

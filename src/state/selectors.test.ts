import { describe, expect, it } from 'vitest';
import { emptyClusterView } from './clusterView.ts';
import { isSettled, ordinalOf, podsOfSet } from './selectors.ts';
import { makePod, makeSet } from './testing.ts';

describe('selectors', () => {
  it('parses ordinals with the controller’s greedy rule', () => {
    expect(ordinalOf('web-12', 'web')).toBe(12);
    expect(ordinalOf('my-web-3', 'my-web')).toBe(3);
    expect(ordinalOf('web-x', 'web')).toBe(-1);
    expect(ordinalOf('other-1', 'web')).toBe(-1);
  });

  it('lists a set’s pods in ordinal order, ignoring pods of other sets', () => {
    const set = makeSet('web', 3);
    const other = makeSet('db', 1);
    const view = {
      ...emptyClusterView(),
      pods: [makePod(set, 10, 'ready'), makePod(other, 0, 'ready'), makePod(set, 2, 'ready')],
    };
    expect(podsOfSet(view, set).map((p) => p.metadata.name)).toEqual(['web-2', 'web-10']);
  });

  it('is settled when every replica is ready and no pod is starting or terminating', () => {
    const set = makeSet('web', 2);
    const ready = {
      ...emptyClusterView(),
      statefulSets: [set],
      pods: [makePod(set, 0, 'ready'), makePod(set, 1, 'ready')],
    };
    expect(isSettled(ready)).toBe(true);
    expect(isSettled({ ...ready, pods: [makePod(set, 0, 'ready'), makePod(set, 1, 'terminating')] })).toBe(
      false,
    );
    // a standing controller wait (a partition holding pods back) is a resting state
    const waiting = {
      key: 'sts|default/web',
      object: 'default/web',
      kind: 'StatefulSet',
      message: 'x',
      since: 0,
    };
    expect(isSettled({ ...ready, waiting: [waiting] })).toBe(true);
    const notReady = { ...set, status: { replicas: 2, availableReplicas: 1, readyReplicas: 1 } };
    expect(isSettled({ ...ready, statefulSets: [notReady] })).toBe(false);
  });
});

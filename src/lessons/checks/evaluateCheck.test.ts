/** The check language against a hand-built cluster state, one case per form, plus remembered values and purity. */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/api/types.ts';
import { type ClusterState, emptyClusterState } from '../../core/simulation/clusterState.ts';
import type { Check } from '../schema/checkSchema.ts';
import { evaluateCheck } from './evaluateCheck.ts';

/** A small cluster by hand: two pods of mariadb-sts (one Ready), their claims, a volume with test1. */
function cluster(): ClusterState {
  const s = emptyClusterState(0, 1);
  const put = (o: KubeObject, key: string) => {
    s.objects[o.kind] ??= {};
    s.objects[o.kind][key] = o;
  };
  const meta = (
    name: string,
    labels: Record<string, string> = {},
    namespace: string | undefined = 'default',
  ) => ({
    name,
    namespace,
    uid: `uid-${name}`,
    labels,
    creationTimestamp: '2024-06-01T10:00:00Z',
    resourceVersion: '1',
  });
  for (const [i, ready] of [
    [0, true],
    [1, false],
  ] as const) {
    const name = `mariadb-sts-${i}`;
    put(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: meta(name, { app: 'mariadb', 'statefulset.kubernetes.io/pod-name': name }),
        spec: { containers: [{ name: 'mariadb', image: 'mariadb:11.3.2-jammy' }] },
        status: {
          phase: 'Running',
          podIP: `10.244.0.${16 + i}`,
          conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
        },
      } as unknown as KubeObject,
      `default/${name}`,
    );
    put(
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: meta(`dbvl-${name}`, { app: 'mariadb' }),
        spec: { volumeName: `pvc-${i}` },
        status: { phase: 'Bound' },
      } as unknown as KubeObject,
      `default/dbvl-${name}`,
    );
    put(
      {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: meta(`pvc-${i}`, {}, undefined),
        spec: { csi: { driver: 'hostpath.csi.k8s.io', volumeHandle: `vol-${i}` } },
      } as unknown as KubeObject,
      `pvc-${i}`,
    );
    s.volumes[`vol-${i}`] = { files: i === 0 ? { 'test1/db.opt': 'default-character-set=utf8mb4\n' } : {} };
  }
  s.waiting['statefulset|default/mariadb-sts'] = {
    object: 'default/mariadb-sts',
    kind: 'StatefulSet',
    waitingOn: 'mariadb-sts-1',
    message: 'waiting for mariadb-sts-1 to be Running and Ready',
    since: 0,
  };
  s.minikube.addons['csi-hostpath-driver'] = true;
  return s;
}

const cases: [string, Check, boolean][] = [
  ['exists: a pod that is there', { exists: { kind: 'Pod', name: 'mariadb-sts-0' } }, true],
  [
    'exists: in another namespace',
    { exists: { kind: 'Pod', name: 'mariadb-sts-0', namespace: 'kube-system' } },
    false,
  ],
  ['absent: a pod that is not there', { absent: { kind: 'Pod', name: 'mariadb-sts-2' } }, true],
  ['exists: a cluster-scoped volume by name', { exists: { kind: 'PersistentVolume', name: 'pvc-1' } }, true],
  ['podReady: Ready condition True', { podReady: { name: 'mariadb-sts-0' } }, true],
  ['podReady: Ready condition False', { podReady: { name: 'mariadb-sts-1' } }, false],
  ['count: pods by selector', { count: { kind: 'Pod', selector: 'app=mariadb', equals: 2 } }, true],
  [
    'count: Ready pods only',
    { count: { kind: 'Pod', selector: 'app=mariadb', ready: true, equals: 1 } },
    true,
  ],
  [
    'count: by name prefix',
    { count: { kind: 'PersistentVolumeClaim', namePrefix: 'dbvl-mariadb-sts-', gte: 2 } },
    true,
  ],
  [
    'count: where a field matches',
    { count: { kind: 'Pod', where: [{ path: 'status.podIP', equals: '10.244.0.17' }], equals: 1 } },
    true,
  ],
  [
    'field: equals',
    {
      field: {
        kind: 'Pod',
        name: 'mariadb-sts-0',
        path: 'spec.containers[0].image',
        equals: 'mariadb:11.3.2-jammy',
      },
    },
    true,
  ],
  [
    'field: oneOf',
    { field: { kind: 'Pod', name: 'mariadb-sts-1', path: 'status.phase', oneOf: ['Pending', 'Failed'] } },
    false,
  ],
  [
    'field: on a missing object never holds',
    { field: { kind: 'Pod', name: 'nope', path: 'status.phase', exists: false } },
    false,
  ],
  [
    'field: exists false on a missing field',
    { field: { kind: 'Pod', name: 'mariadb-sts-0', path: 'status.reason', exists: false } },
    true,
  ],
  [
    'field: includes',
    { field: { kind: 'Pod', name: 'mariadb-sts-0', path: 'status.podIP', includes: '10.244.' } },
    true,
  ],
  [
    'volumeFile: a database directory on the claim',
    { volumeFile: { claim: 'dbvl-mariadb-sts-0', prefix: 'test1/', present: true } },
    true,
  ],
  [
    'volumeFile: not on the other claim',
    { volumeFile: { claim: 'dbvl-mariadb-sts-1', prefix: 'test1/', present: false } },
    true,
  ],
  [
    'volumeFile: a missing claim has no files',
    { volumeFile: { claim: 'dbvl-mariadb-sts-9', prefix: 'test1/', present: true } },
    false,
  ],
  ['minikube: an addon flag', { minikube: { path: "addons['csi-hostpath-driver']", equals: true } }, true],
  ['minikube: host', { minikube: { path: 'host', equals: 'Absent' } }, false],
  [
    'waiting: the controller waits on a pod',
    { waiting: { statefulSet: 'mariadb-sts', waitingOn: 'mariadb-sts-1' } },
    true,
  ],
  [
    'waiting: not on another pod',
    { waiting: { statefulSet: 'mariadb-sts', waitingOn: 'mariadb-sts-0' } },
    false,
  ],
  [
    'all / any / not',
    {
      all: [
        { any: [{ podReady: { name: 'mariadb-sts-1' } }, { podReady: { name: 'mariadb-sts-0' } }] },
        { not: { absent: { kind: 'Pod', name: 'mariadb-sts-1' } } },
      ],
    },
    true,
  ],
];

describe('evaluateCheck', () => {
  it.each(cases)('%s', (_, check, expected) => {
    expect(evaluateCheck(check, cluster())).toBe(expected);
  });

  it('compares against remembered values, and fails when a value was never remembered', () => {
    const uidChanged: Check = {
      field: { kind: 'Pod', name: 'mariadb-sts-0', path: 'metadata.uid', notEquals: { var: 'uid0' } },
    };
    expect(evaluateCheck(uidChanged, cluster(), { uid0: 'uid-mariadb-sts-0' })).toBe(false);
    expect(evaluateCheck(uidChanged, cluster(), { uid0: 'an-older-uid' })).toBe(true);
    expect(evaluateCheck(uidChanged, cluster(), {})).toBe(false);
  });

  it('reads the state without changing it', () => {
    const s = cluster();
    const before = JSON.stringify(s);
    for (const [, check] of cases) evaluateCheck(check, s);
    expect(JSON.stringify(s)).toBe(before);
  });

  it('counts events by reason and object', () => {
    const s = cluster();
    s.objects.Event = {
      'default/mariadb-sts.1': {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: {
          name: 'mariadb-sts.1',
          namespace: 'default',
          uid: 'e1',
          resourceVersion: '1',
          creationTimestamp: '',
        },
        involvedObject: { kind: 'StatefulSet', name: 'mariadb-sts', namespace: 'default', uid: 'x' },
        reason: 'SuccessfulCreate',
        message: 'create Pod mariadb-sts-0 in StatefulSet mariadb-sts successful',
        type: 'Normal',
        source: { component: 'statefulset-controller' },
        count: 1,
      } as unknown as KubeObject,
    };
    expect(
      evaluateCheck(
        { event: { reason: 'SuccessfulCreate', name: 'mariadb-sts', messageIncludes: 'Pod mariadb-sts-0' } },
        s,
      ),
    ).toBe(true);
    expect(evaluateCheck({ event: { reason: 'SuccessfulDelete' } }, s)).toBe(false);
  });
});

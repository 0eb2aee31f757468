import { describe, expect, it } from 'vitest';
import type { ControllerRevision, Endpoints, StorageClass } from '../../../core/api/types.ts';
import { toTimestamp } from '../../../core/clock/virtualClock.ts';
import { noResourcesMessage, printTable, printTables } from './tables.ts';
import {
  boundClaim,
  boundVolume,
  MIN,
  PV_NAME,
  pendingPod,
  runningPod,
  SEC,
  service,
  statefulSet,
} from './testFixtures.ts';

describe('kubectl get tables (spec samples, byte for byte)', () => {
  it('get sts: the book row', () => {
    const now = 10 * MIN;
    expect(printTable('StatefulSet', [statefulSet(now - 70 * SEC, 3)], { now })).toBe(
      'NAME          READY   AGE\nmariadb-sts   3/3     70s\n',
    );
  });

  it('get sts -o wide', () => {
    const now = 10 * MIN;
    expect(printTable('StatefulSet', [statefulSet(now - 70 * SEC, 3)], { now, wide: true })).toBe(
      'NAME          READY   AGE   CONTAINERS   IMAGES\nmariadb-sts   3/3     70s   mariadb      mariadb:11.4\n',
    );
  });

  it('get pod -o wide', () => {
    const now = 10 * MIN;
    const pods = [
      runningPod('mariadb-sts-0', now - (3 * MIN + 30 * SEC), '10.244.0.16'),
      runningPod('mariadb-sts-1', now - (3 * MIN + 10 * SEC), '10.244.0.17'),
      pendingPod('mariadb-sts-2', now - 2 * SEC),
    ];
    expect(printTable('Pod', pods, { now, wide: true })).toBe(
      [
        'NAME            READY   STATUS    RESTARTS   AGE     IP            NODE       NOMINATED NODE   READINESS GATES',
        'mariadb-sts-0   1/1     Running   0          3m30s   10.244.0.16   minikube   <none>           <none>',
        'mariadb-sts-1   1/1     Running   0          3m10s   10.244.0.17   minikube   <none>           <none>',
        'mariadb-sts-2   0/1     Pending   0          2s      <none>        <none>     <none>           <none>',
        '',
      ].join('\n'),
    );
  });

  it('get pvc and get pv (1.30 server: VOLUMEATTRIBUTESCLASS <unset>)', () => {
    const now = 10 * MIN;
    expect(printTable('PersistentVolumeClaim', [boundClaim(now - 117 * SEC)], { now })).toBe(
      'NAME                 STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS      VOLUMEATTRIBUTESCLASS   AGE\n' +
        `dbvl-mariadb-sts-0   Bound    ${PV_NAME}   20Mi       RWO            csi-hostpath-sc   <unset>                 117s\n`,
    );
    expect(printTable('PersistentVolume', [boundVolume(now - 117 * SEC)], { now })).toBe(
      'NAME                                       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM                        STORAGECLASS      VOLUMEATTRIBUTESCLASS   REASON   AGE\n' +
        `${PV_NAME}   20Mi       RWO            Delete           Bound    default/dbvl-mariadb-sts-0   csi-hostpath-sc   <unset>                          117s\n`,
    );
  });

  it('a pending claim shows empty VOLUME, CAPACITY and ACCESS MODES', () => {
    const pvc = boundClaim(0);
    pvc.metadata.name = 'web-data';
    pvc.spec.storageClassName = 'standard';
    pvc.spec.volumeName = undefined;
    pvc.status = { phase: 'Pending' };
    expect(printTable('PersistentVolumeClaim', [pvc], { now: 0 })).toBe(
      'NAME       STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n' +
        'web-data   Pending                                      standard       <unset>                 0s\n',
    );
  });

  it('get svc', () => {
    const now = 25 * MIN;
    const svcs = [
      service('kubernetes', 0, '10.96.0.1', 443),
      service('mariadb-svc', now - (2 * MIN + 59 * SEC), 'None', 3306),
    ];
    expect(printTable('Service', svcs, { now })).toBe(
      'NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)    AGE\n' +
        'kubernetes    ClusterIP   10.96.0.1    <none>        443/TCP    25m\n' +
        'mariadb-svc   ClusterIP   None         <none>        3306/TCP   2m59s\n',
    );
  });

  it('get endpoints lists ready addresses ip:port', () => {
    const ep: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name: 'mariadb-svc',
        namespace: 'default',
        uid: 'e',
        resourceVersion: '1',
        creationTimestamp: toTimestamp(0),
      },
      subsets: [
        {
          addresses: ['10.244.0.16', '10.244.0.17', '10.244.0.18'].map((ip) => ({ ip })),
          ports: [{ port: 3306, protocol: 'TCP' }],
        },
      ],
    };
    expect(printTable('Endpoints', [ep], { now: 3 * MIN })).toBe(
      'NAME          ENDPOINTS                                            AGE\n' +
        'mariadb-svc   10.244.0.16:3306,10.244.0.17:3306,10.244.0.18:3306   3m\n',
    );
    ep.subsets?.[0].addresses?.push({ ip: '10.244.0.19' });
    expect(printTable('Endpoints', [ep], { now: 0 })).toContain('10.244.0.18:3306 + 1 more...');
  });

  it('get sc marks the default class', () => {
    const sc = (name: string, provisioner: string, created: number, isDefault: boolean): StorageClass => ({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name,
        uid: name,
        resourceVersion: '1',
        creationTimestamp: toTimestamp(created),
        annotations: isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {},
      },
      provisioner,
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
    });
    const now = 10 * MIN;
    expect(
      printTable(
        'StorageClass',
        [
          sc('csi-hostpath-sc', 'hostpath.csi.k8s.io', now - (4 * MIN + 31 * SEC), false),
          sc('standard', 'k8s.io/minikube-hostpath', now - (5 * MIN + 44 * SEC), true),
        ],
        { now },
      ),
    ).toBe(
      'NAME                 PROVISIONER                RECLAIMPOLICY   VOLUMEBINDINGMODE   ALLOWVOLUMEEXPANSION   AGE\n' +
        'csi-hostpath-sc      hostpath.csi.k8s.io        Delete          Immediate           false                  4m31s\n' +
        'standard (default)   k8s.io/minikube-hostpath   Delete          Immediate           false                  5m44s\n',
    );
  });

  it('get controllerrevisions names the controller kind.group/name', () => {
    const cr: ControllerRevision = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: 'mariadb-sts-7c9d8f6b5',
        namespace: 'default',
        uid: 'c',
        resourceVersion: '1',
        creationTimestamp: toTimestamp(0),
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'mariadb-sts', uid: 's', controller: true },
        ],
      },
      data: {},
      revision: 1,
    };
    expect(printTable('ControllerRevision', [cr], { now: 10 * MIN })).toBe(
      'NAME                    CONTROLLER                     REVISION   AGE\n' +
        'mariadb-sts-7c9d8f6b5   statefulset.apps/mariadb-sts   1          10m\n',
    );
  });
});

describe('pod STATUS and RESTARTS', () => {
  it('shows ContainerCreating, Terminating and N (Xs ago)', () => {
    const now = 10 * MIN;
    const creating = pendingPod('p', 0);
    creating.status.containerStatuses = [
      {
        name: 'mariadb',
        state: { waiting: { reason: 'ContainerCreating' } },
        lastState: {},
        ready: false,
        restartCount: 0,
        image: 'mariadb:11.4',
        imageID: '',
      },
    ];
    const crashed = runningPod('q', 0, '10.244.0.9');
    const st = crashed.status.containerStatuses?.[0];
    if (!st) throw new Error('fixture');
    st.restartCount = 1;
    st.lastState = { terminated: { exitCode: 1, reason: 'Error', finishedAt: toTimestamp(now - 21 * SEC) } };
    const deleting = runningPod('r', 0, '10.244.0.10');
    deleting.metadata.deletionTimestamp = toTimestamp(now);
    const text = printTable('Pod', [creating, crashed, deleting], { now });
    expect(text.split('\n')[1]).toMatch(/^p +0\/1 +ContainerCreating +0 +10m$/);
    expect(text.split('\n')[2]).toMatch(/^q +1\/1 +Running +1 \(21s ago\) +10m$/);
    expect(text.split('\n')[3]).toMatch(/^r +1\/1 +Terminating +0 +10m$/);
    // RESTARTS is as wide as `1 (21s ago)` + 3, as in the book
    expect(text.split('\n')[0]).toContain('RESTARTS      AGE');
  });
});

describe('decorations and several kinds', () => {
  it('prints one table per kind with kind-prefixed names and a blank line between them', () => {
    const now = 10 * MIN;
    const r = printTables(
      [
        { kind: 'Pod', objects: [runningPod('mariadb-sts-0', now - 70 * SEC, '10.244.0.16')] },
        { kind: 'StatefulSet', objects: [statefulSet(now - 70 * SEC, 1, 1)] },
      ],
      { now, withKind: true },
    );
    expect(r).toEqual({
      printed: true,
      text:
        'NAME                READY   STATUS    RESTARTS   AGE\npod/mariadb-sts-0   1/1     Running   0          70s\n\n' +
        `${'NAME'.padEnd('statefulset.apps/mariadb-sts'.length + 3)}READY   AGE\nstatefulset.apps/mariadb-sts   1/1     70s\n`,
    });
  });

  it('skips empty kinds and reports when nothing was printed', () => {
    const r = printTables([{ kind: 'Pod', objects: [] }], { now: 0 });
    expect(r).toEqual({ text: '', printed: false });
    expect(noResourcesMessage(['Pod'], 'default', false)).toBe('No resources found in default namespace.');
    expect(noResourcesMessage(['PersistentVolume'], 'default', false)).toBe('No resources found');
    expect(noResourcesMessage(['Pod'], 'default', true)).toBe('No resources found');
  });

  it('-A, --show-labels, -L and --no-headers', () => {
    const pod = runningPod('mariadb-sts-0', 0, '10.244.0.16');
    const text = printTable('Pod', [pod], {
      now: 70 * SEC,
      showNamespace: true,
      labelColumns: ['statefulset.kubernetes.io/pod-name'],
      showLabels: true,
    });
    expect(text.split('\n')[0]).toBe(
      'NAMESPACE   NAME            READY   STATUS    RESTARTS   AGE   POD-NAME        LABELS',
    );
    expect(text.split('\n')[1]).toBe(
      'default     mariadb-sts-0   1/1     Running   0          70s   mariadb-sts-0   app=mariadb,statefulset.kubernetes.io/pod-name=mariadb-sts-0',
    );
    expect(printTable('Pod', [pod], { now: 0, noHeaders: true })).toBe(
      'mariadb-sts-0   1/1   Running   0     0s\n',
    );
  });

  it('--sort-by orders rows by the JSONPath value (natural order for strings)', () => {
    const pods = ['web-10', 'web-2', 'web-1'].map((n, i) => runningPod(n, i * SEC, '10.0.0.1'));
    const names = (opts: { sortBy: string }) =>
      printTable('Pod', pods, { now: 60 * SEC, noHeaders: true, ...opts })
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' ')[0]);
    expect(names({ sortBy: '.metadata.name' })).toEqual(['web-1', 'web-2', 'web-10']);
    expect(names({ sortBy: '{.metadata.creationTimestamp}' })).toEqual(['web-10', 'web-2', 'web-1']);
    expect(printTables([{ kind: 'Pod', objects: pods }], { now: 0, sortBy: '{{bad' })).toEqual({
      error:
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    });
  });
});

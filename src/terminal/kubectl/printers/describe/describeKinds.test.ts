import { describe, expect, it } from 'vitest';
import type { Node, Pod, Secret, StorageClass } from '../../../../core/api/types.ts';
import { fromTimestamp, toTimestamp } from '../../../../core/clock/virtualClock.ts';
import { MIN, runningPod } from '../testFixtures.ts';
import { describeStorageClass } from './describeClusterObjects.ts';
import { describeSecret } from './describeConfig.ts';
import { camelSplit, smartLabel } from './describeGeneric.ts';
import { describeNode, nodeRoles } from './describeNode.ts';
import { addQuantity, parseQuantity, quantityText } from './resourceQuantity.ts';

const T0 = fromTimestamp('2024-06-01T10:00:00Z');
const q = (s: string) => parseQuantity(s) ?? expect.fail(`not a quantity: ${s}`);

describe('resource quantities', () => {
  it('prints canonical quantities as Quantity.String does', () => {
    expect(quantityText(q('100m'))).toBe('100m');
    expect(quantityText(q('0.5'))).toBe('500m');
    expect(quantityText(q('2'))).toBe('2');
    expect(quantityText(q('1000m'))).toBe('1');
    expect(quantityText(q('3921592Ki'))).toBe('3921592Ki');
    expect(quantityText(q('1024Mi'))).toBe('1Gi');
    expect(quantityText(q('2000'))).toBe('2k');
    expect(quantityText(q('0'))).toBe('0');
  });
  it('adds requests the way describe node totals them (first operand keeps its format)', () => {
    const cpu = ['100m', '100m', '250m', '200m', '100m'].map(q).reduce(addQuantity);
    expect(quantityText(cpu)).toBe('750m');
    expect(quantityText(addQuantity(q('70Mi'), q('100Mi')))).toBe('170Mi');
    expect(quantityText(addQuantity(q('0'), q('70Mi')))).toBe('70Mi');
  });
  it('rejects text that is not a quantity', () => {
    expect(parseQuantity('abc')).toBeUndefined();
    expect(parseQuantity('1Xi')).toBeUndefined();
  });
});

describe('generic describer field labels', () => {
  it('turns field names into words as smartLabelFor', () => {
    expect(camelSplit('HTTPServer')).toEqual(['HTTP', 'Server']);
    expect(smartLabel('apiVersion')).toBe('API Version');
    expect(smartLabel('uid')).toBe('UID');
    expect(smartLabel('terminationGracePeriodSeconds')).toBe('Termination Grace Period Seconds');
    expect(smartLabel('$patch')).toBe('$patch');
  });
});

function node(): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'minikube',
      uid: 'u-node',
      creationTimestamp: toTimestamp(T0),
      labels: { 'kubernetes.io/hostname': 'minikube', 'node-role.kubernetes.io/control-plane': '' },
    },
    spec: { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'] },
    status: {
      addresses: [{ type: 'InternalIP', address: '192.168.49.2' }],
      capacity: { cpu: '2', memory: '3921592Ki', pods: '110' },
      allocatable: { cpu: '2', memory: '3921592Ki', pods: '110' },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: toTimestamp(T0),
          lastTransitionTime: toTimestamp(T0),
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      nodeInfo: { kubeletVersion: 'v1.30.0', kubeProxyVersion: 'v1.30.0' },
    },
  } as unknown as Node;
}

function withResources(pod: Pod, requests: Record<string, string>, limits: Record<string, string> = {}): Pod {
  pod.spec.containers[0].resources = { requests, limits };
  return pod;
}

describe('describe node', () => {
  const pods = [
    withResources(
      runningPod('coredns', T0, '10.244.0.2'),
      { cpu: '100m', memory: '70Mi' },
      { memory: '170Mi' },
    ),
    withResources(runningPod('etcd', T0, '10.244.0.3'), { cpu: '100m', memory: '100Mi' }),
  ];
  const text = describeNode(node(), pods, { now: T0 + 5 * MIN + 15_000, events: [] });

  it('names the role from the node-role label', () => {
    expect(nodeRoles(node())).toEqual(['control-plane']);
    expect(text).toContain('\nRoles:              control-plane\n');
  });
  it('shows the lease renewed on the 10 s beat and the conditions table', () => {
    expect(text).toContain(
      'Lease:\n  HolderIdentity:  minikube\n  AcquireTime:     <unset>\n  RenewTime:       Sat, 01 Jun 2024 10:05:10 +0000\n',
    );
    expect(text).toContain(
      '  Ready   True    Sat, 01 Jun 2024 10:00:00 +0000   Sat, 01 Jun 2024 10:00:00 +0000   KubeletReady   kubelet is posting ready status\n',
    );
  });
  it('lists each pod with its requests and limits as a share of allocatable', () => {
    const row = text.split('\n').find((l) => l.includes('coredns')) ?? '';
    expect(row.trim().split(/\s{2,}/)).toEqual([
      'default',
      'coredns',
      '100m (5%)',
      '0 (0%)',
      '70Mi (1%)',
      '170Mi (4%)',
      '5m15s',
    ]);
    expect(text).toContain('Non-terminated Pods:');
    expect(text).toContain('(2 in total)');
  });
  it('totals the allocated resources', () => {
    const rows = text.slice(text.indexOf('Allocated resources:')).split('\n');
    expect(rows[1]).toBe('  (Total limits may be over 100 percent, i.e., overcommitted.)');
    expect(
      rows
        .find((l) => l.trim().startsWith('cpu'))
        ?.trim()
        .split(/\s{2,}/),
    ).toEqual(['cpu', '200m (10%)', '0 (0%)']);
    expect(
      rows
        .find((l) => l.trim().startsWith('memory'))
        ?.trim()
        .split(/\s{2,}/),
    ).toEqual(['memory', '170Mi (4%)', '170Mi (4%)']);
  });
});

describe('describe secret and storageclass', () => {
  it('hides secret values behind their byte counts', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: { name: 'db-pass', namespace: 'default', uid: 'u', creationTimestamp: toTimestamp(T0) },
      data: { password: 'c2VjcmV0', user: 'cm9vdA==' },
    } as unknown as Secret;
    expect(describeSecret(secret)).toBe(
      'Name:         db-pass\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\n' +
        'Type:  Opaque\n\nData\n====\npassword:  6 bytes\nuser:      4 bytes\n',
    );
  });
  it("prints minikube's standard class with IsDefaultClass and the annotations on one line", () => {
    const sc = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: 'standard',
        uid: 'u',
        creationTimestamp: toTimestamp(T0),
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      },
      provisioner: 'k8s.io/minikube-hostpath',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
    } as unknown as StorageClass;
    expect(describeStorageClass(sc, { now: T0, events: [] })).toBe(
      [
        'Name:                  standard',
        'IsDefaultClass:        Yes',
        'Annotations:           storageclass.kubernetes.io/is-default-class=true',
        'Provisioner:           k8s.io/minikube-hostpath',
        'Parameters:            <none>',
        'AllowVolumeExpansion:  <unset>',
        'MountOptions:          <none>',
        'ReclaimPolicy:         Delete',
        'VolumeBindingMode:     Immediate',
        'Events:                <none>',
        '',
      ].join('\n'),
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { Endpoints } from '../../../../core/api/types.ts';
import { toTimestamp } from '../../../../core/clock/virtualClock.ts';
import {
  boundClaim,
  boundVolume,
  MIN,
  runningPod,
  SEC,
  service,
  statefulSet,
  stsEvent,
} from '../testFixtures.ts';
import { describePod } from './describePod.ts';
import { describeService } from './describeService.ts';
import { describeStatefulSet } from './describeStatefulSet.ts';
import { describePersistentVolume, describePersistentVolumeClaim } from './describeStorage.ts';

// kubectl-output.md §8, the describe statefulset sample
const STS_SAMPLE = `Name:               mariadb-sts
Namespace:          default
CreationTimestamp:  Sat, 01 Jun 2024 10:00:00 +0000
Selector:           app=mariadb
Labels:             <none>
Annotations:        <none>
Replicas:           3 desired | 3 total
Update Strategy:    RollingUpdate
  Partition:        0
Pods Status:        3 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=mariadb
  Containers:
   mariadb:
    Image:      mariadb:11.4
    Port:       3306/TCP
    Host Port:  0/TCP
    Environment:
      MARIADB_ROOT_PASSWORD:  <set to the key 'password' in secret 'mariadb-secret'>  Optional: false
    Mounts:
      /var/lib/mysql from dbvl (rw)
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Volume Claims:
  Name:          dbvl
  StorageClass:  csi-hostpath-sc
  Labels:        <none>
  Annotations:   <none>
  Capacity:      20Mi
  Access Modes:  [ReadWriteOnce]
Events:
  Type    Reason            Age    From                    Message
  ----    ------            ----   ----                    -------
  Normal  SuccessfulCreate  3m     statefulset-controller  create Claim dbvl-mariadb-sts-0 Pod mariadb-sts-0 in StatefulSet mariadb-sts success
  Normal  SuccessfulCreate  3m     statefulset-controller  create Pod mariadb-sts-0 in StatefulSet mariadb-sts successful
  Normal  SuccessfulCreate  2m59s  statefulset-controller  create Claim dbvl-mariadb-sts-1 Pod mariadb-sts-1 in StatefulSet mariadb-sts success
  Normal  SuccessfulCreate  2m59s  statefulset-controller  create Pod mariadb-sts-1 in StatefulSet mariadb-sts successful
`;

describe('kubectl describe statefulset', () => {
  it('reproduces the spec sample byte for byte', () => {
    const sts = statefulSet(0, 3);
    const pods = [0, 1, 2].map((i) => runningPod(`mariadb-sts-${i}`, i * SEC, `10.244.0.${16 + i}`));
    const events = [
      stsEvent('create Claim dbvl-mariadb-sts-0 Pod mariadb-sts-0 in StatefulSet mariadb-sts success', 0),
      stsEvent('create Pod mariadb-sts-0 in StatefulSet mariadb-sts successful', 0),
      stsEvent('create Claim dbvl-mariadb-sts-1 Pod mariadb-sts-1 in StatefulSet mariadb-sts success', SEC),
      stsEvent('create Pod mariadb-sts-1 in StatefulSet mariadb-sts successful', SEC),
    ];
    expect(describeStatefulSet(sts, pods, { now: 3 * MIN, events })).toBe(STS_SAMPLE);
  });

  it('shows `Events:` + <none> aligned with its block, and repeated events as `x N over`', () => {
    const sts = statefulSet(0, 0);
    const none = describeStatefulSet(sts, [], { now: 0, events: [] });
    // `Events:` joins the Volume Claims block, so it is padded to `  Access Modes:` + 2
    expect(none.endsWith('  Access Modes:  [ReadWriteOnce]\nEvents:          <none>\n')).toBe(true);
    expect(none).toContain('Pods Status:        0 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
    const repeated = stsEvent('create Pod web-0 in StatefulSet web failed', 14 * MIN - 96 * SEC, 19, 0);
    repeated.type = 'Warning';
    repeated.reason = 'FailedCreate';
    const text = describeStatefulSet(sts, [], { now: 14 * MIN, events: [repeated] });
    expect(text).toContain(
      '  Warning  FailedCreate  96s (x19 over 14m)  statefulset-controller  create Pod web-0',
    );
  });
});

describe('kubectl describe pod', () => {
  it('prints node/hostIP, IPs, Controlled By, container state and conditions with trailing spaces', () => {
    const pod = runningPod('mariadb-sts-0', 0, '10.244.0.16');
    pod.spec.serviceAccountName = 'default';
    pod.spec.priority = 0;
    pod.status.startTime = toTimestamp(SEC);
    const text = describePod(pod, { now: 3 * MIN, events: [] });
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'Name:             mariadb-sts-0',
      'Namespace:        default',
      'Priority:         0',
      'Service Account:  default',
      'Node:             minikube/192.168.49.2',
    ]);
    expect(text).toContain('Start Time:       Sat, 01 Jun 2024 10:00:01 +0000\n');
    expect(text).toContain('IPs:\n  IP:           10.244.0.16\nControlled By:  StatefulSet/mariadb-sts\n');
    expect(text).toContain(
      '    State:          Running\n      Started:      Sat, 01 Jun 2024 10:00:19 +0000\n',
    );
    // the condition rows keep describe's trailing space; the block runs on through Events
    expect(text).toContain(
      'Conditions:\n  Type           Status\n  Ready          True \nVolumes:         <none>\n',
    );
    expect(text).toContain('Tolerations:     <none>\nEvents:          <none>\n');
    expect(text).toContain('    Port:           <none>\n    Host Port:      <none>\n');
  });

  it('shows Terminating (lasts N) once deleted', () => {
    const pod = runningPod('mariadb-sts-0', 0, '10.244.0.16');
    pod.metadata.deletionTimestamp = toTimestamp(MIN);
    pod.metadata.deletionGracePeriodSeconds = 30;
    const text = describePod(pod, { now: MIN + 5 * SEC, events: [] });
    expect(text).toMatch(/Status: +Terminating \(lasts 5s\)\nTermination Grace Period: +30s\n/);
  });
});

describe('kubectl describe pvc / pv / service', () => {
  it('pvc lists finalizers, capacity and Used By', () => {
    const pvc = boundClaim(0);
    const text = describePersistentVolumeClaim(pvc, ['mariadb-sts-0'], { now: MIN, events: [] });
    expect(text).toContain(`Volume:        ${pvc.spec.volumeName}\n`);
    expect(text).toContain('Finalizers:    [kubernetes.io/pvc-protection]\n');
    expect(text).toContain(
      'Capacity:      20Mi\nAccess Modes:  RWO\nVolumeMode:    Filesystem\nUsed By:       mariadb-sts-0\n',
    );
  });

  it('pv prints claim and CSI source', () => {
    const pv = boundVolume(0);
    pv.spec.csi = { driver: 'hostpath.csi.k8s.io', volumeHandle: 'abc', volumeAttributes: { kind: 'dir' } };
    const text = describePersistentVolume(pv, { now: MIN, events: [] });
    expect(text).toContain('Claim:           default/dbvl-mariadb-sts-0\n');
    expect(text).toContain('Node Affinity:   <none>\n');
    expect(text).toContain(
      'Source:\n    Type:              CSI (a Container Storage Interface (CSI) volume source)\n',
    );
    expect(text).toContain('    Driver:            hostpath.csi.k8s.io\n');
  });

  it('service prints ports and endpoints', () => {
    const svc = service('mariadb-svc', 0, 'None', 3306);
    const ep: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'mariadb-svc', uid: 'e', resourceVersion: '1', creationTimestamp: toTimestamp(0) },
      subsets: [{ addresses: [{ ip: '10.244.0.16' }], ports: [{ port: 3306, protocol: 'TCP' }] }],
    };
    const text = describeService(svc, ep, { now: MIN, events: [] });
    expect(text).toContain(
      'Port:              <unset>  3306/TCP\nTargetPort:        3306/TCP\nEndpoints:         10.244.0.16:3306\n',
    );
    expect(text).toContain('Selector:          app=mariadb\n');
  });
});

/**
 * Test helpers: API objects shaped like the ones the simulated cluster stores for the chapter's
 * manifest (mariadb-sts with a dbvl claim template, headless mariadb-svc), built at chosen virtual
 * instants so ages in the spec's samples can be reproduced. Used only by the printers' tests.
 */
import type {
  KubeEvent,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Service,
  StatefulSet,
} from '../../../core/api/types.ts';
import { toTimestamp } from '../../../core/clock/virtualClock.ts';

export const SEC = 1000;
export const MIN = 60 * SEC;

const meta = (name: string, createdAt: number, namespace: string | undefined = 'default') => ({
  name,
  namespace,
  uid: `uid-${name}`,
  resourceVersion: '1',
  creationTimestamp: toTimestamp(createdAt),
});

export function statefulSet(createdAt: number, ready: number, replicas = 3): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { ...meta('mariadb-sts', createdAt), generation: 1 },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'mariadb' } },
      serviceName: 'mariadb-svc',
      template: {
        metadata: { labels: { app: 'mariadb' } },
        spec: {
          containers: [
            {
              name: 'mariadb',
              image: 'mariadb:11.4',
              ports: [{ containerPort: 3306, protocol: 'TCP' }],
              env: [
                {
                  name: 'MARIADB_ROOT_PASSWORD',
                  valueFrom: { secretKeyRef: { name: 'mariadb-secret', key: 'password' } },
                },
              ],
              volumeMounts: [{ name: 'dbvl', mountPath: '/var/lib/mysql' }],
            },
          ],
        },
      },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      volumeClaimTemplates: [
        {
          metadata: { name: 'dbvl' },
          spec: {
            accessModes: ['ReadWriteOnce'],
            storageClassName: 'csi-hostpath-sc',
            resources: { requests: { storage: '20Mi' } },
          },
        },
      ],
    },
    status: { replicas, readyReplicas: ready, availableReplicas: ready },
  };
}

export function runningPod(name: string, createdAt: number, ip: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...meta(name, createdAt),
      labels: { app: 'mariadb', 'statefulset.kubernetes.io/pod-name': name },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          name: 'mariadb-sts',
          uid: 'uid-mariadb-sts',
          controller: true,
        },
      ],
    },
    spec: { containers: [{ name: 'mariadb', image: 'mariadb:11.4' }], nodeName: 'minikube' },
    status: {
      phase: 'Running',
      podIP: ip,
      podIPs: [{ ip }],
      hostIP: '192.168.49.2',
      conditions: [
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: toTimestamp(createdAt) },
      ],
      containerStatuses: [
        {
          name: 'mariadb',
          state: { running: { startedAt: toTimestamp(createdAt + 19 * SEC) } },
          lastState: {},
          ready: true,
          restartCount: 0,
          image: 'mariadb:11.4',
          imageID: 'docker-pullable://mariadb@sha256:0',
        },
      ],
    },
  };
}

export function pendingPod(name: string, createdAt: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...meta(name, createdAt), labels: { app: 'mariadb' } },
    spec: { containers: [{ name: 'mariadb', image: 'mariadb:11.4' }] },
    status: { phase: 'Pending' },
  };
}

export const PV_NAME = 'pvc-9678f164-24f5-4a1b-8c2d-0e5f3a7b9c11';

export function boundClaim(createdAt: number): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { ...meta('dbvl-mariadb-sts-0', createdAt), finalizers: ['kubernetes.io/pvc-protection'] },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '20Mi' } },
      storageClassName: 'csi-hostpath-sc',
      volumeName: PV_NAME,
      volumeMode: 'Filesystem',
    },
    status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '20Mi' } },
  };
}

export function boundVolume(createdAt: number): PersistentVolume {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: meta(PV_NAME, createdAt, undefined),
    spec: {
      capacity: { storage: '20Mi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'csi-hostpath-sc',
      volumeMode: 'Filesystem',
      claimRef: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        namespace: 'default',
        name: 'dbvl-mariadb-sts-0',
        uid: 'uid-dbvl-mariadb-sts-0',
      },
    },
    status: { phase: 'Bound' },
  };
}

export function service(name: string, createdAt: number, clusterIP: string, port: number): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, createdAt),
    spec: {
      type: 'ClusterIP',
      clusterIP,
      clusterIPs: [clusterIP],
      ports: [{ port, protocol: 'TCP', targetPort: port }],
      selector: name === 'kubernetes' ? undefined : { app: 'mariadb' },
    },
  };
}

export function stsEvent(message: string, at: number, count = 1, firstAt = at): KubeEvent {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta(`mariadb-sts.${at}`, firstAt),
    involvedObject: {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      name: 'mariadb-sts',
      namespace: 'default',
      uid: 'u',
    },
    reason: 'SuccessfulCreate',
    message,
    type: 'Normal',
    source: { component: 'statefulset-controller' },
    count,
    firstTimestamp: toTimestamp(firstAt),
    lastTimestamp: toTimestamp(at),
  };
}

/**
 * The structural schema of every kind the lab serves, keyed by kind: the Go struct the apiserver
 * decodes a request body of that kind into (k8s.io/api core/v1, apps/v1, storage/v1, discovery/v1,
 * 1.30; the other apps/v1 workloads in schemaApps.ts, ConfigMap/Secret/ServiceAccount in
 * schemaConfig.ts). Lab difference: Node status details, Namespace conditions and Event series are open
 * (written only by the cluster itself).
 */
import { daemonSet, deployment, replicaSet } from './schemaApps.ts';
import { configMap, secret, serviceAccount } from './schemaConfig.ts';
import { labelSelector, objectMeta, objectReference, resourceList } from './schemaMeta.ts';
import { endpointSlice, endpoints, service, typeMeta } from './schemaNetwork.ts';
import { podSpec, podTemplateSpec } from './schemaPod.ts';
import { podStatus } from './schemaPodStatus.ts';
import { persistentVolume, persistentVolumeClaim, storageClass } from './schemaStorage.ts';
import {
  bool,
  int32,
  int64,
  intOrString,
  list,
  named,
  open,
  str,
  struct,
  type TypeNode,
  time,
} from './schemaTypes.ts';

const pod = struct('v1', 'Pod', [
  ...typeMeta,
  ['metadata', objectMeta],
  ['spec', podSpec],
  ['status', podStatus],
]);

const statefulSet = struct('v1', 'StatefulSet', [
  ...typeMeta,
  ['metadata', objectMeta],
  [
    'spec',
    struct('v1', 'StatefulSetSpec', [
      ['replicas', int32],
      ['selector', labelSelector],
      ['template', podTemplateSpec],
      ['volumeClaimTemplates', list(persistentVolumeClaim)],
      ['serviceName', str],
      ['podManagementPolicy', named('v1.PodManagementPolicyType')],
      [
        'updateStrategy',
        struct('v1', 'StatefulSetUpdateStrategy', [
          ['type', named('v1.StatefulSetUpdateStrategyType')],
          [
            'rollingUpdate',
            struct('v1', 'RollingUpdateStatefulSetStrategy', [
              ['partition', int32],
              ['maxUnavailable', intOrString],
            ]),
          ],
        ]),
      ],
      ['revisionHistoryLimit', int32],
      ['minReadySeconds', int32],
      [
        'persistentVolumeClaimRetentionPolicy',
        struct('v1', 'StatefulSetPersistentVolumeClaimRetentionPolicy', [
          ['whenDeleted', named('v1.PersistentVolumeClaimRetentionPolicyType')],
          ['whenScaled', named('v1.PersistentVolumeClaimRetentionPolicyType')],
        ]),
      ],
      ['ordinals', struct('v1', 'StatefulSetOrdinals', [['start', int32]])],
    ]),
  ],
  [
    'status',
    struct('v1', 'StatefulSetStatus', [
      ['observedGeneration', int64],
      ['replicas', int32],
      ['readyReplicas', int32],
      ['currentReplicas', int32],
      ['updatedReplicas', int32],
      ['currentRevision', str],
      ['updateRevision', str],
      ['collisionCount', int32],
      [
        'conditions',
        list(
          struct('v1', 'StatefulSetCondition', [
            ['type', named('v1.StatefulSetConditionType')],
            ['status', named('v1.ConditionStatus')],
            ['lastTransitionTime', time],
            ['reason', str],
            ['message', str],
          ]),
        ),
      ],
      ['availableReplicas', int32],
    ]),
  ],
]);

const controllerRevision = struct('v1', 'ControllerRevision', [
  ...typeMeta,
  ['metadata', objectMeta],
  ['data', open],
  ['revision', int64],
]);

const node = struct('v1', 'Node', [
  ...typeMeta,
  ['metadata', objectMeta],
  [
    'spec',
    struct('v1', 'NodeSpec', [
      ['podCIDR', str],
      ['podCIDRs', list(str)],
      ['providerID', str],
      ['unschedulable', bool],
      [
        'taints',
        list(
          struct('v1', 'Taint', [
            ['key', str],
            ['value', str],
            ['effect', named('v1.TaintEffect')],
            ['timeAdded', time],
          ]),
        ),
      ],
      ['configSource', open],
      ['externalID', str],
    ]),
  ],
  [
    'status',
    struct('v1', 'NodeStatus', [
      ['capacity', resourceList],
      ['allocatable', resourceList],
      ['phase', named('v1.NodePhase')],
      ['conditions', list(open)],
      ['addresses', list(open)],
      ['daemonEndpoints', open],
      ['nodeInfo', open],
      ['images', list(open)],
      ['volumesInUse', list(str)],
      ['volumesAttached', list(open)],
      ['config', open],
      ['runtimeHandlers', list(open)],
    ]),
  ],
]);

const namespace = struct('v1', 'Namespace', [
  ...typeMeta,
  ['metadata', objectMeta],
  ['spec', struct('v1', 'NamespaceSpec', [['finalizers', list(named('v1.FinalizerName'))]])],
  [
    'status',
    struct('v1', 'NamespaceStatus', [
      ['phase', named('v1.NamespacePhase')],
      ['conditions', list(open)],
    ]),
  ],
]);

const event = struct('v1', 'Event', [
  ...typeMeta,
  ['metadata', objectMeta],
  ['involvedObject', objectReference],
  ['reason', str],
  ['message', str],
  [
    'source',
    struct('v1', 'EventSource', [
      ['component', str],
      ['host', str],
    ]),
  ],
  ['firstTimestamp', time],
  ['lastTimestamp', time],
  ['count', int32],
  ['type', str],
  ['eventTime', time],
  ['series', open],
  ['action', str],
  ['related', objectReference],
  ['reportingComponent', str],
  ['reportingInstance', str],
]);

/** The schema of each served kind, by kind name (see kinds.ts for the kinds). */
export const KIND_SCHEMAS: Readonly<Record<string, TypeNode>> = {
  Pod: pod,
  StatefulSet: statefulSet,
  ControllerRevision: controllerRevision,
  Service: service,
  Endpoints: endpoints,
  EndpointSlice: endpointSlice,
  PersistentVolumeClaim: persistentVolumeClaim,
  PersistentVolume: persistentVolume,
  StorageClass: storageClass,
  Node: node,
  Namespace: namespace,
  Event: event,
  Deployment: deployment,
  ReplicaSet: replicaSet,
  DaemonSet: daemonSet,
  ConfigMap: configMap,
  Secret: secret,
  ServiceAccount: serviceAccount,
};

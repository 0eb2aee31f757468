/**
 * Structural schema of the apps/v1 workload kinds besides StatefulSet: Deployment, ReplicaSet and
 * DaemonSet (k8s.io/api/apps/v1/types.go, 1.30), fields in Go declaration order.
 */
import { labelSelector, objectMeta } from './schemaMeta.ts';
import { typeMeta } from './schemaNetwork.ts';
import { podTemplateSpec } from './schemaPod.ts';
import { bool, int32, int64, intOrString, list, named, str, struct, time } from './schemaTypes.ts';

const deploymentCondition = struct('v1', 'DeploymentCondition', [
  ['type', named('v1.DeploymentConditionType')],
  ['status', named('v1.ConditionStatus')],
  ['lastUpdateTime', time],
  ['lastTransitionTime', time],
  ['reason', str],
  ['message', str],
]);

export const deployment = struct('v1', 'Deployment', [
  ...typeMeta,
  ['metadata', objectMeta],
  [
    'spec',
    struct('v1', 'DeploymentSpec', [
      ['replicas', int32],
      ['selector', labelSelector],
      ['template', podTemplateSpec],
      [
        'strategy',
        struct('v1', 'DeploymentStrategy', [
          ['type', named('v1.DeploymentStrategyType')],
          [
            'rollingUpdate',
            struct('v1', 'RollingUpdateDeployment', [
              ['maxUnavailable', intOrString],
              ['maxSurge', intOrString],
            ]),
          ],
        ]),
      ],
      ['minReadySeconds', int32],
      ['revisionHistoryLimit', int32],
      ['paused', bool],
      ['progressDeadlineSeconds', int32],
    ]),
  ],
  [
    'status',
    struct('v1', 'DeploymentStatus', [
      ['observedGeneration', int64],
      ['replicas', int32],
      ['updatedReplicas', int32],
      ['readyReplicas', int32],
      ['availableReplicas', int32],
      ['unavailableReplicas', int32],
      ['conditions', list(deploymentCondition)],
      ['collisionCount', int32],
    ]),
  ],
]);

export const replicaSet = struct('v1', 'ReplicaSet', [
  ...typeMeta,
  ['metadata', objectMeta],
  [
    'spec',
    struct('v1', 'ReplicaSetSpec', [
      ['replicas', int32],
      ['minReadySeconds', int32],
      ['selector', labelSelector],
      ['template', podTemplateSpec],
    ]),
  ],
  [
    'status',
    struct('v1', 'ReplicaSetStatus', [
      ['replicas', int32],
      ['fullyLabeledReplicas', int32],
      ['readyReplicas', int32],
      ['availableReplicas', int32],
      ['observedGeneration', int64],
      [
        'conditions',
        list(
          struct('v1', 'ReplicaSetCondition', [
            ['type', named('v1.ReplicaSetConditionType')],
            ['status', named('v1.ConditionStatus')],
            ['lastTransitionTime', time],
            ['reason', str],
            ['message', str],
          ]),
        ),
      ],
    ]),
  ],
]);

export const daemonSet = struct('v1', 'DaemonSet', [
  ...typeMeta,
  ['metadata', objectMeta],
  [
    'spec',
    struct('v1', 'DaemonSetSpec', [
      ['selector', labelSelector],
      ['template', podTemplateSpec],
      [
        'updateStrategy',
        struct('v1', 'DaemonSetUpdateStrategy', [
          ['type', named('v1.DaemonSetUpdateStrategyType')],
          [
            'rollingUpdate',
            struct('v1', 'RollingUpdateDaemonSet', [
              ['maxUnavailable', intOrString],
              ['maxSurge', intOrString],
            ]),
          ],
        ]),
      ],
      ['minReadySeconds', int32],
      ['revisionHistoryLimit', int32],
    ]),
  ],
  [
    'status',
    struct('v1', 'DaemonSetStatus', [
      ['currentNumberScheduled', int32],
      ['numberMisscheduled', int32],
      ['desiredNumberScheduled', int32],
      ['numberReady', int32],
      ['observedGeneration', int64],
      ['updatedNumberScheduled', int32],
      ['numberAvailable', int32],
      ['numberUnavailable', int32],
      ['collisionCount', int32],
      [
        'conditions',
        list(
          struct('v1', 'DaemonSetCondition', [
            ['type', named('v1.DaemonSetConditionType')],
            ['status', named('v1.ConditionStatus')],
            ['lastTransitionTime', time],
            ['reason', str],
            ['message', str],
          ]),
        ),
      ],
    ]),
  ],
]);

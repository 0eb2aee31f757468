/**
 * Structural schema of the storage kinds: core/v1 PersistentVolumeClaim and PersistentVolume
 * (k8s.io/api/core/v1/types.go, 1.30) and storage.k8s.io/v1 StorageClass
 * (k8s.io/api/storage/v1/types.go). Lab difference: the in-tree cloud volume sources of a
 * PersistentVolume and the claim's modifyVolumeStatus are open.
 */
import {
  labelSelector,
  nodeSelector,
  objectMeta,
  objectReference,
  resourceList,
  typedLocalObjectReference,
  typedObjectReference,
  volumeResourceRequirements,
} from './schemaMeta.ts';
import { bool, list, map, named, open, str, struct, type TypeNode, time } from './schemaTypes.ts';

const accessModes = list(named('v1.PersistentVolumeAccessMode'));

export const persistentVolumeClaimSpec = struct('v1', 'PersistentVolumeClaimSpec', [
  ['accessModes', accessModes],
  ['selector', labelSelector],
  ['resources', volumeResourceRequirements],
  ['volumeName', str],
  ['storageClassName', str],
  ['volumeMode', named('v1.PersistentVolumeMode')],
  ['dataSource', typedLocalObjectReference],
  ['dataSourceRef', typedObjectReference],
  ['volumeAttributesClassName', str],
]);

export const persistentVolumeClaimStatus = struct('v1', 'PersistentVolumeClaimStatus', [
  ['phase', named('v1.PersistentVolumeClaimPhase')],
  ['accessModes', accessModes],
  ['capacity', resourceList],
  [
    'conditions',
    list(
      struct('v1', 'PersistentVolumeClaimCondition', [
        ['type', named('v1.PersistentVolumeClaimConditionType')],
        ['status', named('v1.ConditionStatus')],
        ['lastProbeTime', time],
        ['lastTransitionTime', time],
        ['reason', str],
        ['message', str],
      ]),
    ),
  ],
  ['allocatedResources', resourceList],
  ['allocatedResourceStatuses', map(named('v1.ClaimResourceStatus'))],
  ['currentVolumeAttributesClassName', str],
  ['modifyVolumeStatus', open],
]);

export const persistentVolumeClaim = struct('v1', 'PersistentVolumeClaim', [
  ['apiVersion', str],
  ['kind', str],
  ['metadata', objectMeta],
  ['spec', persistentVolumeClaimSpec],
  ['status', persistentVolumeClaimStatus],
]);

const secretReference = struct('v1', 'SecretReference', [
  ['name', str],
  ['namespace', str],
]);

/** PersistentVolumeSource (embedded in PersistentVolumeSpec), in Go order. */
const persistentVolumeSources: ReadonlyArray<readonly [string, TypeNode]> = [
  ['gcePersistentDisk', open],
  ['awsElasticBlockStore', open],
  [
    'hostPath',
    struct('v1', 'HostPathVolumeSource', [
      ['path', str],
      ['type', named('v1.HostPathType')],
    ]),
  ],
  ['glusterfs', open],
  [
    'nfs',
    struct('v1', 'NFSVolumeSource', [
      ['server', str],
      ['path', str],
      ['readOnly', bool],
    ]),
  ],
  ['rbd', open],
  ['iscsi', open],
  ['cinder', open],
  ['cephfs', open],
  ['fc', open],
  ['flocker', open],
  ['flexVolume', open],
  ['azureFile', open],
  ['vsphereVolume', open],
  ['quobyte', open],
  ['azureDisk', open],
  ['photonPersistentDisk', open],
  ['portworxVolume', open],
  ['scaleIO', open],
  [
    'local',
    struct('v1', 'LocalVolumeSource', [
      ['path', str],
      ['fsType', str],
    ]),
  ],
  ['storageos', open],
  [
    'csi',
    struct('v1', 'CSIPersistentVolumeSource', [
      ['driver', str],
      ['volumeHandle', str],
      ['readOnly', bool],
      ['fsType', str],
      ['volumeAttributes', map(str)],
      ['controllerPublishSecretRef', secretReference],
      ['nodeStageSecretRef', secretReference],
      ['nodePublishSecretRef', secretReference],
      ['controllerExpandSecretRef', secretReference],
      ['nodeExpandSecretRef', secretReference],
    ]),
  ],
];

export const persistentVolume = struct('v1', 'PersistentVolume', [
  ['apiVersion', str],
  ['kind', str],
  ['metadata', objectMeta],
  [
    'spec',
    struct('v1', 'PersistentVolumeSpec', [
      ['capacity', resourceList],
      ...persistentVolumeSources,
      ['accessModes', accessModes],
      ['claimRef', objectReference],
      ['persistentVolumeReclaimPolicy', named('v1.PersistentVolumeReclaimPolicy')],
      ['storageClassName', str],
      ['mountOptions', list(str)],
      ['volumeMode', named('v1.PersistentVolumeMode')],
      ['nodeAffinity', struct('v1', 'VolumeNodeAffinity', [['required', nodeSelector]])],
      ['volumeAttributesClassName', str],
    ]),
  ],
  [
    'status',
    struct('v1', 'PersistentVolumeStatus', [
      ['phase', named('v1.PersistentVolumePhase')],
      ['message', str],
      ['reason', str],
      ['lastPhaseTransitionTime', time],
    ]),
  ],
]);

export const storageClass = struct('v1', 'StorageClass', [
  ['apiVersion', str],
  ['kind', str],
  ['metadata', objectMeta],
  ['provisioner', str],
  ['parameters', map(str)],
  ['reclaimPolicy', named('v1.PersistentVolumeReclaimPolicy')],
  ['mountOptions', list(str)],
  ['allowVolumeExpansion', bool],
  ['volumeBindingMode', named('v1.VolumeBindingMode')],
  [
    'allowedTopologies',
    list(
      struct('v1', 'TopologySelectorTerm', [
        [
          'matchLabelExpressions',
          list(
            struct('v1', 'TopologySelectorLabelRequirement', [
              ['key', str],
              ['values', list(str)],
            ]),
          ),
        ],
      ]),
    ),
  ],
]);

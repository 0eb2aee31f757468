/**
 * Structural schema of core/v1 Volume and its VolumeSource (k8s.io/api/core/v1/types.go, 1.30),
 * flattened as its JSON is. Lab difference: the cloud and legacy volume sources (gcePersistentDisk,
 * rbd, iscsi...) and clusterTrustBundle projections are open: their names are known fields, their
 * contents are not checked.
 */
import { objectFieldSelector, resourceFieldSelector } from './schemaContainer.ts';
import { localObjectReference, objectMeta } from './schemaMeta.ts';
import { persistentVolumeClaimSpec } from './schemaStorage.ts';
import {
  bool,
  int32,
  int64,
  list,
  map,
  named,
  open,
  quantity,
  str,
  struct,
  type TypeNode,
} from './schemaTypes.ts';

const keyToPath = list(
  struct('v1', 'KeyToPath', [
    ['key', str],
    ['path', str],
    ['mode', int32],
  ]),
);

const downwardItems = list(
  struct('v1', 'DownwardAPIVolumeFile', [
    ['path', str],
    ['fieldRef', objectFieldSelector],
    ['resourceFieldRef', resourceFieldSelector],
    ['mode', int32],
  ]),
);

const projection = (name: string, ref: 'name' | 'secretName') =>
  struct('v1', name, [
    [ref, str],
    ['items', keyToPath],
    ['defaultMode', int32],
    ['optional', bool],
  ]);

const volumeProjection = struct('v1', 'VolumeProjection', [
  [
    'secret',
    struct('v1', 'SecretProjection', [
      ['name', str],
      ['items', keyToPath],
      ['optional', bool],
    ]),
  ],
  ['downwardAPI', struct('v1', 'DownwardAPIProjection', [['items', downwardItems]])],
  [
    'configMap',
    struct('v1', 'ConfigMapProjection', [
      ['name', str],
      ['items', keyToPath],
      ['optional', bool],
    ]),
  ],
  [
    'serviceAccountToken',
    struct('v1', 'ServiceAccountTokenProjection', [
      ['audience', str],
      ['expirationSeconds', int64],
      ['path', str],
    ]),
  ],
  ['clusterTrustBundle', open],
]);

/** The volume source kinds, in Go order (VolumeSource, embedded in Volume). */
const volumeSources: ReadonlyArray<readonly [string, TypeNode]> = [
  [
    'hostPath',
    struct('v1', 'HostPathVolumeSource', [
      ['path', str],
      ['type', named('v1.HostPathType')],
    ]),
  ],
  [
    'emptyDir',
    struct('v1', 'EmptyDirVolumeSource', [
      ['medium', named('v1.StorageMedium')],
      ['sizeLimit', quantity],
    ]),
  ],
  ['gcePersistentDisk', open],
  ['awsElasticBlockStore', open],
  ['gitRepo', open],
  ['secret', projection('SecretVolumeSource', 'secretName')],
  [
    'nfs',
    struct('v1', 'NFSVolumeSource', [
      ['server', str],
      ['path', str],
      ['readOnly', bool],
    ]),
  ],
  ['iscsi', open],
  ['glusterfs', open],
  [
    'persistentVolumeClaim',
    struct('v1', 'PersistentVolumeClaimVolumeSource', [
      ['claimName', str],
      ['readOnly', bool],
    ]),
  ],
  ['rbd', open],
  ['flexVolume', open],
  ['cinder', open],
  ['cephfs', open],
  ['flocker', open],
  [
    'downwardAPI',
    struct('v1', 'DownwardAPIVolumeSource', [
      ['items', downwardItems],
      ['defaultMode', int32],
    ]),
  ],
  ['fc', open],
  ['azureFile', open],
  ['configMap', projection('ConfigMapVolumeSource', 'name')],
  ['vsphereVolume', open],
  ['quobyte', open],
  ['azureDisk', open],
  ['photonPersistentDisk', open],
  [
    'projected',
    struct('v1', 'ProjectedVolumeSource', [
      ['sources', list(volumeProjection)],
      ['defaultMode', int32],
    ]),
  ],
  ['portworxVolume', open],
  ['scaleIO', open],
  ['storageos', open],
  [
    'csi',
    struct('v1', 'CSIVolumeSource', [
      ['driver', str],
      ['readOnly', bool],
      ['fsType', str],
      ['volumeAttributes', map(str)],
      ['nodePublishSecretRef', localObjectReference],
    ]),
  ],
  [
    'ephemeral',
    struct('v1', 'EphemeralVolumeSource', [
      [
        'volumeClaimTemplate',
        struct('v1', 'PersistentVolumeClaimTemplate', [
          ['metadata', objectMeta],
          ['spec', persistentVolumeClaimSpec],
        ]),
      ],
    ]),
  ],
];

export const volume = struct('v1', 'Volume', [['name', str], ...volumeSources]);

/**
 * Structural schema of the core/v1 configuration kinds: ConfigMap, Secret and ServiceAccount
 * (k8s.io/api/core/v1/types.go, 1.30), fields in Go declaration order. Secret.data and
 * ConfigMap.binaryData hold `[]byte` values: base64 strings in JSON.
 */
import { localObjectReference, objectMeta, objectReference } from './schemaMeta.ts';
import { typeMeta } from './schemaNetwork.ts';
import { bool, bytes, list, map, named, str, struct } from './schemaTypes.ts';

export const configMap = struct('v1', 'ConfigMap', [
  ...typeMeta,
  ['metadata', objectMeta],
  ['immutable', bool],
  ['data', map(str)],
  ['binaryData', map(bytes)],
]);

export const secret = struct('v1', 'Secret', [
  ...typeMeta,
  ['metadata', objectMeta],
  ['immutable', bool],
  ['data', map(bytes)],
  ['stringData', map(str)],
  ['type', named('v1.SecretType')],
]);

export const serviceAccount = struct('v1', 'ServiceAccount', [
  ...typeMeta,
  ['metadata', objectMeta],
  ['secrets', list(objectReference)],
  ['imagePullSecrets', list(localObjectReference)],
  ['automountServiceAccountToken', bool],
]);

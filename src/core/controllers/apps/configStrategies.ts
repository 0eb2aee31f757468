/**
 * Apiserver strategies of ConfigMap, Secret and ServiceAccount, after kubernetes/kubernetes v1.30
 * pkg/apis/core/validation/validation.go (ValidateConfigMap, ValidateConfigMapUpdate,
 * ValidateSecret, ValidateSecretUpdate), pkg/apis/core/v1/defaults.go (SetDefaults_Secret: type
 * Opaque) and pkg/apis/core/v1/conversion.go (Convert_v1_Secret_To_core_Secret: `stringData` is
 * merged into `data`, base64-encoded, and never stored). ServiceAccounts are stored as written.
 * Lab simplifications: the per-type required keys are checked only for kubernetes.io/tls and
 * kubernetes.io/dockerconfigjson; the 1 MiB size limit is not checked.
 */
import type { ConfigMap, KubeObject, Secret } from '../../api/types.ts';
import { type FieldError, forbidden, invalid, required } from '../../apiserver/fieldErrors.ts';
import type { KindStrategy } from '../../apiserver/kindStrategy.ts';
import { encodeBase64 } from './base64.ts';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
const IMMUTABLE_MSG = 'field is immutable when `immutable` is set';

/** IsConfigMapKey for each key under `field` (`data[<key>]`). */
function keyErrors(keys: readonly string[], field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of keys) {
    const f = `${field}[${k}]`;
    if (k.length > 253) errs.push(invalid(f, k, 'must be no more than 253 characters'));
    else if (!CONFIG_KEY.test(k)) errs.push(invalid(f, k, KEY_MSG));
    else if (k === '.' || k === '..') errs.push(invalid(f, k, `must not be '${k}'`));
    else if (k.startsWith('..')) errs.push(invalid(f, k, "must not start with '..'"));
  }
  return errs;
}

/** ValidateConfigMap: keys, and no key in both maps. */
export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const data = cm.data ?? {};
  const binary = cm.binaryData ?? {};
  const errs = keyErrors(Object.keys(data), 'data');
  errs.push(...keyErrors(Object.keys(binary), 'binaryData'));
  for (const k of Object.keys(binary))
    if (k in data) errs.push(invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'));
  return errs;
}

/** ValidateSecret: keys and the type's required keys. */
export function validateSecret(s: Secret): FieldError[] {
  const data = s.data ?? {};
  const errs = keyErrors(Object.keys(data), 'data');
  const need: Record<string, string[]> = {
    'kubernetes.io/tls': ['tls.crt', 'tls.key'],
    'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  };
  for (const k of need[s.type ?? ''] ?? []) if (!(k in data)) errs.push(required(`data[${k}]`));
  return errs;
}

/** The update rules of an immutable object: data and immutability may not change. */
function immutableErrors(
  next: KubeObject & { immutable?: boolean },
  old: KubeObject & { immutable?: boolean },
) {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (next.immutable !== true) errs.push(forbidden('immutable', IMMUTABLE_MSG));
  const o = old as unknown as Record<string, unknown>;
  const n = next as unknown as Record<string, unknown>;
  for (const f of ['data', 'binaryData'])
    if (JSON.stringify(n[f] ?? {}) !== JSON.stringify(o[f] ?? {})) errs.push(forbidden(f, IMMUTABLE_MSG));
  return errs;
}

/** ConfigMap: validated on create and update; immutable ones keep their data. */
export const configMapStrategy: KindStrategy<ConfigMap> = {
  validate: (cm) => validateConfigMap(cm),
  validateUpdate: (cm, old) => [...validateConfigMap(cm), ...immutableErrors(cm, old)],
};

/** Secret: stringData folded into data, type Opaque by default; the type may not change. */
export const secretStrategy: KindStrategy<Secret> = {
  defaults(s) {
    const { stringData, ...rest } = s;
    const out: Secret = { ...rest, type: s.type || 'Opaque' };
    if (stringData && Object.keys(stringData).length > 0) {
      const data = { ...(s.data ?? {}) };
      for (const [k, v] of Object.entries(stringData)) data[k] = encodeBase64(v);
      out.data = data;
    }
    return out;
  },
  validate: (s) => validateSecret(s),
  validateUpdate(s, old) {
    const errs = validateSecret(s);
    if ((s.type ?? '') !== (old.type ?? '')) errs.push(invalid('type', s.type ?? '', 'field is immutable'));
    return [...errs, ...immutableErrors(s, old)];
  },
};

/**
 * The environment a container's process gets from its spec, resolved the way the kubelet does in
 * kubernetes/kubernetes v1.30 pkg/kubelet/kubelet_pods.go makeEnvironmentVariables: `envFrom`
 * (ConfigMaps and Secrets, with their prefix) first, then `env` in order, each `value` expanded with
 * `$(NAME)` references to variables defined before it (third_party/forked/golang/expansion:
 * `$$` escapes, unknown references stay as written), `valueFrom` read from a Secret
 * (`secretKeyRef`, base64-decoded), a ConfigMap (`configMapKeyRef`) or the pod (`fieldRef`).
 * A missing object or key fails the container's start with the kubelet's message unless the
 * reference is optional. Lab difference: `resourceFieldRef` variables are left out.
 */
import type { ConfigMap, Container, Pod, Secret } from '../api/types.ts';
import { decodeBase64 } from '../controllers/apps/base64.ts';
import type { ObjectStore } from '../store/objectStore.ts';

export type EnvResolution = { ok: true; env: Array<[string, string]> } | { ok: false; message: string };

interface KeyRef {
  name?: string;
  key: string;
  optional?: boolean;
}
interface EnvSource {
  prefix?: string;
  configMapRef?: { name?: string; optional?: boolean };
  secretRef?: { name?: string; optional?: boolean };
}
interface ValueFrom {
  secretKeyRef?: KeyRef;
  configMapKeyRef?: KeyRef;
  fieldRef?: { fieldPath: string };
}

/** expansion.Expand: `$(NAME)` from `vars`, `$$` -> `$`, anything else as written. */
export function expandEnv(text: string, vars: ReadonlyMap<string, string>): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$' || i + 1 >= text.length) {
      out += text[i];
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '(') {
      const close = text.indexOf(')', i + 2);
      if (close < 0) {
        out += text.slice(i);
        break;
      }
      const name = text.slice(i + 2, close);
      out += vars.has(name) ? vars.get(name) : `$(${name})`;
      i = close;
    } else out += text[i];
  }
  return out;
}

/** The data of a ConfigMap or Secret as text (Secret values decoded), or the kubelet's error. */
function sourceData(
  store: ObjectStore,
  kind: 'ConfigMap' | 'Secret',
  namespace: string,
  name: string,
): { data: Record<string, string> } | { missing: string } {
  if (kind === 'Secret') {
    const s = store.get<Secret>('Secret', namespace, name);
    if (!s) return { missing: `secret "${name}" not found` };
    return { data: Object.fromEntries(Object.entries(s.data ?? {}).map(([k, v]) => [k, decodeBase64(v)])) };
  }
  const cm = store.get<ConfigMap>('ConfigMap', namespace, name);
  if (!cm) return { missing: `configmap "${name}" not found` };
  const binary = Object.entries(cm.binaryData ?? {}).map(([k, v]) => [k, decodeBase64(v)]);
  return { data: { ...(cm.data ?? {}), ...Object.fromEntries(binary) } };
}

/** podutil's downward-API field paths the kubelet resolves for env (`fieldRef`). */
function fieldValue(pod: Pod, path: string): string | undefined {
  const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (label)
    return (label[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[label[2]] ?? '';
  const fields: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec.nodeName,
    'spec.serviceAccountName': pod.spec.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.hostIPs': pod.status?.hostIPs?.map((x) => x.ip).join(','),
    'status.podIP': pod.status?.podIP,
    'status.podIPs': pod.status?.podIPs?.map((x) => x.ip).join(','),
  };
  return Object.hasOwn(fields, path) ? (fields[path] ?? '') : undefined;
}

/**
 * The container's own variables (envFrom, then env) in the order the kubelet builds them, later
 * definitions of a name replacing earlier ones in place; `base` are the variables `$(NAME)` may
 * also refer to (the service links). The error is the kubelet's CreateContainerConfigError message.
 */
export function resolveContainerEnv(
  store: ObjectStore,
  pod: Pod,
  container: Container,
  base: Readonly<Record<string, string>> = {},
): EnvResolution {
  const ns = pod.metadata.namespace ?? 'default';
  const vars = new Map<string, string>(Object.entries(base));
  const own = new Map<string, string>();
  const set = (k: string, v: string) => {
    vars.set(k, v);
    own.set(k, v);
  };
  for (const src of ((container as { envFrom?: EnvSource[] }).envFrom ?? []) as EnvSource[]) {
    const ref = src.secretRef ?? src.configMapRef;
    const kind = src.secretRef ? 'Secret' : 'ConfigMap';
    if (!ref) continue;
    const found = sourceData(store, kind, ns, ref.name ?? '');
    if ('missing' in found) {
      if (ref.optional) continue;
      return { ok: false, message: found.missing };
    }
    for (const [k, v] of Object.entries(found.data)) set(`${src.prefix ?? ''}${k}`, v);
  }
  for (const e of container.env ?? []) {
    const from = e.valueFrom as ValueFrom | undefined;
    if (!from) {
      set(e.name, expandEnv(e.value ?? '', vars));
      continue;
    }
    if (from.fieldRef) {
      const v = fieldValue(pod, from.fieldRef.fieldPath);
      if (v !== undefined) set(e.name, v);
      continue;
    }
    const ref = from.secretKeyRef ?? from.configMapKeyRef;
    if (!ref) continue;
    const kind = from.secretKeyRef ? 'Secret' : 'ConfigMap';
    const found = sourceData(store, kind, ns, ref.name ?? '');
    if ('missing' in found) {
      if (ref.optional) continue;
      return { ok: false, message: found.missing };
    }
    const data = found.data;
    if (!Object.hasOwn(data, ref.key)) {
      if (ref.optional) continue;
      return { ok: false, message: `couldn't find key ${ref.key} in ${kind} ${ns}/${ref.name ?? ''}` };
    }
    set(e.name, data[ref.key]);
  }
  return { ok: true, env: [...own] };
}

/** The resolved variables as a map ({} when resolution fails: the container would not start). */
export function containerEnvMap(store: ObjectStore, pod: Pod, container: Container): Record<string, string> {
  const r = resolveContainerEnv(store, pod, container);
  return r.ok ? Object.fromEntries(r.env) : {};
}

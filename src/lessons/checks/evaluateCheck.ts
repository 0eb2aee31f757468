/**
 * Evaluates the lesson check language (schema/checkSchema.ts) against a cluster state. Pure and
 * read-only: a check, the state and the remembered values in, true or false out. Readiness follows
 * kubectl's READY column (the pod's Ready condition is True); claims reach their volume's files the way
 * the kubelet mounts them (claim -> spec.volumeName -> PV -> CSI volumeHandle or hostPath path).
 */
import { kindInfo } from '../../core/api/kinds.ts';
import { matchesRequirements, parseSelector } from '../../core/api/labels.ts';
import type {
  KubeEvent,
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
} from '../../core/api/types.ts';
import { volumeIdOf } from '../../core/controllers/storage/volumes.ts';
import type { ClusterState } from '../../core/simulation/clusterState.ts';
import type { Check, CheckValue, Comparison, ObjectRef } from '../schema/checkSchema.ts';
import { getField } from './fieldPath.ts';

/** Values remembered by earlier steps, by name (plain JSON). */
export type LessonVars = Readonly<Record<string, unknown>>;

const DEFAULT_NAMESPACE = 'default';

/** The stored object a reference names, or undefined. */
export function findObject(state: ClusterState, ref: ObjectRef): KubeObject | undefined {
  const info = kindInfo(ref.kind);
  const key = info?.namespaced === false ? ref.name : `${ref.namespace ?? DEFAULT_NAMESPACE}/${ref.name}`;
  return state.objects[ref.kind]?.[key];
}

/** True when the pod's Ready condition is True (kubectl's READY n/n counts these containers' pods). */
export function isPodReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

type Resolved = { ok: true; value: unknown } | { ok: false };

function resolve(v: CheckValue | undefined, vars: LessonVars): Resolved {
  if (v !== null && typeof v === 'object')
    return Object.hasOwn(vars, v.var) ? { ok: true, value: vars[v.var] } : { ok: false };
  return { ok: true, value: v };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True when `actual` passes every comparison given. A comparison with an unknown var fails. */
export function compare(actual: unknown, c: Comparison, vars: LessonVars): boolean {
  if (c.exists !== undefined && (actual !== undefined && actual !== null) !== c.exists) return false;
  if (c.equals !== undefined) {
    const r = resolve(c.equals, vars);
    if (!r.ok || !sameValue(actual, r.value)) return false;
  }
  if (c.notEquals !== undefined) {
    const r = resolve(c.notEquals, vars);
    if (!r.ok || sameValue(actual, r.value)) return false;
  }
  if (c.oneOf !== undefined) {
    const values = c.oneOf.map((v) => resolve(v, vars));
    if (!values.some((r) => r.ok && sameValue(actual, r.value))) return false;
  }
  for (const [bound, holds] of [
    [c.gte, (a: number, b: number) => a >= b],
    [c.lte, (a: number, b: number) => a <= b],
  ] as const) {
    if (bound === undefined) continue;
    const r = resolve(bound, vars);
    if (!r.ok || typeof actual !== 'number' || typeof r.value !== 'number' || !holds(actual, r.value))
      return false;
  }
  if (c.includes !== undefined && (typeof actual !== 'string' || !actual.includes(c.includes))) return false;
  return true;
}

function listKind(state: ClusterState, kind: string, namespace: string | undefined): KubeObject[] {
  const all = Object.values(state.objects[kind] ?? {});
  if (kindInfo(kind)?.namespaced === false) return all;
  const ns = namespace ?? DEFAULT_NAMESPACE;
  return all.filter((o) => o.metadata.namespace === ns);
}

function volumeFiles(
  state: ClusterState,
  namespace: string,
  claim: string,
): Record<string, string> | undefined {
  const pvc = state.objects.PersistentVolumeClaim?.[`${namespace}/${claim}`] as
    | PersistentVolumeClaim
    | undefined;
  const pvName = pvc?.spec.volumeName;
  if (!pvName || pvc?.status?.phase !== 'Bound') return undefined;
  const pv = state.objects.PersistentVolume?.[pvName] as PersistentVolume | undefined;
  const id = pv && volumeIdOf(pv);
  return id ? state.volumes[id]?.files : undefined;
}

/** True when the check holds in `state` (with the values remembered so far). Changes nothing. */
export function evaluateCheck(check: Check, state: ClusterState, vars: LessonVars = {}): boolean {
  if (check.all) return check.all.every((c) => evaluateCheck(c, state, vars));
  if (check.any) return check.any.some((c) => evaluateCheck(c, state, vars));
  if (check.not) return !evaluateCheck(check.not, state, vars);
  if (check.exists) return findObject(state, check.exists) !== undefined;
  if (check.absent) return findObject(state, check.absent) === undefined;
  if (check.field) {
    const obj = findObject(state, check.field);
    return obj !== undefined && compare(getField(obj, check.field.path), check.field, vars);
  }
  if (check.count) {
    const c = check.count;
    const reqs = c.selector === undefined ? [] : parseSelector(c.selector);
    if ('error' in reqs) return false;
    const matching = listKind(state, c.kind, c.namespace).filter(
      (o) =>
        (c.namePrefix === undefined || o.metadata.name.startsWith(c.namePrefix)) &&
        (c.selector === undefined || ('reqs' in reqs && matchesRequirements(o.metadata.labels, reqs.reqs))) &&
        (c.ready === undefined || (c.kind === 'Pod' && isPodReady(o as Pod) === c.ready)) &&
        (c.where ?? []).every((w) => compare(getField(o, w.path), w, vars)),
    );
    return compare(matching.length, c, vars);
  }
  if (check.podReady) {
    const pod = findObject(state, { kind: 'Pod', ...check.podReady }) as Pod | undefined;
    return pod !== undefined && isPodReady(pod);
  }
  if (check.volumeFile) {
    const v = check.volumeFile;
    const files = volumeFiles(state, v.namespace ?? DEFAULT_NAMESPACE, v.claim);
    const has = files !== undefined && Object.keys(files).some((p) => p.startsWith(v.prefix));
    return has === v.present;
  }
  if (check.event) {
    const e = check.event;
    return listKind(state, 'Event', undefined).some((o) => {
      const ev = o as KubeEvent;
      return (
        ev.reason === e.reason &&
        (e.name === undefined || ev.involvedObject.name === e.name) &&
        (e.messageIncludes === undefined || ev.message.includes(e.messageIncludes))
      );
    });
  }
  if (check.minikube) return compare(getField(state.minikube, check.minikube.path), check.minikube, vars);
  if (check.waiting) {
    const w = check.waiting;
    const object = `${w.namespace ?? DEFAULT_NAMESPACE}/${w.statefulSet}`;
    return Object.values(state.waiting).some(
      (r) =>
        r.kind === 'StatefulSet' &&
        r.object === object &&
        (w.waitingOn === undefined || r.waitingOn === w.waitingOn),
    );
  }
  return false;
}

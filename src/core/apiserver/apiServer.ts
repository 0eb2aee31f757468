/**
 * The simulated apiserver: the semantics of create, update, updateStatus and delete on top of the
 * ObjectStore — name and namespace checks, defaulting, validation with the real texts, admission,
 * generation, finalizers, graceful deletion and propagation policies. A rejected request changes
 * nothing. Controllers and kubectl both go through it, as they go through the real one.
 */
import { type KindInfo, kindInfo, qualifiedPlural } from '../api/kinds.ts';
import type { KubeObject, ObjectInput } from '../api/types.ts';
import type { SeededRandom } from '../clock/seededRandom.ts';
import { toTimestamp } from '../clock/virtualClock.ts';
import type { ClusterState } from '../simulation/clusterState.ts';
import type { ObjectStore } from '../store/objectStore.ts';
import { decodeObject, type FieldValidation } from './decode/decodeObject.ts';
import { type FieldError, invalid, required } from './fieldErrors.ts';
import type { AdmissionContext, KindStrategy } from './kindStrategy.ts';
import {
  alreadyExists,
  invalidObject,
  isStatusError,
  notFound,
  type StatusError,
  statusError,
} from './statusError.ts';

/**
 * An API answer; `warnings` are the response's Warning headers (kubectl prints `Warning: ...`),
 * sent with failures too when decoding found them before the request failed.
 */
export type Result<T> =
  | { ok: true; value: T; warnings?: string[] }
  | { ok: false; error: StatusError; warnings?: string[] };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/** `r` with the decoder's warnings attached when there are any. */
const withWarnings = <T>(r: Result<T>, warnings: string[]): Result<T> =>
  warnings.length > 0 ? { ...r, warnings } : r;

/**
 * How a write request's object is decoded: `fieldValidation` (default Strict) decides what unknown
 * fields do; `patch` is set when the object is a live object with this patch applied (kubectl
 * apply on an existing object, kubectl patch), which gives errors the patch handler's form.
 */
export interface DecodeRequest {
  fieldValidation?: FieldValidation;
  patch?: unknown;
}
const fail = <T>(error: StatusError): Result<T> => ({ ok: false, error });

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';
export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  /** pods only: seconds until the kubelet must have stopped it; 0 removes at once (force) */
  gracePeriodSeconds?: number;
  dryRun?: boolean;
}

const NAME_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export class ApiServer {
  constructor(
    private readonly state: ClusterState,
    readonly store: ObjectStore,
    private readonly random: SeededRandom,
    private readonly strategies: Record<string, KindStrategy>,
  ) {}

  private ctx(): AdmissionContext {
    return { store: this.store, random: this.random, now: this.state.now };
  }

  /** Info of a served kind, or a NotFound-like error for an unknown kind. */
  private info(kind: string): Result<KindInfo> {
    const info = kindInfo(kind);
    return info
      ? ok(info)
      : fail(statusError('NotFound', `the server could not find the requested resource`));
  }

  /** Reads one object. NotFound with the resource's plural when absent. */
  get<T extends KubeObject = KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): Result<T> {
    const info = this.info(kind);
    if (!info.ok) return info as Result<T>;
    const obj = this.store.get<T>(kind, info.value.namespaced ? namespace : undefined, name);
    return obj ? ok(obj) : fail(notFound(qualifiedPlural(info.value), name));
  }

  /**
   * Creates an object. Fills in name (generateName), namespace, defaults and admission, validates,
   * then stores it. With dryRun nothing is stored. Errors leave the cluster unchanged.
   */
  create<T extends KubeObject = KubeObject>(
    input: ObjectInput | KubeObject,
    opts: { namespace?: string; dryRun?: boolean; fieldValidation?: FieldValidation } = {},
  ): Result<T> {
    // The body is decoded into the kind's type first: an ill-typed or (under Strict) unknown field
    // is a BadRequest before anything else happens.
    if (!kindInfo(input.kind)) return this.info(input.kind) as Result<T>;
    const decoded = decodeObject<ObjectInput>(input.kind, input, { fieldValidation: opts.fieldValidation });
    if (!decoded.ok) return fail(decoded.error);
    // A rejected or dry-run request leaves the whole cluster as it was, the generator's state included
    // (defaulting may draw random suffixes before validation rejects the object).
    const rng = this.state.rng;
    const result = this.createObject<T>(decoded.value, opts);
    if (!result.ok || opts.dryRun) this.state.rng = rng;
    return withWarnings(result, decoded.warnings);
  }

  private createObject<T extends KubeObject>(
    input: ObjectInput | KubeObject,
    opts: { namespace?: string; dryRun?: boolean },
  ): Result<T> {
    const infoR = this.info(input.kind);
    if (!infoR.ok) return infoR as Result<T>;
    const info = infoR.value;
    const strategy = this.strategies[info.kind] ?? {};
    const meta = { ...(input.metadata ?? {}) } as KubeObject['metadata'];
    const namespace = info.namespaced ? meta.namespace || opts.namespace || 'default' : undefined;
    if (info.namespaced && namespace && !this.store.get('Namespace', undefined, namespace))
      return fail(notFound('namespaces', namespace));
    if (!meta.name && meta.generateName) meta.name = meta.generateName + this.random.alnum(5);
    if (!meta.name)
      return fail(
        invalidObject(info.kind, info.group, '', [
          required('metadata.name', 'name or generateName is required'),
        ]),
      );
    const nameErrors = validateObjectName(meta.name, info);
    if (nameErrors.length) return fail(invalidObject(info.kind, info.group, meta.name, nameErrors));
    if (this.store.get(info.kind, namespace, meta.name))
      return fail(alreadyExists(qualifiedPlural(info), meta.name));

    let obj = {
      ...input,
      metadata: {
        ...meta,
        namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        deletionTimestamp: undefined,
      },
    } as unknown as T;
    if (!namespace) delete obj.metadata.namespace;
    delete obj.metadata.deletionTimestamp;
    if (strategy.generation) obj.metadata.generation = 1;
    const ctx = this.ctx();
    if (strategy.defaults) obj = strategy.defaults(obj, ctx) as T;
    const errors = strategy.validate?.(obj, ctx) ?? [];
    if (errors.length) return fail(invalidObject(info.kind, info.group, meta.name, errors));
    if (strategy.admit) {
      const admitted = strategy.admit(obj, 'create', ctx);
      if (isStatusError(admitted)) return fail(admitted);
      obj = admitted as T;
    }
    if (opts.dryRun)
      return ok({ ...obj, metadata: { ...obj.metadata, creationTimestamp: toTimestamp(this.state.now) } });
    return ok(this.store.add(obj));
  }

  /**
   * Replaces an object's spec and metadata (status too, for kinds without a status subresource).
   * Bumps generation when the spec changed; a request that changes nothing writes nothing.
   * Removes the object when it is being deleted and its last finalizer went.
   */
  update<T extends KubeObject = KubeObject>(
    obj: T,
    opts: { dryRun?: boolean } & DecodeRequest = {},
  ): Result<T> {
    if (!kindInfo(obj.kind)) return this.info(obj.kind) as Result<T>;
    const decoded = decodeObject<T>(obj.kind, obj, opts);
    if (!decoded.ok) return fail(decoded.error);
    return withWarnings(this.write(decoded.value, 'main', opts.dryRun ?? false), decoded.warnings);
  }

  /** Writes only the status of an object (the /status subresource); spec and metadata stay. */
  updateStatus<T extends KubeObject = KubeObject>(obj: T): Result<T> {
    return this.write(obj, 'status', false);
  }

  private write<T extends KubeObject>(obj: T, sub: 'main' | 'status', dryRun: boolean): Result<T> {
    const rng = this.state.rng;
    const result = this.writeObject(obj, sub, dryRun);
    if (!result.ok || dryRun) this.state.rng = rng;
    return result;
  }

  private writeObject<T extends KubeObject>(obj: T, sub: 'main' | 'status', dryRun: boolean): Result<T> {
    const infoR = this.info(obj.kind);
    if (!infoR.ok) return infoR as Result<T>;
    const info = infoR.value;
    const strategy = this.strategies[info.kind] ?? {};
    const ns = info.namespaced ? obj.metadata.namespace : undefined;
    const old = this.store.get<T>(info.kind, ns, obj.metadata.name);
    if (!old) return fail(notFound(qualifiedPlural(info), obj.metadata.name));
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== old.metadata.resourceVersion)
      return fail(
        statusError(
          'Conflict',
          `Operation cannot be fulfilled on ${qualifiedPlural(info)} "${obj.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
        ),
      );
    // Server-owned metadata is never taken from the request.
    let next = {
      ...obj,
      metadata: {
        ...obj.metadata,
        uid: old.metadata.uid,
        creationTimestamp: old.metadata.creationTimestamp,
        deletionTimestamp: old.metadata.deletionTimestamp,
        deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds,
        generation: old.metadata.generation,
        resourceVersion: old.metadata.resourceVersion,
      },
    } as T;
    if (next.metadata.deletionTimestamp === undefined) delete next.metadata.deletionTimestamp;
    if (next.metadata.deletionGracePeriodSeconds === undefined)
      delete next.metadata.deletionGracePeriodSeconds;
    if (next.metadata.generation === undefined) delete next.metadata.generation;
    if (sub === 'status') {
      next = { ...old, status: obj.status } as T;
    } else if (strategy.statusSubresource) {
      next = { ...next, status: old.status } as T;
      if (old.status === undefined) delete next.status;
    }
    const ctx = this.ctx();
    if (sub === 'main') {
      if (strategy.defaults) next = strategy.defaults(next, ctx) as T;
      const errors = strategy.validateUpdate?.(next, old, ctx) ?? strategy.validate?.(next, ctx) ?? [];
      if (errors.length) return fail(invalidObject(info.kind, info.group, obj.metadata.name, errors));
      if (strategy.admit) {
        const admitted = strategy.admit(next, 'update', ctx);
        if (isStatusError(admitted)) return fail(admitted);
        next = admitted as T;
      }
      if (strategy.generation && !sameJson(specOf(next), specOf(old)))
        next = { ...next, metadata: { ...next.metadata, generation: (old.metadata.generation ?? 0) + 1 } };
    }
    if (sameJson(next, old)) return ok(old);
    if (dryRun) return ok(next);
    if (
      next.metadata.deletionTimestamp &&
      (next.metadata.finalizers ?? []).length === 0 &&
      !isGracefulPod(next)
    ) {
      this.store.remove(info.kind, ns, next.metadata.name);
      return ok(next);
    }
    return ok(this.store.put(next));
  }

  /**
   * Deletes an object the way the apiserver does: pods on a node get a deletionTimestamp and a
   * grace period (the kubelet finishes the job); objects with finalizers get a deletionTimestamp;
   * anything else is removed at once. Orphan and Foreground add their GC finalizers.
   * Returns the object as it is after the request (possibly already gone).
   */
  delete(
    kind: string,
    namespace: string | undefined,
    name: string,
    opts: DeleteOptions = {},
  ): Result<KubeObject> {
    const infoR = this.info(kind);
    if (!infoR.ok) return infoR;
    const info = infoR.value;
    const ns = info.namespaced ? namespace : undefined;
    const old = this.store.get(info.kind, ns, name);
    if (!old) return fail(notFound(qualifiedPlural(info), name));
    if (opts.dryRun) return ok(old);
    const now = this.state.now;
    const finalizers = [...(old.metadata.finalizers ?? [])];
    const policy = opts.propagationPolicy ?? 'Background';
    if (!old.metadata.deletionTimestamp) {
      if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
      if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion'))
        finalizers.push('foregroundDeletion');
    }
    if (info.kind === 'Pod') {
      const onNode = Boolean(old.spec?.nodeName);
      const grace = opts.gracePeriodSeconds ?? old.spec?.terminationGracePeriodSeconds ?? 30;
      if (onNode && grace > 0) {
        const current = old.metadata.deletionGracePeriodSeconds;
        if (old.metadata.deletionTimestamp && current !== undefined && current <= grace) return ok(old);
        return ok(
          this.store.put({
            ...old,
            metadata: {
              ...old.metadata,
              finalizers: finalizers.length ? finalizers : undefined,
              deletionTimestamp: toTimestamp(now + grace * 1000),
              deletionGracePeriodSeconds: grace,
            },
          }),
        );
      }
      if (finalizers.length === 0) {
        this.store.remove(info.kind, ns, name);
        return ok(old);
      }
    }
    if (finalizers.length > 0) {
      if (old.metadata.deletionTimestamp && sameJson(finalizers, old.metadata.finalizers ?? []))
        return ok(old);
      return ok(
        this.store.put({
          ...old,
          metadata: {
            ...old.metadata,
            finalizers,
            deletionTimestamp: old.metadata.deletionTimestamp ?? toTimestamp(now),
            deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds ?? 0,
          },
        }),
      );
    }
    this.store.remove(info.kind, ns, name);
    return ok(old);
  }
}

function specOf(o: KubeObject): unknown {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
}

function isGracefulPod(o: KubeObject): boolean {
  return o.kind === 'Pod' && Boolean(o.spec?.nodeName) && (o.metadata.deletionGracePeriodSeconds ?? 0) > 0;
}

/** Structural equality of JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameJson(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** metadata.name rules: DNS-1123 subdomain for most kinds (kind strategies may add stricter rules). */
function validateObjectName(name: string, info: KindInfo): FieldError[] {
  if (name.length > 253) return [invalid('metadata.name', name, 'must be no more than 253 characters')];
  if (!NAME_RE.test(name) && info.kind !== 'Event')
    return [
      invalid(
        'metadata.name',
        name,
        `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ),
    ];
  return [];
}

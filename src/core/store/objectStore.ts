/**
 * The one write path for API objects. Every create, update and removal goes through here: it stamps
 * uid, resourceVersion and creationTimestamp, keeps objects immutable (callers pass new objects),
 * and emits one watch event per change to the listeners. It knows nothing of validation or
 * controllers; the ApiServer above it does.
 */
import type { KubeObject } from '../api/types.ts';
import type { SeededRandom } from '../clock/seededRandom.ts';
import { toTimestamp } from '../clock/virtualClock.ts';
import { type ClusterState, objectKey } from '../simulation/clusterState.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
  oldObject?: KubeObject;
}
export type WatchListener = (event: WatchEvent) => void;

export class ObjectStore {
  private listeners: WatchListener[] = [];

  constructor(
    private readonly state: ClusterState,
    private readonly random: SeededRandom,
    private readonly freeze = false,
  ) {}

  /** Registers a listener for every later change; returns the function that removes it. */
  watch(listener: WatchListener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** The stored object, or undefined. */
  get<T extends KubeObject = KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): T | undefined {
    return this.state.objects[kind]?.[objectKey(namespace, name)] as T | undefined;
  }

  /** The stored object with that uid, or undefined (linear scan of the kind). */
  getByUid<T extends KubeObject = KubeObject>(kind: string, uid: string): T | undefined {
    for (const o of Object.values(this.state.objects[kind] ?? {})) if (o.metadata.uid === uid) return o as T;
    return undefined;
  }

  /** Objects of a kind, in one namespace or all, in creation order of their keys. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    const all = Object.values(this.state.objects[kind] ?? {}) as T[];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  /**
   * Stores a new object. Stamps uid (unless given, as restores do), resourceVersion and
   * creationTimestamp; emits ADDED. The caller has checked that the name is free.
   */
  add<T extends KubeObject>(obj: T): T {
    const stored = {
      ...obj,
      metadata: {
        ...obj.metadata,
        uid: obj.metadata.uid || this.random.uuid(),
        resourceVersion: this.nextResourceVersion(),
        creationTimestamp: obj.metadata.creationTimestamp || toTimestamp(this.state.now),
      },
    } as T;
    this.bucket(stored.kind)[objectKey(stored.metadata.namespace, stored.metadata.name)] = this.seal(stored);
    this.emit({ type: 'ADDED', object: stored });
    return stored;
  }

  /** Replaces a stored object (matched by kind, namespace, name) with a new version; emits MODIFIED. */
  put<T extends KubeObject>(obj: T): T {
    const key = objectKey(obj.metadata.namespace, obj.metadata.name);
    const old = this.bucket(obj.kind)[key];
    const stored = {
      ...obj,
      metadata: { ...obj.metadata, resourceVersion: this.nextResourceVersion() },
    } as T;
    this.bucket(obj.kind)[key] = this.seal(stored);
    this.emit({ type: 'MODIFIED', object: stored, oldObject: old });
    return stored;
  }

  /** Removes a stored object for good; emits DELETED. No-op when absent. */
  remove(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const bucket = this.bucket(kind);
    const key = objectKey(namespace, name);
    const old = bucket[key];
    if (!old) return undefined;
    delete bucket[key];
    const gone = { ...old, metadata: { ...old.metadata, resourceVersion: this.nextResourceVersion() } };
    this.emit({ type: 'DELETED', object: gone, oldObject: old });
    return old;
  }

  private bucket(kind: string): Record<string, KubeObject> {
    let b = this.state.objects[kind];
    if (!b) {
      b = {};
      this.state.objects[kind] = b;
    }
    return b;
  }

  private nextResourceVersion(): string {
    return String(this.state.nextResourceVersion++);
  }

  private emit(event: WatchEvent): void {
    for (const l of this.listeners) l(event);
  }

  /** In tests, objects are deep-frozen so that any mutation outside this store throws. */
  private seal<T>(obj: T): T {
    return this.freeze ? deepFreeze(obj) : obj;
  }
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

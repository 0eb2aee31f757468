/**
 * The whole simulated cluster as plain data: the API objects, the virtual clock and its pending timers,
 * the generator state, the controllers' work queue, the lifecycle machines' snapshots and the contents
 * of the volumes. `JSON.stringify` of it is a complete save; restoring it continues the same future.
 */

import type { KubeObject } from '../api/types.ts';
import type { Timer } from '../clock/virtualClock.ts';

/** A lifecycle machine's persisted snapshot (xstate `value` and `context`), keyed by object uid. */
export interface PersistedMachine {
  machine: string;
  value: unknown;
  context: unknown;
}

/** Files on one backing volume (a csi-hostpath or minikube-hostpath directory). Paths are relative. */
export interface VolumeContent {
  files: Record<string, string>;
}

/** Why a controller is not progressing, as learners should read it (shown on the diagram and timeline). */
export interface WaitReason {
  /** e.g. `default/mariadb-sts` */
  object: string;
  kind: string;
  /** the object it waits on, e.g. `mariadb-sts-0`, if any */
  waitingOn?: string;
  message: string;
  since: number;
}

/** One controller decision, for the event timeline. */
export interface Decision {
  at: number;
  controller: string;
  /** `Kind/namespace/name` of the object acted on or waited on */
  object: string;
  action: 'create' | 'delete' | 'update' | 'wait' | 'bind' | 'provision' | 'release';
  message: string;
}

export interface MinikubeState {
  /** 'Running', 'Stopped', or 'Absent' (after `minikube delete`) */
  host: 'Running' | 'Stopped' | 'Absent';
  /** times `minikube start` completed; the first one is the session's own */
  starts: number;
  addons: Record<string, boolean>;
  /**
   * worker nodes whose machine `minikube node stop` powered off: node name -> virtual ms it stopped
   * (absent or empty while every node runs; see src/core/cluster/nodes.ts stopNode/startNode)
   */
  stoppedNodes?: Record<string, number>;
}

export interface ClusterState {
  formatVersion: 1;
  seed: number;
  /** virtual milliseconds since the session began */
  now: number;
  rng: number;
  nextResourceVersion: number;
  nextTimerSeq: number;
  /** kind -> `namespace/name` (or `name` for cluster-scoped kinds) -> object */
  objects: Record<string, Record<string, KubeObject>>;
  timers: Timer[];
  /** pending `controller|key` work items, oldest first, without duplicates */
  queue: string[];
  machines: Record<string, PersistedMachine>;
  /** backing volume id -> its files */
  volumes: Record<string, VolumeContent>;
  /** allocators (pod IPs, container ids, ...) keyed by name */
  counters: Record<string, number>;
  /** controller key -> what it waits for right now */
  waiting: Record<string, WaitReason>;
  /** most recent decisions, oldest first (bounded) */
  decisions: Decision[];
  minikube: MinikubeState;
}

/** The number of decisions kept in the state; older ones are dropped first. */
export const DECISION_LOG_LIMIT = 500;

/** An empty cluster state (no objects) for a seed; the simulation bootstraps minikube on top of it. */
export function emptyClusterState(seed: number, rng: number): ClusterState {
  return {
    formatVersion: 1,
    seed,
    now: 0,
    rng,
    nextResourceVersion: 1,
    nextTimerSeq: 1,
    objects: {},
    timers: [],
    queue: [],
    machines: {},
    volumes: {},
    counters: {},
    waiting: {},
    decisions: [],
    minikube: { host: 'Running', starts: 1, addons: {} },
  };
}

/** The storage key of an object: `namespace/name`, or `name` for cluster-scoped kinds. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

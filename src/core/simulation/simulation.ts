/**
 * The simulation facade: one cluster state, the apiserver over it, the controllers that reconcile it,
 * and the virtual clock that drives them. Deterministic: the same seed and the same calls give the
 * same state, byte for byte.
 *
 * How time passes: `step()` does one unit of work — first the controllers' work queue (level-triggered
 * syncs, deduplicated keys, as client-go's workqueue), then the next due timer. `advance(ms)` runs
 * every timer due within `ms` and the syncs they cause; nothing happens between timers.
 */
import type { KubeObject } from '../api/types.ts';
import { ApiServer } from '../apiserver/apiServer.ts';
import type { KindStrategy } from '../apiserver/kindStrategy.ts';
import { SeededRandom, seedState } from '../clock/seededRandom.ts';
import { peekTimer, popTimer, pushTimer, type Timer, toTimestamp } from '../clock/virtualClock.ts';
import { ObjectStore, type WatchEvent, type WatchListener } from '../store/objectStore.ts';
import {
  type ClusterState,
  DECISION_LOG_LIMIT,
  type Decision,
  emptyClusterState,
  type WaitReason,
} from './clusterState.ts';
import { recordEvent } from './eventRecorder.ts';

/** A reconciler. `handle` only enqueues keys; `sync` re-reads the state and may be run any number of times. */
export interface Controller {
  readonly name: string;
  handle(event: WatchEvent, sim: Simulation): void;
  sync(key: string, sim: Simulation): void;
}

/** Runs when a timer of its type is due. Must check that what the timer concerns still holds. */
export type TimerHandler = (timer: Timer, sim: Simulation) => void;

/** A part of the cluster: its kinds' apiserver strategies, its controllers and its timer handlers. */
export interface SimulationModule {
  strategies?: Record<string, KindStrategy>;
  controllers?: Controller[];
  timers?: Record<string, TimerHandler>;
}

export interface SimulationOptions {
  seed?: number;
  /** continue from a saved state instead of an empty cluster */
  state?: ClusterState;
  modules: SimulationModule[];
  /** deep-freeze stored objects so stray mutations throw (tests) */
  freezeObjects?: boolean;
}

/** What one `step()` did, for single-stepping in the page and for tests. */
export type StepResult =
  | { kind: 'sync'; controller: string; key: string }
  | { kind: 'timer'; timer: Timer }
  | { kind: 'idle' };

/** How many syncs one drain may run before we call it a livelock (a controller bug). */
const MAX_SYNCS_PER_DRAIN = 1_000_000;

export class Simulation {
  readonly state: ClusterState;
  readonly random: SeededRandom;
  readonly store: ObjectStore;
  readonly api: ApiServer;
  private readonly controllers = new Map<string, Controller>();
  private readonly timerHandlers: Record<string, TimerHandler> = {};
  private readonly queued = new Set<string>();

  constructor(opts: SimulationOptions) {
    const seed = opts.seed ?? 0;
    this.state = opts.state ?? emptyClusterState(seed, seedState(seed));
    this.random = new SeededRandom(this.state);
    this.store = new ObjectStore(this.state, this.random, opts.freezeObjects ?? false);
    const strategies: Record<string, KindStrategy> = {};
    for (const m of opts.modules) {
      Object.assign(strategies, m.strategies);
      Object.assign(this.timerHandlers, m.timers);
      for (const c of m.controllers ?? []) this.controllers.set(c.name, c);
    }
    this.api = new ApiServer(this.state, this.store, this.random, strategies);
    for (const item of this.state.queue) this.queued.add(item);
    this.store.watch((ev) => {
      for (const c of this.controllers.values()) c.handle(ev, this);
    });
  }

  /** Virtual milliseconds since the session began. */
  get now(): number {
    return this.state.now;
  }

  /** RFC 3339 timestamp of the current virtual instant. */
  timestamp(offsetMs = 0): string {
    return toTimestamp(this.state.now + offsetMs);
  }

  /** Subscribes to every object change; returns the unsubscribe function. */
  watch(listener: WatchListener): () => void {
    return this.store.watch(listener);
  }

  /** Adds a controller work item; duplicates of a pending item are dropped (workqueue semantics). */
  enqueue(controller: string, key: string): void {
    const item = `${controller}|${key}`;
    if (this.queued.has(item)) return;
    this.queued.add(item);
    this.state.queue.push(item);
  }

  /** Sets a timer `delayMs` from now. Timers at the same instant fire in the order they were set. */
  after(delayMs: number, type: string, key: string, data?: unknown): void {
    if (!this.timerHandlers[type]) throw new Error(`no handler for timer type ${type}`);
    pushTimer(this.state.timers, {
      at: this.state.now + Math.max(0, delayMs),
      seq: this.state.nextTimerSeq++,
      type,
      key,
      data,
    });
  }

  /** Records a Kubernetes Event about an object (aggregated like the real recorder). */
  event(
    involved: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component: string,
    fieldPath?: string,
  ): void {
    recordEvent(this, involved, type, reason, message, component, fieldPath);
  }

  /** Logs a controller decision for the timeline (bounded log, oldest dropped first). */
  decide(d: Omit<Decision, 'at'>): void {
    this.state.decisions.push({ at: this.state.now, ...d });
    if (this.state.decisions.length > DECISION_LOG_LIMIT) this.state.decisions.shift();
  }

  /** Says what a controller key waits for now (undefined: it does not wait). */
  setWaiting(key: string, reason: Omit<WaitReason, 'since'> | undefined): void {
    const prev = this.state.waiting[key];
    if (!reason) {
      if (prev) delete this.state.waiting[key];
      return;
    }
    if (prev && prev.message === reason.message && prev.waitingOn === reason.waitingOn) return;
    this.state.waiting[key] = { ...reason, since: this.state.now };
  }

  /** Runs one queued sync, or else fires the next timer (moving the clock to it). */
  step(): StepResult {
    const item = this.state.queue.shift();
    if (item !== undefined) {
      this.queued.delete(item);
      const bar = item.indexOf('|');
      const controller = item.slice(0, bar);
      const key = item.slice(bar + 1);
      this.controllers.get(controller)?.sync(key, this);
      return { kind: 'sync', controller, key };
    }
    const timer = popTimer(this.state.timers);
    if (!timer) return { kind: 'idle' };
    if (timer.at > this.state.now) this.state.now = timer.at;
    this.timerHandlers[timer.type]?.(timer, this);
    return { kind: 'timer', timer };
  }

  /** Runs every queued sync (and the syncs they cause) without moving the clock. */
  drain(): void {
    let n = 0;
    while (this.state.queue.length > 0) {
      this.step();
      if (++n > MAX_SYNCS_PER_DRAIN) throw new Error('controllers did not settle (livelock)');
    }
  }

  /** The virtual instant of the next pending timer, or undefined when nothing is scheduled. */
  nextTimerAt(): number | undefined {
    return peekTimer(this.state.timers)?.at;
  }

  /**
   * Moves virtual time forward by `ms`, firing every timer due on the way and the syncs they cause.
   * Timers due at one instant all fire before the controllers sync, as events arriving together
   * are coalesced by a real workqueue.
   */
  advance(ms: number): void {
    this.advanceTo(this.state.now + ms);
  }

  /** Like advance, to an absolute virtual instant (never backwards). */
  advanceTo(target: number): void {
    this.drain();
    for (;;) {
      const next = peekTimer(this.state.timers);
      if (!next || next.at > target) break;
      const at = next.at;
      while (peekTimer(this.state.timers)?.at === at) this.step();
      this.drain();
    }
    if (target > this.state.now) this.state.now = target;
  }

  /**
   * Advances time event by event until `done()` holds or `maxMs` has passed. Returns true when
   * the condition was met. The clock stops at the event that met it.
   */
  runUntil(done: () => boolean, maxMs: number): boolean {
    const deadline = this.state.now + maxMs;
    this.drain();
    while (!done()) {
      const next = peekTimer(this.state.timers);
      if (!next || next.at > deadline) {
        if (deadline > this.state.now) this.state.now = deadline;
        return done();
      }
      const at = next.at;
      while (peekTimer(this.state.timers)?.at === at) this.step();
      this.drain();
    }
    return true;
  }

  /** A deep copy of the whole state, safe to keep, serialise or restore from. */
  snapshot(): ClusterState {
    return structuredClone(this.state);
  }
}

/**
 * Virtual time. The simulation's clock is a number of milliseconds in the cluster state; nothing
 * reads the wall clock. Timers are plain data (what to do, to whom, when), kept sorted, so the
 * pending future is saved and restored with the cluster.
 */

/** The wall-clock instant virtual time 0 stands for; timestamps shown to learners count from it. */
export const EPOCH_MS = Date.UTC(2024, 5, 1, 10, 0, 0);

export interface Timer {
  /** virtual ms at which it fires */
  at: number;
  /** tie-breaker: timers at the same instant fire in the order they were set */
  seq: number;
  /** handler name, registered with the simulation */
  type: string;
  /** whom it concerns: an object uid or a controller key */
  key: string;
  data?: unknown;
}

/** RFC 3339 text (second precision, `Z`) of a virtual instant, as metadata timestamps are written. */
export function toTimestamp(ms: number): string {
  return new Date(EPOCH_MS + Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** RFC 3339 with microseconds, as in managedFields/lease times; used for event series. */
export function toMicroTimestamp(ms: number): string {
  return new Date(EPOCH_MS + ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Virtual ms of an RFC 3339 timestamp written by toTimestamp. */
export function fromTimestamp(ts: string): number {
  return Date.parse(ts) - EPOCH_MS;
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/**
 * Adds a timer to the queue, a binary min-heap on (at, seq) kept in a plain array so it serialises
 * with the cluster. Mutates the array.
 */
export function pushTimer(heap: Timer[], timer: Timer): void {
  heap.push(timer);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i], heap[parent])) break;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

/** The earliest timer, or undefined when none is pending. Does not change the queue. */
export function peekTimer(heap: readonly Timer[]): Timer | undefined {
  return heap[0];
}

/** Removes and returns the earliest timer. Mutates the array. */
export function popTimer(heap: Timer[]): Timer | undefined {
  if (heap.length === 0) return undefined;
  const top = heap[0];
  const last = heap.pop() as Timer;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[l], heap[m])) m = l;
      if (r < heap.length && before(heap[r], heap[m])) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  }
  return top;
}

/**
 * runForAll over the ordinals of a StatefulSet's range, visiting only the positions that can need
 * work: the other positions hold replicas that the step function would pass over without a write,
 * so skipping them changes nothing but the time taken.
 *
 * Follows kubernetes/kubernetes v1.30 pkg/controller/statefulset/stateful_set_control.go runForAll
 * and slowStartBatch: OrderedReady (monotonic) stops at the first step that exits or fails;
 * Parallel runs batches of 1, 2, 4, … (at most MAX_BATCH_SIZE) and stops after the batch in which a
 * step failed. Lab difference: a step may ask to stop (`stop`) whatever the mode, which the
 * reconcile uses to spread the creation of a huge set over virtual time.
 */

/** Realistic maximum of parallel requests per batch in Parallel mode. */
export const MAX_BATCH_SIZE = 500;

/** What one step did: exit (OrderedReady stops), error (retry later), stop (the sync ends here). */
export type Step = { exit: boolean; error?: string; stop?: boolean };

const SLOW_START_DOUBLINGS_END = 2 * 256 - 1;

/** The end (exclusive) of the slow-start batch that holds position `pos` among `n`. */
export function batchEnd(pos: number, n: number): number {
  let end = 0;
  let size = 1;
  if (pos >= SLOW_START_DOUBLINGS_END) {
    end =
      SLOW_START_DOUBLINGS_END +
      Math.floor((pos - SLOW_START_DOUBLINGS_END) / MAX_BATCH_SIZE) * MAX_BATCH_SIZE;
    size = MAX_BATCH_SIZE;
  } else
    while (end + size <= pos) {
      end += size;
      size = Math.min(2 * size, MAX_BATCH_SIZE);
    }
  return Math.min(n, end + size);
}

/**
 * Runs `fn` over the positions `positions` yields (ascending, each below `n`), as runForAll would
 * over 0..n-1 when every other position returns `{ exit: false }`.
 */
export function runForAll(
  n: number,
  positions: Iterable<number>,
  fn: (i: number) => Step,
  monotonic: boolean,
): Step {
  if (monotonic) {
    for (const i of positions) {
      const r = fn(i);
      if (r.exit || r.error || r.stop) return { exit: true, error: r.error };
    }
    return { exit: false };
  }
  const errs: string[] = [];
  let stopAt = Number.POSITIVE_INFINITY;
  let stopped = false;
  for (const i of positions) {
    if (i >= stopAt) break;
    const r = fn(i);
    if (r.error) {
      errs.push(r.error);
      if (stopAt === Number.POSITIVE_INFINITY) stopAt = batchEnd(i, n);
    }
    if (r.stop) {
      stopped = true;
      break;
    }
  }
  if (errs.length) return { exit: true, error: errs.length === 1 ? errs[0] : `[${errs.join(', ')}]` };
  return { exit: stopped };
}

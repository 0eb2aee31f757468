/**
 * Replays recorded actions (shareState.ts) on a fresh lab built from the same starting point: moves the
 * virtual clock to each action's time in one jump (the simulation gives the same state whether time
 * moves in one jump or in many frames), then does the action exactly as the page did. A line the
 * session does not accept (the replay went another way, e.g. a link edited by hand) stops the replay
 * with a reason; what was replayed so far stays.
 */
import type { Simulation } from '../../core/simulation/simulation.ts';
import type { RecordableSession } from './actionRecorder.ts';
import type { LabAction } from './shareState.ts';

export interface ReplayTarget {
  getSim(): Simulation;
  /** the recording session, so the replayed actions are recorded again and the log continues */
  session: RecordableSession;
  /** one controller step (the store's stepOnce) */
  step(): void;
  /** a fault from the diagram's controls; undefined when the lab has none wired */
  fault?: (kind: 'fail' | 'pass' | 'crash', namespace: string, name: string) => void;
  /** copies the moved clock into the page's store (the recorder stamps single steps from it) */
  flush?: () => void;
}

export interface ReplayResult {
  applied: number;
  /** why the replay stopped early, if it did */
  stopped?: string;
}

/** How long (real ms) to wait for a lazily loaded engine (the SQL engine) before giving up. */
const LOAD_WAIT_MS = 15_000;

async function settleLoads(session: RecordableSession): Promise<boolean> {
  const started = performance.now();
  while (session.currentWait?.type === 'load') {
    if (performance.now() - started > LOAD_WAIT_MS) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

function moveTo(sim: Simulation, at: number): void {
  if (at > sim.now) sim.advance(at - sim.now);
}

/** Replays `actions`, then moves the clock to `endAt`. Resolves when done (loads may be awaited). */
export async function replayActions(
  target: ReplayTarget,
  actions: readonly LabAction[],
  endAt: number,
): Promise<ReplayResult> {
  let applied = 0;
  for (const a of actions) {
    moveTo(target.getSim(), a[1]);
    target.flush?.();
    switch (a[0]) {
      case 'c':
        if (!target.session.submitLine(a[2]))
          return { applied, stopped: `the terminal did not accept a recorded line at ${a[1]} ms` };
        break;
      case 'i':
        target.session.interrupt();
        break;
      case 'k':
        target.session.tick();
        break;
      case 's':
        target.step();
        break;
      case 'f':
        target.fault?.(a[2], a[3], a[4]);
        break;
    }
    if (!(await settleLoads(target.session))) return { applied, stopped: 'a program did not finish loading' };
    applied++;
  }
  moveTo(target.getSim(), endAt);
  target.flush?.();
  return { applied };
}

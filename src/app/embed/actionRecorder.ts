/**
 * Records what the learner does to the lab, for share links and autosave: wraps the terminal session
 * the store drives (every typed line, control click and editor apply goes through `submitLine`), the
 * kubelet's fault helpers, and is told about single steps. Each action is stamped with the virtual time
 * it happened at. Ticks of the page's clock are recorded only when they let a waiting command go on,
 * because those are the only ticks that change anything; between them, advancing time in one jump or
 * in many frames gives the same cluster.
 */
import type { Simulation } from '../../core/simulation/simulation.ts';
import type { InteractiveSession, PodFaults } from '../../state/sessionPort.ts';
import type { LabAction } from './shareState.ts';

/** The session members the recorder needs beyond the page's port: which wait the session is in. */
export interface RecordableSession extends InteractiveSession {
  readonly currentWait?: { type: string } | undefined;
}

export interface ActionRecorder {
  /** the session to hand to the store: the same session, recording */
  readonly session: RecordableSession;
  /** the fault helpers to hand to the store, recording (undefined when none are wired) */
  readonly faults: PodFaults | undefined;
  /** Records a single controller step taken at virtual time `at` (before the step). */
  recordStep(at: number): void;
  /** Every action so far, oldest first (a copy). */
  actions(): LabAction[];
  /** Calls `cb` after each recorded action; returns unsubscribe. */
  onAction(cb: (a: LabAction) => void): () => void;
}

/** Wraps `inner` (and `faults`); `getSim` gives the cluster whose clock stamps the actions. */
export function createActionRecorder(
  inner: RecordableSession,
  getSim: () => Simulation,
  faults?: PodFaults,
): ActionRecorder {
  const log: LabAction[] = [];
  const listeners = new Set<(a: LabAction) => void>();
  const record = (a: LabAction) => {
    log.push(a);
    for (const cb of listeners) cb(a);
  };
  const now = () => getSim().now;

  const session: RecordableSession = {
    submitLine(line) {
      const at = now();
      const accepted = inner.submitLine(line);
      if (accepted) record(['c', at, line]);
      return accepted;
    },
    interrupt() {
      const at = now();
      const before = inner.currentWait;
      inner.interrupt();
      if (before !== undefined) record(['i', at]);
    },
    tick() {
      const before = inner.currentWait;
      inner.tick();
      if (inner.currentWait !== before) record(['k', now()]);
    },
    onOutput: (cb) => inner.onOutput(cb),
    get currentPrompt() {
      return inner.currentPrompt;
    },
    get isBusy() {
      return inner.isBusy;
    },
    get currentWait() {
      return inner.currentWait;
    },
  };

  const wrappedFaults: PodFaults | undefined = faults && {
    failReadiness(sim, namespace, name, failing) {
      record(['f', sim.now, failing ? 'fail' : 'pass', namespace, name]);
      faults.failReadiness(sim, namespace, name, failing);
    },
    crashContainer(sim, namespace, name) {
      record(['f', sim.now, 'crash', namespace, name]);
      faults.crashContainer(sim, namespace, name);
    },
  };

  return {
    session,
    faults: wrappedFaults,
    recordStep: (at) => record(['s', at]),
    actions: () => [...log],
    onAction: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}

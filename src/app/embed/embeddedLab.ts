/**
 * Composes a lab for lessons, embedding and sharing: the same cluster, terminal session and store as
 * createLab.ts, with the session wrapped by the action recorder (for share links and autosave) and
 * with the current lesson's files readable by name (`kubectl apply -f parallel-sts.yaml`). Also the
 * helper that types lines and lets virtual time run until each has finished (lesson setup), which goes
 * through the store like a learner's typing, so it is recorded and replays the same way.
 */
import { createSimulation } from '../../core/simulation/createSimulation.ts';
import { type AppStore, createAppStore } from '../../state/createAppStore.ts';
import { HOST_COMMANDS } from '../../terminal/commands.ts';
import { Session } from '../../terminal/shell/session.ts';
import { applyScenario } from '../scenarios.ts';
import { type ActionRecorder, createActionRecorder } from './actionRecorder.ts';

export interface EmbeddedLab {
  app: AppStore;
  recorder: ActionRecorder;
  /** Makes these files readable by name in the terminal (the lesson's files); replaces earlier ones. */
  setFiles(files: Readonly<Record<string, string>>): void;
}

/** A lab on a new cluster with `seed` and the named scenario, recording what the learner does. */
export function createEmbeddedLab(opts: { seed: number; scenario: string | null }): EmbeddedLab {
  const sim = createSimulation({ seed: opts.seed });
  applyScenario(sim, opts.scenario);
  let files: Readonly<Record<string, string>> = {};
  const session = new Session({
    sim,
    commands: HOST_COMMANDS,
    readFile: (path) => {
      const name = path.replace(/^(\.\/)+/, '');
      return Object.hasOwn(files, name) ? files[name] : undefined;
    },
  });
  const recorder = createActionRecorder(session, () => session.sim);
  const app = createAppStore({
    getSim: () => session.sim,
    session: recorder.session,
    faults: recorder.faults,
  });
  // single steps bypass the session: record them from the store (lastStep changes once per step)
  app.store.subscribe((s, prev) => {
    if (s.lastStep !== prev.lastStep) recorder.recordStep(prev.now);
  });
  return {
    app,
    recorder,
    setFiles: (f) => {
      files = f;
    },
  };
}

/** How long (virtual) one setup line may run before the page gives up waiting for it. */
const SETUP_LINE_LIMIT_MS = 15 * 60_000;
const SETUP_TICK_MS = 100;

/**
 * Types each line at the prompt and advances virtual time in small steps until it has finished, as a
 * learner who waits would. Returns false if a line could not be typed (no prompt) or did not finish.
 */
export function runLinesToCompletion(app: AppStore, lines: readonly string[]): boolean {
  for (const line of lines) {
    const s = app.store.getState();
    if (!s.submitCommand(line)) return false;
    let waited = 0;
    while (app.store.getState().terminal.busy) {
      if (waited >= SETUP_LINE_LIMIT_MS) return false;
      app.store.getState().skip(SETUP_TICK_MS);
      waited += SETUP_TICK_MS;
    }
  }
  return true;
}

/**
 * The typed test hook `window.__simApi` for e2e tests and the benchmark (dev/test builds, or any build
 * opened with `?simapi`): move virtual time, run until settled, read a snapshot, run a command as
 * if typed and get what it printed. Never used by the page itself.
 */
import type { ClusterState } from '../core/simulation/clusterState.ts';
import { toClusterView } from '../state/clusterView.ts';
import type { AppStore } from '../state/createAppStore.ts';
import { isSettled } from '../state/selectors.ts';

export interface SimApi {
  /** Advances virtual time by `ms` (in 100 ms steps so waiting commands resume on time). */
  advance(ms: number): void;
  /** Advances until nothing visible is in flight, or `maxMs` virtual ms passed; true when settled. */
  runUntilSettled(maxMs?: number): boolean;
  /** A deep copy of the cluster state. */
  snapshot(): ClusterState;
  /** Types `command` at the prompt, lets virtual time run until it ends (max 10 min), returns its output. */
  run(command: string): string;
  /** Virtual ms now. */
  now(): number;
}

const STEP_MS = 100;

/** Builds the hook for an app store. */
export function createSimApi(app: AppStore): SimApi {
  const state = () => app.store.getState();
  const advance = (ms: number) => {
    let left = ms;
    while (left > 0) {
      const d = Math.min(STEP_MS, left);
      state().skip(d);
      left -= d;
    }
  };
  return {
    advance,
    runUntilSettled: (maxMs = 10 * 60_000) => {
      const sim = app.host.getSim();
      const ok = sim.runUntil(() => isSettled(toClusterView(sim.state)), maxMs);
      state().skip(0);
      return ok;
    },
    snapshot: () => app.host.getSim().snapshot(),
    run: (command) => {
      const from = state().terminal.nextSeq;
      state().submitCommand(command);
      for (let waited = 0; state().terminal.busy && waited < 600_000; waited += STEP_MS) advance(STEP_MS);
      const text = state()
        .terminal.chunks.filter((c) => c.seq >= from)
        .map((c) => c.text)
        .join('');
      const echoed = `${command}\n`;
      const body = text.startsWith(echoed) ? text.slice(echoed.length) : text;
      const prompt = state().terminal.prompt;
      return body.endsWith(prompt) ? body.slice(0, body.length - prompt.length) : body;
    },
    now: () => app.host.getSim().now,
  };
}

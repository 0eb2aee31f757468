/**
 * The bridge: the only subscriber to the simulation's watch stream. Watch events only mark the view
 * dirty; `flush()` — called once per frame, step or command — copies the cluster into a fresh
 * plain-data view, moves the clock, appends new terminal output and updates the prompt, all in ONE
 * setState, so subscribers re-render once per tick however many objects changed.
 * When the session replaces its cluster (`minikube delete` then `minikube start`), the bridge notices
 * on the next flush and re-subscribes to the new one.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Simulation } from '../core/simulation/simulation.ts';
import { toClusterView } from './clusterView.ts';
import type { AppState } from './createAppStore.ts';
import type { LabHost } from './sessionPort.ts';
import { appendChunks } from './slices/terminalSlice.ts';

export interface Bridge {
  /** Copies every change since the last flush into the store (at most one setState). */
  flush(): void;
  /** Queues text for the terminal as if the session printed it. */
  print(text: string): void;
  /** Stops listening to the cluster and the session. */
  dispose(): void;
}

/** Binds a store to a host's cluster and session. The store is filled at once (first flush). */
export function createBridge(host: LabHost, store: StoreApi<AppState>): Bridge {
  let sim: Simulation | undefined;
  let unwatch: (() => void) | undefined;
  let dirty = true;
  let pending: string[] = [];
  let disposed = false;

  const bind = () => {
    const current = host.getSim();
    if (current === sim) return;
    unwatch?.();
    sim = current;
    unwatch = current.watch(() => {
      dirty = true;
    });
    dirty = true;
  };

  // The session hands its first prompt to its first listener, so the screen starts with it.
  host.session?.onOutput((text) => {
    if (!disposed) pending.push(text);
  });

  const flush = () => {
    if (disposed) return;
    bind();
    const s = store.getState();
    const current = sim as Simulation;
    const patch: Partial<AppState> = {};
    if (dirty) {
      patch.cluster = toClusterView(current.state);
      patch.clusterVersion = s.clusterVersion + 1;
      dirty = false;
    }
    if (current.now !== s.now) patch.now = current.now;
    const session = host.session;
    const prompt = session?.currentPrompt ?? '';
    const busy = session?.isBusy ?? false;
    if (pending.length > 0 || prompt !== s.terminal.prompt || busy !== s.terminal.busy) {
      patch.terminal = { ...appendChunks(s.terminal, pending), prompt, busy };
      pending = [];
    }
    if (Object.keys(patch).length > 0) store.setState(patch);
  };

  return {
    flush,
    print: (text) => {
      pending.push(text);
    },
    dispose: () => {
      disposed = true;
      unwatch?.();
    },
  };
}

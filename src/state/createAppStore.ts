/**
 * The page's one store (zustand vanilla, slices pattern): cluster view, terminal, playback, selection
 * and UI preferences. React reads it through ui/hooks/useAppStore; the bridge is its only writer of
 * cluster data. Model: pmndrs/zustand docs/learn/guides/slices-pattern.md.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type Bridge, createBridge } from './bridge.ts';
import type { LabRuntime } from './labRuntime.ts';
import type { LabHost } from './sessionPort.ts';
import { type ClusterSlice, createClusterSlice } from './slices/clusterSlice.ts';
import { createFaultSlice, type FaultSlice } from './slices/faultSlice.ts';
import { createPlaybackSlice, type PlaybackSlice } from './slices/playbackSlice.ts';
import { createSelectionSlice, type SelectionSlice } from './slices/selectionSlice.ts';
import { createTerminalSlice, type TerminalSlice } from './slices/terminalSlice.ts';
import { createUiSlice, type UiSlice } from './slices/uiSlice.ts';

export type AppState = ClusterSlice & TerminalSlice & PlaybackSlice & SelectionSlice & UiSlice & FaultSlice;

/** The store plus the host it drives and the bridge that feeds it. */
export interface AppStore {
  store: StoreApi<AppState>;
  host: LabHost;
  bridge: Bridge;
}

/**
 * Creates the store for a host and fills it with the cluster's current state.
 * @example const { store } = createAppStore({ getSim: () => sim, session });
 */
export function createAppStore(host: LabHost): AppStore {
  let bridge: Bridge | undefined;
  const rt: LabRuntime = {
    host,
    flush: () => bridge?.flush(),
    print: (text) => bridge?.print(text),
    note: (text) => {
      const prompt = host.session?.isBusy ? undefined : host.session?.currentPrompt;
      bridge?.print(`# ${text}\n${prompt ?? ''}`);
    },
  };
  const store = createStore<AppState>()((...a) => ({
    ...createClusterSlice(...a),
    ...createTerminalSlice(rt)(...a),
    ...createPlaybackSlice(rt)(...a),
    ...createSelectionSlice(...a),
    ...createUiSlice(...a),
    ...createFaultSlice(rt)(...a),
  }));
  bridge = createBridge(host, store);
  bridge.flush();
  return { store, host, bridge };
}

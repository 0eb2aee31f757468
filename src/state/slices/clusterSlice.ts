/**
 * Cluster slice: the latest plain-data view of the simulated cluster, replaced as a whole by the bridge
 * once per frame (never edited in place), plus a counter that changes only when objects changed so
 * the diagram can skip frames where only the clock moved.
 */
import type { StateCreator } from 'zustand/vanilla';
import { type ClusterView, emptyClusterView } from '../clusterView.ts';
import type { AppState } from '../createAppStore.ts';

export interface ClusterSlice {
  cluster: ClusterView;
  /** bumps each time the objects (not only the clock) changed */
  clusterVersion: number;
  /** virtual ms now; changes every frame while playing */
  now: number;
}

/** The initial cluster slice: an empty view at time 0. */
export const createClusterSlice: StateCreator<AppState, [], [], ClusterSlice> = () => ({
  cluster: emptyClusterView(),
  clusterVersion: 0,
  now: 0,
});

/** Selection slice: the object the learner clicked, which the inspector shows and the controls act on. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../createAppStore.ts';

/** Names one API object. `uid` tells a re-created pod from its predecessor of the same name. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
}

export interface SelectionSlice {
  selected: ObjectRef | undefined;
  /** Selects an object (undefined clears the selection). */
  select(ref: ObjectRef | undefined): void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selected: undefined,
  select: (ref) => set({ selected: ref }),
});

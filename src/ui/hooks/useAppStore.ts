/**
 * The React side of the app store: a context carrying the store and `useAppStore(selector)`, which
 * re-renders only when the selected value changes (use `useShallow` for object picks).
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../../state/createAppStore.ts';

export const AppStoreContext = createContext<AppStore | null>(null);

/** The AppStore of the nearest provider; throws outside one (a wiring bug, not a runtime state). */
export function useAppStoreApi(): AppStore {
  const s = useContext(AppStoreContext);
  if (!s) throw new Error('useAppStore used outside AppStoreContext');
  return s;
}

/**
 * Reads a slice of the app state.
 * @example const speed = useAppStore((s) => s.speed);
 */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStoreApi().store, selector);
}

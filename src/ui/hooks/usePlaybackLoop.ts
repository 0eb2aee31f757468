/**
 * Drives virtual time from real time: one requestAnimationFrame loop that hands the real ms since the
 * last frame to the store's `frame` action (which scales it by speed and does nothing while paused).
 * This is the only place the page reads the wall clock for the simulation.
 */
import { useEffect } from 'react';
import type { AppStore } from '../../state/createAppStore.ts';

/** Runs the playback loop while mounted. */
export function usePlaybackLoop(app: AppStore): void {
  useEffect(() => {
    let last = performance.now();
    let handle = requestAnimationFrame(function loop(ts) {
      const dt = ts - last;
      last = ts;
      app.store.getState().frame(dt);
      handle = requestAnimationFrame(loop);
    });
    return () => cancelAnimationFrame(handle);
  }, [app]);
}

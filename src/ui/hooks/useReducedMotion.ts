/** Mirrors the `prefers-reduced-motion` media query into the store so the diagram can drop animation. */
import { useEffect } from 'react';
import type { AppStore } from '../../state/createAppStore.ts';

/** Keeps `reducedMotion` in the store equal to the learner's system preference. */
export function useReducedMotion(app: AppStore): void {
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia('(prefers-reduced-motion: reduce)');
    const apply = () => app.store.getState().setReducedMotion(mq.matches);
    apply();
    mq.addEventListener('change', apply);
    return () => mq.removeEventListener('change', apply);
  }, [app]);
}

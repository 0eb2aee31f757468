/**
 * Playback slice: the page's clock controls. Virtual time moves only when the page's animation loop
 * calls `frame(realMs)` (real time × speed), when the learner single-steps one controller action, or
 * skips ahead. After every move the terminal session is ticked (so waiting commands resume) and the
 * bridge flushes once.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../createAppStore.ts';
import type { LabRuntime } from '../labRuntime.ts';

/** The speeds the page offers: virtual seconds per real second. */
export const SPEEDS = [1, 5, 20, 60] as const;
export type Speed = (typeof SPEEDS)[number];

/** Longest real frame the clock honours; a tab that slept for minutes must not jump the cluster ahead. */
export const MAX_FRAME_MS = 250;

/** What the last single step did, in words the timeline can show. */
export interface StepInfo {
  kind: 'sync' | 'timer' | 'idle';
  /** `controller key` for a sync, `timer type key` for a timer */
  detail: string;
  at: number;
}

export interface PlaybackSlice {
  paused: boolean;
  speed: Speed;
  lastStep: StepInfo | undefined;
  play(): void;
  pause(): void;
  setSpeed(speed: Speed): void;
  /** Runs exactly one controller action (a sync, or else the next due timer). */
  stepOnce(): void;
  /** Moves virtual time forward by `ms` at once. */
  skip(ms: number): void;
  /** Called by the page's animation loop with the real ms since the last frame. */
  frame(realMs: number): void;
}

/** The virtual ms one frame advances: real ms (capped) times the speed; 0 while paused. Pure. */
export function virtualDelta(realMs: number, speed: Speed, paused: boolean): number {
  if (paused || !(realMs > 0)) return 0;
  return Math.round(Math.min(realMs, MAX_FRAME_MS) * speed);
}

export function createPlaybackSlice(rt: LabRuntime): StateCreator<AppState, [], [], PlaybackSlice> {
  const moved = () => {
    rt.host.session?.tick();
    rt.flush();
  };
  return (set, get) => ({
    paused: false,
    speed: 1,
    lastStep: undefined,
    play: () => set({ paused: false }),
    pause: () => set({ paused: true }),
    setSpeed: (speed) => set({ speed }),
    stepOnce: () => {
      const sim = rt.host.getSim();
      const r = sim.step();
      const detail =
        r.kind === 'sync'
          ? `${r.controller} ${r.key}`
          : r.kind === 'timer'
            ? `${r.timer.type} ${r.timer.key}`
            : '';
      set({ lastStep: { kind: r.kind, detail, at: sim.now } });
      moved();
    },
    skip: (ms) => {
      rt.host.getSim().advance(ms);
      moved();
    },
    frame: (realMs) => {
      const { speed, paused } = get();
      const dt = virtualDelta(realMs, speed, paused);
      if (dt === 0) return;
      rt.host.getSim().advance(dt);
      moved();
    },
  });
}

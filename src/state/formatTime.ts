/**
 * Time as the page shows it: the virtual clock as elapsed time since the session began and as the
 * cluster's own timestamp (the instant metadata timestamps and kubectl's ages count from).
 */
import { fromTimestamp, toTimestamp } from '../core/clock/virtualClock.ts';

/** `T+m:ss` (or `T+h:mm:ss`) of a virtual instant, tenths shown while under a minute is not needed. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `T+${h}:${pad(m)}:${pad(s)}` : `T+${m}:${pad(s)}`;
}

/** The cluster's RFC 3339 timestamp of a virtual instant. */
export function clusterTimestamp(ms: number): string {
  return toTimestamp(ms);
}

/** Virtual ms of a cluster timestamp (an Event's lastTimestamp, a creationTimestamp). */
export function virtualMsOf(timestamp: string): number {
  return fromTimestamp(timestamp);
}

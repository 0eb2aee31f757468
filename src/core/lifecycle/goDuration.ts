/**
 * Go's time.Duration.String() for whole milliseconds, as the kubelet prints pull times
 * (`in 19.873s (19.873s including waiting)`, `in 830ms`), after Truncate(time.Millisecond).
 * Follows go/src/time/time.go (Duration.String): units h, m, s with trailing fractional zeros dropped;
 * below one second the largest unit that keeps an integer part (ms here).
 */

function seconds(ms: number): string {
  const whole = Math.floor(ms / 1000);
  const frac = ms % 1000;
  if (frac === 0) return `${whole}s`;
  return `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}s`;
}

/** `1h2m3.5s`, `2m0.25s`, `19.873s`, `830ms`, `0s`. */
export function formatGoDuration(ms: number): string {
  const d = Math.max(0, Math.floor(ms));
  if (d === 0) return '0s';
  if (d < 1000) return `${d}ms`;
  const h = Math.floor(d / 3_600_000);
  const m = Math.floor((d % 3_600_000) / 60_000);
  const rest = d % 60_000;
  if (h > 0) return `${h}h${m}m${seconds(rest)}`;
  if (m > 0) return `${m}m${seconds(rest)}`;
  return seconds(rest);
}

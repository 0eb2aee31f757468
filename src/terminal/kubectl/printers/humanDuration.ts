/**
 * Durations and timestamps as kubectl prints them.
 * - {@link humanDuration}: apimachinery pkg/util/duration/duration.go HumanDuration (1.30), used for
 *   every AGE / LAST SEEN cell (printers.go translateTimestampSince) and describe's event ages.
 * - {@link rfc1123z}: Go's time.RFC1123Z layout, used by describe (CreationTimestamp, Start Time...).
 *   Real kubectl formats in the client's local zone; the lab's learners' machine is taken to be UTC.
 */
import { fromTimestamp } from '../../../core/clock/virtualClock.ts';

/**
 * Human-readable approximation of a duration in milliseconds, truncating (never rounding):
 * `<invalid>` below -1s, `0s` for -1s..0, `Ns` under 2 minutes, `MmSs` under 10 minutes, `Mm` under
 * 3 hours, `HhMm` under 8 hours, `Hh` under 2 days, `DdHh` under 8 days, `Dd` under 2 years, `YyDd`
 * under 8 years, then `Yy` (365-day years).
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/**
 * Age of an RFC 3339 timestamp at virtual instant `now` (ms), as printers.go translateTimestampSince:
 * `<unknown>` when the timestamp is missing.
 */
export function ageSince(timestamp: string | undefined | null, now: number): string {
  if (!timestamp) return '<unknown>';
  return humanDuration(now - fromTimestamp(timestamp));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** An RFC 3339 timestamp in Go's RFC1123Z layout, UTC: `Sat, 01 Jun 2024 10:00:00 +0000`. */
export function rfc1123z(timestamp: string): string {
  const d = new Date(Date.parse(timestamp));
  return (
    `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`
  );
}

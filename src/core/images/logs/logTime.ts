/**
 * The clock texts container logs carry, computed from virtual time (virtualClock.ts EPOCH_MS, UTC, as
 * in a container without TZ): the MariaDB entrypoint's `date --rfc-3339=seconds`, the MariaDB server's
 * own `YYYY-MM-DD HH:MM:SS` with the hour padded by a space (sql/log.cc print_buffer_to_file: `%d-%02d-%02d
 * %2d:%02d:%02d`) and its `YYMMDD HH:MM:SS` buffer-pool stamps, nginx's `YYYY/MM/DD HH:MM:SS`
 * (ngx_cached_err_log_time), and the kubelet's `--timestamps` prefix (kubernetes 1.30
 * pkg/kubelet/kuberuntime/logs/logs.go timestampFormat `2006-01-02T15:04:05.000000000Z07:00`).
 */
import { EPOCH_MS } from '../../clock/virtualClock.ts';

const pad2 = (n: number) => String(n).padStart(2, '0');
const space2 = (n: number) => String(n).padStart(2, ' ');

function parts(ms: number) {
  const d = new Date(EPOCH_MS + Math.floor(ms / 1000) * 1000);
  return {
    y: d.getUTCFullYear(),
    mo: pad2(d.getUTCMonth() + 1),
    d: pad2(d.getUTCDate()),
    h: d.getUTCHours(),
    mi: pad2(d.getUTCMinutes()),
    s: pad2(d.getUTCSeconds()),
  };
}

/** `2024-06-01 10:00:25+00:00`: the MariaDB entrypoint's mysql_log stamp. */
export function rfc3339Seconds(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${p.mo}-${p.d} ${pad2(p.h)}:${p.mi}:${p.s}+00:00`;
}

/** `2024-06-01  9:00:25`: the MariaDB server's error-log stamp (hour padded with a space). */
export function mariadbServerTime(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${p.mo}-${p.d} ${space2(p.h)}:${p.mi}:${p.s}`;
}

/** `240601  9:00:25`: the stamp in InnoDB's "Buffer pool(s) dump/load completed at" notes. */
export function mariadbShortTime(ms: number): string {
  const p = parts(ms);
  return `${String(p.y).slice(2)}${p.mo}${p.d} ${space2(p.h)}:${p.mi}:${p.s}`;
}

/** `2024/06/01 10:00:25`: nginx's error-log stamp. */
export function nginxTime(ms: number): string {
  const p = parts(ms);
  return `${p.y}/${p.mo}/${p.d} ${pad2(p.h)}:${p.mi}:${p.s}`;
}

/**
 * The kubelet's `--timestamps` prefix: RFC 3339 with nine fraction digits, always `Z`. `nanos` (0 to
 * 999 999) are the digits below the millisecond, which virtual time does not have (see podLog.ts).
 */
export function kubeletTimestamp(ms: number, nanos: number): string {
  const iso = new Date(EPOCH_MS + ms).toISOString();
  return `${iso.slice(0, 23)}${String(nanos).padStart(6, '0')}Z`;
}

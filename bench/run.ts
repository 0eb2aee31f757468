/**
 * `npm run bench`: prints the benchmark figures of the simulation core and the terminal. Goals (from
 * the issues): 1 000 replicas all Ready in under 1 s of wall time with cost growing linearly, 5 000
 * replicas in under 200 MB of heap, and `kubectl get pods -w` over a 1 000-pod rollout in under 2 s.
 */
import { type BenchRow, benchCreate, benchRollingUpdate } from './clusterBench.ts';
import { benchWatchRollout } from './terminalBench.ts';

function row(r: BenchRow): string {
  const perEvent = r.events ? (r.wallMs * 1000) / r.events : 0;
  return [
    r.name.padEnd(52),
    `${String(r.nodes).padStart(3)} nodes`,
    `${r.wallMs.toFixed(0).padStart(7)} ms`,
    `${String(r.events).padStart(8)} events`,
    `${perEvent.toFixed(1).padStart(7)} µs/event`,
    `${r.virtualS.toFixed(0).padStart(6)} s virtual`,
    `${r.heapMb.toFixed(0).padStart(5)} MB heap`,
  ].join('  ');
}

const rows: BenchRow[] = [];
for (const n of [100, 1000, 5000]) {
  rows.push(benchCreate(n));
  console.log(row(rows[rows.length - 1]));
}
rows.push(benchRollingUpdate(1000));
console.log(row(rows[rows.length - 1]));
const watch = await benchWatchRollout(1000);
console.log(row(watch));
const [r100, r1000, r5000] = rows;
const perEvent = (r: BenchRow) => (r.wallMs * 1000) / r.events;
console.log(
  `scaling: 1000/100 = ${(r1000.wallMs / r100.wallMs).toFixed(1)}x wall, 5000/1000 = ${(r5000.wallMs / r1000.wallMs).toFixed(1)}x wall (linear = 10x, 5x); µs/event 100 -> 1000 -> 5000: ${perEvent(r100).toFixed(1)} -> ${perEvent(r1000).toFixed(1)} -> ${perEvent(r5000).toFixed(1)} (linear = flat)`,
);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log(
  `goals: 1000 Ready < 1 s: ${verdict(r1000.wallMs < 1000)}; 5000 heap < 200 MB: ${verdict(r5000.heapMb < 200)}; watch < 2 s: ${verdict(watch.wallMs < 2000)}`,
);

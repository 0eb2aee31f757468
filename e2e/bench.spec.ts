/**
 * @bench Benchmark (prints figures, never fails on speed): time to interactive of the page with a
 * 200-pod StatefulSet, and the median frame rate while it animates at 60x.
 */
import { test } from './fixtures/lab.ts';

test('@bench 200-pod StatefulSet: time to interactive and median fps', async ({ lab }) => {
  const t0 = Date.now();
  await lab.open('scenario=parallel-200');
  await lab.box('mariadb-sts-199').waitFor();
  const tti = Date.now() - t0;
  await lab.page.getByRole('button', { name: '60x' }).click();
  // Delete every pod so the whole set goes through terminating and creation while we measure.
  await lab.type('kubectl delete pods -l app=mariadb --wait=false');
  const fps = await lab.page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const deltas: number[] = [];
        let last = performance.now();
        const loop = (ts: number) => {
          deltas.push(ts - last);
          last = ts;
          if (deltas.length < 180) requestAnimationFrame(loop);
          else {
            deltas.sort((a, b) => a - b);
            resolve(1000 / deltas[Math.floor(deltas.length / 2)]);
          }
        };
        requestAnimationFrame(loop);
      }),
  );
  const text = `time-to-interactive ${tti} ms, median fps ${fps.toFixed(1)}`;
  test.info().annotations.push({ type: 'bench', description: text });
  console.log(`BENCH 200 pods: ${text}`);
});

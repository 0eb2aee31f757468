/**
 * Bundle budget: the JavaScript the page loads before its first paint is at most 250 KB gzip-compressed.
 * The test records every script response up to first-contentful-paint and gzips the bodies itself.
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const BUDGET = 250 * 1024;

test('JavaScript before first paint <= 250 KB gzip', async ({ page }) => {
  // Every script body is read inside the test (the promises are awaited below), so no read is left
  // running when the page closes.
  const reads: Array<Promise<{ url: string; bytes: Buffer | undefined }>> = [];
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'script') return;
    reads.push(
      r.body().then(
        (bytes) => ({ url: r.url(), bytes }),
        () => ({ url: r.url(), bytes: undefined }),
      ),
    );
  });
  await page.goto('/');
  const fcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const e = performance.getEntriesByName('first-contentful-paint')[0];
        if (e) return resolve(e.startTime);
        new PerformanceObserver((list) => resolve(list.getEntries()[0].startTime)).observe({
          type: 'paint',
          buffered: true,
        });
      }),
  );
  await page.waitForLoadState('load');
  const initial = await page.evaluate(
    (t) =>
      performance
        .getEntriesByType('resource')
        .filter((r) => r.startTime <= t && r.name.endsWith('.js'))
        .map((r) => r.name),
    fcp,
  );
  const bodies = await Promise.all(reads);
  const measured = bodies.filter((b) => initial.includes(b.url));
  expect(measured.map((b) => b.url).sort()).toEqual([...initial].sort());
  const gz = measured.reduce((n, b) => n + gzipSync(b.bytes ?? Buffer.alloc(0)).length, 0);
  expect(measured.every((b) => b.bytes !== undefined)).toBe(true);
  test
    .info()
    .annotations.push({ type: 'js-before-first-paint-gzip', description: `${(gz / 1024).toFixed(1)} KB` });
  console.log(`JS before first paint: ${(gz / 1024).toFixed(1)} KB gzip (${initial.length} files)`);
  expect(initial.length).toBeGreaterThan(0);
  expect(gz).toBeLessThanOrEqual(BUDGET);
});

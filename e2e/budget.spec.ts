/**
 * Bundle budget: the JavaScript the page loads before its first paint is at most 250 KB gzip-compressed.
 * The test records every script response up to first-contentful-paint and gzips the bodies itself.
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const BUDGET = 250 * 1024;

test('JavaScript before first paint <= 250 KB gzip', async ({ page }) => {
  const bodies: Array<{ url: string; at: number; bytes: Buffer }> = [];
  const start = Date.now();
  page.on('response', async (r) => {
    if (r.request().resourceType() !== 'script') return;
    bodies.push({ url: r.url(), at: Date.now() - start, bytes: await r.body() });
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
  const gz = bodies.filter((b) => initial.includes(b.url)).reduce((n, b) => n + gzipSync(b.bytes).length, 0);
  test
    .info()
    .annotations.push({ type: 'js-before-first-paint-gzip', description: `${(gz / 1024).toFixed(1)} KB` });
  console.log(`JS before first paint: ${(gz / 1024).toFixed(1)} KB gzip (${initial.length} files)`);
  expect(initial.length).toBeGreaterThan(0);
  expect(gz).toBeLessThanOrEqual(BUDGET);
});

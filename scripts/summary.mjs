// Prints the one closing line CI reads, "N passed, N failed", from the step log and the Vitest and
// Playwright JSON reports. Each failed step without a report of its own (lint, typecheck, build)
// counts as one failed check, each passed one as one passed check. Exit status 1 when anything failed.
import { existsSync, readFileSync } from 'node:fs';

const [stepsFile, vitestFile, e2eFile] = process.argv.slice(2);
const readJson = (f) => (f && existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : undefined);
const steps = readFileSync(stepsFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => l.split(': '));

let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = readJson(vitestFile);
const e2e = readJson(e2eFile);
for (const [name, result] of steps) {
  if (name === 'unit' && vitest) continue;
  if (name === 'e2e' && e2e) continue;
  if (result === 'ok') passed++;
  else failed++;
}
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitest.success || vitest.numFailedTests ? 0 : 1);
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
if (e2e) {
  passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected ?? 0;
  skipped += e2e.stats.skipped ?? 0;
  if ((e2e.errors ?? []).length > 0) failed += 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;

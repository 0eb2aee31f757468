/** Accessibility: axe-core finds no serious or critical violation, empty and with the chapter applied. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/lab.ts';

for (const query of ['', 'scenario=chapter-3']) {
  test(`no serious or critical axe violations (${query || 'empty cluster'})`, async ({ lab }) => {
    await lab.open(query);
    const result = await new AxeBuilder({ page: lab.page }).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('works at 360 px wide and by keyboard alone', async ({ lab }) => {
  await lab.page.setViewportSize({ width: 360, height: 800 });
  await lab.open('scenario=chapter');
  const overflow = await lab.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // Tab to the pod box and open it with Enter: the inspector shows its describe output.
  const pod = lab.box('mariadb-sts-0');
  for (let i = 0; i < 40; i++) {
    await lab.page.keyboard.press('Tab');
    if (await pod.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(pod).toBeFocused();
  await lab.page.keyboard.press('Enter');
  await expect(lab.page.locator('#inspector-title')).toContainText('Pod/mariadb-sts-0');
  await expect(lab.page.getByTestId('inspector-output')).not.toBeEmpty();
});

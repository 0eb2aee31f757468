/**
 * Embedding and sharing in the browser: the example course page embeds the lab in an iframe and
 * receives its progress events (and can send it commands); a shared link rebuilds the same cluster in
 * a new page; a corrupt link and a malformed lesson give a message and a clean, working lab.
 */
import { expect, test } from './fixtures/lab.ts';

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

test('the example course page embeds the lab and receives its progress events', async ({ page }) => {
  await page.goto('/course-example.html');
  const frame = page.frameLocator('#lab');
  await expect(page.getByTestId('course-status')).toHaveText(/Step 1 of 10/);
  await expect(page.getByTestId('course-log')).toContainText('"type":"ready"');
  // the compact layout shows the panels the page asked for, and not the others
  await expect(frame.getByTestId('lesson-panel')).toBeVisible();
  await expect(frame.getByTestId('manifest-editor')).toHaveCount(0);
  // the learner completes step 1 in the iframe: the course page hears about it
  await frame.getByTestId('lesson-step').locator('button.lesson-type').first().click();
  await expect(page.getByTestId('course-log')).toContainText('"type":"step-completed"');
  await expect(page.getByTestId('course-log')).toContainText('"stepId":"start"');
  await frame.getByTestId('lesson-next').click();
  await expect(page.getByTestId('course-status')).toHaveText(/Step 2 of 10/);
  await expect(page.getByTestId('course-progress').locator('li').first()).toHaveAttribute(
    'data-state',
    'done',
  );
  // commands in: the course page types into the lab's terminal and switches its language
  await page.getByRole('button', { name: /kubectl get pods/ }).click();
  await expect(frame.locator('.xterm-rows')).toContainText('kubectl get pods');
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(frame.getByTestId('lesson-progress')).toHaveText('ステップ 2 / 10');
});

test('a shared link reproduces the cluster', async ({ lab, browser }) => {
  await lab.open('seed=5&autosave=0');
  await lab.run('minikube addons enable csi-hostpath-driver');
  await lab.run('kubectl apply -f minimal-sts.yaml');
  expect(await lab.runUntilSettled()).toBe(true);
  await lab.run('kubectl scale sts mariadb-sts --replicas=2');
  expect(await lab.runUntilSettled()).toBe(true);
  await lab.run('kubectl delete pod mariadb-sts-0');
  expect(await lab.runUntilSettled()).toBe(true);
  await lab.page.getByTestId('share-link').click();
  const link = await lab.page.getByTestId('share-url').inputValue();
  expect(link).toMatch(/#lab=[A-Za-z0-9_-]+$/);
  const identity = (s: Awaited<ReturnType<typeof lab.snapshot>>) =>
    ['Pod', 'PersistentVolumeClaim', 'PersistentVolume'].flatMap((kind) =>
      Object.values(s.objects[kind] ?? {})
        .filter((o) => !o.metadata.namespace || o.metadata.namespace === 'default')
        .map(
          (o) =>
            `${kind}/${o.metadata.name} ${o.metadata.uid} ${(o as { status?: { podIP?: string } }).status?.podIP ?? ''}`,
        )
        .sort(),
    );
  const before = identity(await lab.snapshot());
  expect(before.some((l) => l.startsWith('Pod/mariadb-sts-1 '))).toBe(true);

  const other = await (await browser.newContext()).newPage();
  // the link keeps the page's query (?simapi&seed=5&autosave=0) and carries the lab in its fragment
  await other.goto(link);
  await expect(other.getByTestId('lab-notice')).toHaveAttribute('data-notice', 'lab.sharedRestored');
  await other.evaluate(() => window.__simApi?.runUntilSettled());
  const after = identity(
    (await other.evaluate(() => window.__simApi?.snapshot())) as Awaited<ReturnType<typeof lab.snapshot>>,
  );
  expect(after).toEqual(before);
  await expect(other.locator('.xterm-rows')).toContainText('pod "mariadb-sts-0" deleted');
});

test('a corrupt link gives a message and a clean start', async ({ lab }) => {
  await lab.open(`seed=0#lab=${'%%%not-a-lab'}`);
  await expect(lab.page.getByTestId('lab-notice')).toHaveAttribute('data-notice', 'lab.badLink');
  await expect(lab.page.getByTestId('lab-notice')).toContainText('The shared link could not be read');
  const snap = await lab.snapshot();
  expect(Object.keys(snap.objects.StatefulSet ?? {})).toEqual([]);
  // the lab works
  expect(await lab.run('kubectl get sts')).toContain('No resources found in default namespace.');
});

test('a malformed lesson gives a message and the lab without it; lesson text is never markup', async ({
  lab,
}) => {
  await lab.open(`lessonData=${b64url('id: Not An Id\norder: 1\nsteps: []\n')}&lang=en`);
  await expect(lab.page.getByTestId('lab-notice')).toHaveAttribute('data-notice', 'lesson.invalid');
  await lab.page.getByTestId('lab-notice').locator('summary').click();
  await expect(lab.page.getByTestId('lab-notice')).toContainText('id: must be lower-case');
  await expect(lab.page.getByTestId('lesson-panel')).toHaveCount(0);
  expect(await lab.run('kubectl get pods')).toContain('No resources found in default namespace.');

  const hostile = {
    id: 'hostile',
    order: 1,
    title: { ja: '<img src=x onerror="window.__pwned=1">', en: '<img src=x onerror="window.__pwned=1">' },
    summary: { ja: 'テスト', en: 'test' },
    steps: [
      {
        id: 'one',
        title: { ja: '<script>window.__pwned=2</script>', en: '<script>window.__pwned=2</script>' },
        text: { ja: '`<b>code</b>` テキスト', en: '`<b>code</b>` text' },
        check: { exists: { kind: 'Pod', name: 'x' } },
        explain: { ja: '説明', en: 'explained' },
      },
    ],
  };
  await lab.open(`lessonData=${b64url(JSON.stringify(hostile))}&lang=en`);
  await expect(lab.page.getByTestId('lesson-panel')).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(lab.page.getByTestId('lesson-panel').locator('img, script, b')).toHaveCount(0);
  expect(await lab.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

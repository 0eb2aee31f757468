/**
 * The chapter's story in the browser: apply the manifest, see 1/1, delete the pod and see it come back
 * with the same name and claim and a new IP, read `kubectl get pods`, scale to 3 in order, then a
 * partitioned image update that changes only the ordinals at or above the partition.
 */
import { expect, type Lab, test } from './fixtures/lab.ts';

async function shot(lab: Lab, name: string) {
  await test
    .info()
    .attach(name, { body: await lab.page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

test('the chapter: apply, delete a pod, get pods, scale, partitioned update', async ({ lab }) => {
  const { page } = lab;
  await lab.open('seed=1');
  await page.getByRole('button', { name: /pause/i }).click();

  // As the chapter: enable the CSI hostpath driver, whose storage class the manifest's claims use.
  expect(await lab.run('minikube addons enable csi-hostpath-driver')).toContain(
    "The 'csi-hostpath-driver' addon is enabled",
  );

  // Apply the chapter's manifest from the editor (typed into the terminal as kubectl apply -f -).
  await page.getByTestId('apply-manifest').click();
  await expect(page.getByTestId('apply-result')).toContainText('statefulset.apps/mariadb-sts created');
  await expect(page.getByTestId('apply-result')).toContainText('service/mariadb-svc created');
  // the here-document's last line and the prompt after kubectl's output are on screen
  await expect.poll(() => lab.screen()).toMatch(/> EOF\n(.*\n)*statefulset\.apps\/mariadb-sts created/);

  // Wait (virtually) for 1/1.
  expect(await lab.runUntilSettled()).toBe(true);
  await expect(lab.box('mariadb-sts-0')).toHaveAttribute('data-stage', 'ready');
  await expect(lab.box('mariadb-sts')).toHaveAttribute('aria-label', /1 of 1 ready/);
  await expect(page.locator('svg .node-dns')).toHaveCount(1);
  await shot(lab, '1-applied-ready');

  // Delete mariadb-sts-0 with the control: it terminates and returns with the same name and claim, new IP.
  const before = await lab.pod('mariadb-sts-0');
  expect(before?.ready).toBe(true);
  await lab.box('mariadb-sts-0').click();
  await page.getByRole('button', { name: 'Delete pod' }).click();
  await expect.poll(() => lab.screen()).toContain('kubectl delete pod mariadb-sts-0');
  // a moment of virtual time for the endpoints controller to drop the terminating pod's address
  await lab.advance(200);
  await expect(lab.box('mariadb-sts-0')).toHaveAttribute('data-stage', 'terminating');
  await expect(page.locator('svg .node-dns')).toHaveCount(0);
  await shot(lab, '2-terminating');
  expect(await lab.runUntilSettled()).toBe(true);
  const after = await lab.pod('mariadb-sts-0');
  expect(after?.uid).not.toBe(before?.uid);
  expect(after?.claim).toBe(before?.claim);
  expect(after?.ip).toBeTruthy();
  expect(after?.ip).not.toBe(before?.ip);
  await expect(lab.box('mariadb-sts-0')).toHaveAttribute('data-stage', 'ready');
  await expect(lab.box(`${before?.claim}`)).toBeVisible();
  await shot(lab, '3-back-same-name');

  // Type kubectl get pods and read the table.
  await lab.type('kubectl get pods');
  await expect.poll(() => lab.screen()).toMatch(/NAME +READY +STATUS +RESTARTS +AGE/);
  await expect.poll(() => lab.screen()).toMatch(/mariadb-sts-0 +1\/1 +Running +0 +\d+s/);
  await shot(lab, '4-get-pods');

  // Scale to 3 with the controls; OrderedReady creates 1 only after 0, 2 only after 1 is Ready.
  await page.getByRole('button', { name: 'Scale up' }).click();
  await expect(page.getByTestId('replicas')).toHaveText('2');
  await page.getByRole('button', { name: 'Scale up' }).click();
  await expect(page.getByTestId('replicas')).toHaveText('3');
  await expect.poll(() => lab.screen()).toContain('kubectl scale statefulset mariadb-sts --replicas=3');
  await lab.advance(1000);
  expect(await lab.pod('mariadb-sts-1')).toBeDefined();
  expect(await lab.pod('mariadb-sts-2')).toBeUndefined();
  await shot(lab, '5-scaling-in-order');
  for (let i = 0; i < 600 && !(await lab.pod('mariadb-sts-2')); i++) {
    expect((await lab.pod('mariadb-sts-1'))?.ready ?? false).toBe(false);
    await lab.advance(500);
  }
  expect((await lab.pod('mariadb-sts-1'))?.ready).toBe(true);
  expect(await lab.runUntilSettled()).toBe(true);
  await expect(page.locator('svg .node-pod')).toHaveCount(3);
  await shot(lab, '6-three-ready');

  // Partition 2, then a new image: only ordinals >= 2 move to the update revision.
  await lab.box('mariadb-sts').click();
  await page.getByTestId('partition-input').fill('2');
  await page.getByRole('button', { name: 'Set partition' }).click();
  await page.getByTestId('image-input').fill('mariadb:11.4.2-noble');
  await page.getByRole('button', { name: 'Change image' }).click();
  // the command line wraps on a narrow terminal: read the command's own confirmation
  await expect.poll(() => lab.screen()).toContain('statefulset.apps/mariadb-sts image updated');
  expect(await lab.runUntilSettled()).toBe(true);
  const s = await lab.snapshot();
  const updateRevision = s.objects.StatefulSet['default/mariadb-sts'].status.updateRevision;
  const revs = await Promise.all([0, 1, 2].map(async (i) => (await lab.pod(`mariadb-sts-${i}`))?.revision));
  expect(revs[2]).toBe(updateRevision);
  expect(revs[0]).not.toBe(updateRevision);
  expect(revs[1]).not.toBe(updateRevision);
  await expect(page.locator('svg .node-partition')).toHaveCount(1);
  await expect(lab.box('mariadb-sts-2')).toHaveAttribute('aria-label', /\(update\)/);
  await shot(lab, '7-partitioned-update');
});

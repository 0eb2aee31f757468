/**
 * Lesson 1 (the chapter, from `minikube start` to cleanup) completed in the browser, in Japanese and in
 * English: predictions answered by clicking, commands typed at the terminal or with the panel's
 * "Type it" buttons, virtual time moved through the test hook, each step's explanation awaited before
 * moving on. The checks are the lesson's own (cluster state); the test only drives the page.
 */
import type { Locator } from '@playwright/test';
import { expect, type Lab, test } from './fixtures/lab.ts';

/** Advances virtual time in slices until `done` holds (or gives up after `maxMs`). */
async function until(lab: Lab, done: () => Promise<boolean>, maxMs = 180_000, sliceMs = 2_000) {
  for (let t = 0; t <= maxMs; t += sliceMs) {
    if (await done()) return;
    await lab.advance(sliceMs);
  }
  throw new Error('the lab did not get there in time');
}

function panel(lab: Lab) {
  const step = lab.page.getByTestId('lesson-step');
  return {
    step,
    /** clicks the "Type it" button of the step's command `command` */
    typeIt: async (command: string) => {
      const item = step
        .locator('.lesson-do li')
        .filter({ has: lab.page.locator('code', { hasText: command }) });
      const button: Locator = item.locator('button.lesson-type');
      await expect(button).toBeEnabled();
      await button.click();
    },
    predict: (choice: string) => step.locator(`[data-choice="${choice}"]`).click(),
    explained: () => lab.page.getByTestId('lesson-explain').isVisible(),
    next: async (stepId: string) => {
      await expect(step).toHaveAttribute('data-step', stepId);
      await until(lab, async () => (await step.getAttribute('data-done')) === 'true');
      await expect(lab.page.getByTestId('lesson-explain')).toBeVisible();
      await lab.page.getByTestId('lesson-next').click();
    },
  };
}

/** Waits until the terminal shows `text` (moving virtual time while it does not). */
async function screenShows(lab: Lab, text: string) {
  await until(lab, async () => (await lab.screen()).includes(text), 120_000, 1_000);
}

async function completeChapter(lab: Lab) {
  const p = panel(lab);
  // 1. minikube start, typed at the terminal
  await lab.type('minikube start');
  await p.next('start');
  // 2. storage: the buttons type the chapter's addon commands
  for (const c of [
    'minikube addons disable storage-provisioner',
    'minikube addons disable default-storageclass',
    'minikube addons enable csi-hostpath-driver',
  ])
    await p.typeIt(c);
  await p.next('storage');
  // 3. predict, then apply and let the pod start
  await p.predict('claim');
  await p.typeIt('kubectl apply -f minimal-sts.yaml');
  await p.next('apply');
  // 4. observation: the goal already holds
  await lab.type('kubectl get pv');
  await p.next('inspect');
  // 5. DNS from a client pod
  await lab.type('kubectl run -it my-pod --image=ghcr.io/takara9/my-ubuntu:0.3 -- bash');
  await screenShows(lab, 'nobody@my-pod:/$');
  await lab.type('nslookup mariadb-svc');
  await screenShows(lab, 'mariadb-svc.default.svc.cluster.local');
  await lab.type('exit');
  await p.next('dns');
  // 6. a database on the volume
  await lab.type('kubectl run -it my-client --image=mariadb:11.3.2-jammy -- bash');
  await screenShows(lab, 'root@my-client:/#');
  await lab.type('mariadb --host mariadb-svc --password');
  await screenShows(lab, 'Enter password:');
  await lab.type('secret');
  await screenShows(lab, 'MariaDB [(none)]>');
  await lab.type('create database test1;');
  await screenShows(lab, 'Query OK, 1 row affected');
  await lab.type('exit');
  await lab.type('exit');
  await p.next('database');
  // 7. predict, delete the pod, wait for the new one
  await p.predict('yes');
  await p.typeIt('kubectl delete pod mariadb-sts-0');
  await p.next('delete-pod');
  // 8-9. observations
  await p.next('data-survived');
  await p.typeIt('kubectl get sts mariadb-sts -o yaml');
  await p.next('yaml');
  // 10. cleanup
  await p.typeIt('minikube delete');
  await p.next('cleanup');
  await expect(lab.page.getByTestId('lesson-finished')).toBeVisible();
}

test('lesson 1 in English, from minikube start to cleanup', async ({ lab }) => {
  await lab.open('lesson=chapter&lang=en&seed=1&autosave=0');
  await expect(lab.page.getByTestId('lesson-panel')).toContainText(
    'The chapter: from minikube start to cleanup',
  );
  await expect(lab.page.getByTestId('lesson-progress')).toHaveText('Step 1 of 10');
  await completeChapter(lab);
  await expect(lab.page.getByTestId('lesson-finished')).toContainText('Lesson complete. Well done!');
});

test('lesson 1 in Japanese, from minikube start to cleanup', async ({ lab }) => {
  await lab.open('lesson=chapter&lang=ja&seed=1&autosave=0');
  await expect(lab.page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(lab.page.getByTestId('lesson-panel')).toContainText('章をたどる');
  await expect(lab.page.getByTestId('lesson-progress')).toHaveText('ステップ 1 / 10');
  await completeChapter(lab);
  await expect(lab.page.getByTestId('lesson-finished')).toContainText('レッスン完了です');
});

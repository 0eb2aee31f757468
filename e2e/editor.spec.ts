/**
 * The manifest editor marks kubectl's errors on the lines at fault: a learner types a manifest, presses
 * Apply, and sees lint markers whose text is kubectl's error exactly as the terminal printed it
 * (shared/spec/kubectl-output.md §5). Editing the text clears the markers.
 */
import type { Page } from '@playwright/test';
import { expect, type Lab, test } from './fixtures/lab.ts';

const TYPE_ERROR = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  replicas: "three"
  serviceName: web
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
`;

/** A Service, a StatefulSet with a misspelt field, and one whose selector does not match its labels. */
const UNKNOWN_AND_MISMATCH = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: None
  selector:
    app: web
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  replica: 3
  serviceName: web
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: web
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: mariadb
    spec:
      containers:
      - name: db
        image: mariadb:11.3.2-jammy
`;

/** The 1-based number of the `nth` line of `text` that reads `line` (ignoring indentation). */
function lineOf(text: string, line: string, nth = 0): number {
  return text
    .split('\n')
    .flatMap((l, i) => (l.trim() === line ? [i + 1] : []))
    .at(nth) as number;
}

async function shot(lab: Lab, name: string) {
  await test
    .info()
    .attach(name, { body: await lab.page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

/** Replaces the editor's text with `text` and presses Apply. */
async function applyText(page: Page, text: string) {
  const editor = page.getByTestId('manifest-editor');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  // insertText: the text as it is, without the editor's auto-indent on each newline
  await page.keyboard.insertText(text);
  await expect(editor.locator('.cm-line').first()).toHaveText(text.split('\n')[0]);
  await page.getByTestId('apply-manifest').click();
}

/** Each error marker: the marked text, the text of its line and that line's number. */
async function markers(page: Page) {
  return page.locator('.cm-content .cm-lintRange-error').evaluateAll((els) =>
    els.map((el) => {
      const line = el.closest('.cm-line') as HTMLElement;
      return {
        marked: el.textContent,
        line: Array.from(line.parentElement?.children ?? []).indexOf(line) + 1,
        lineText: line.textContent,
      };
    }),
  );
}

/** The tooltip text shown when the pointer rests on the `i`-th marker. */
async function tooltipOf(page: Page, i: number): Promise<string> {
  await page.mouse.move(0, 0);
  await page.locator('.cm-content .cm-lintRange-error').nth(i).hover();
  const tip = page.locator('.cm-tooltip-lint .cm-diagnostic');
  await expect(tip).toHaveCount(1);
  const text = (await tip.textContent()) ?? '';
  await page.mouse.move(0, 0);
  await expect(tip).toHaveCount(0);
  return text;
}

test('Apply marks kubectl’s errors on the lines at fault, with kubectl’s own text', async ({ lab }) => {
  const { page } = lab;
  await lab.open('seed=1');
  await page.getByRole('button', { name: /pause/i }).click();

  // replicas: "three" -> the type error on the replicas line
  await applyText(page, TYPE_ERROR);
  const typeError =
    'Error from server (BadRequest): error when creating "STDIN": StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32';
  await expect(page.getByTestId('apply-result')).toHaveText(typeError);
  await expect(page.locator('.cm-content .cm-lintRange-error')).toHaveCount(1);
  expect(await markers(page)).toEqual([
    {
      marked: 'replicas: "three"',
      line: lineOf(TYPE_ERROR, 'replicas: "three"'),
      lineText: '  replicas: "three"',
    },
  ]);
  expect(await tooltipOf(page, 0)).toBe(typeError);
  await expect(page.locator('.cm-gutter-lint .cm-lint-marker-error')).toHaveCount(1);
  await shot(lab, '1-type-error');

  // editing clears the markers
  await page.getByTestId('manifest-editor').focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('#');
  await expect(page.locator('.cm-content .cm-line').last()).toHaveText('#');
  await expect(page.locator('.cm-content .cm-lintRange')).toHaveCount(0);

  // several documents: the Service is created; the misspelt field and the selector mismatch are
  // marked in their own documents
  await applyText(page, UNKNOWN_AND_MISMATCH);
  const unknown =
    'Error from server (BadRequest): error when creating "STDIN": StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.replica"';
  const mismatch =
    'Error from server (Invalid): error when creating "STDIN": StatefulSet.apps "db" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"mariadb"}: `selector` does not match template `labels`';
  await expect(page.getByTestId('apply-result')).toHaveText(`service/web created\n${unknown}\n${mismatch}`);
  await expect(page.locator('.cm-content .cm-lintRange-error')).toHaveCount(2);
  expect(await markers(page)).toEqual([
    { marked: 'replica: 3', line: lineOf(UNKNOWN_AND_MISMATCH, 'replica: 3'), lineText: '  replica: 3' },
    // the db document's template labels (the second `labels:` of the text)
    { marked: 'labels:', line: lineOf(UNKNOWN_AND_MISMATCH, 'labels:', 1), lineText: '      labels:' },
  ]);
  expect(await tooltipOf(page, 0)).toBe(unknown);
  expect(await tooltipOf(page, 1)).toBe(mismatch);

  // the lint panel lists both, in kubectl's order
  await page.getByTestId('manifest-editor').focus();
  await page.keyboard.press('ControlOrMeta+Shift+KeyM');
  await expect(page.locator('.cm-panel-lint .cm-diagnostic')).toHaveText([unknown, mismatch]);
  await shot(lab, '2-unknown-field-and-selector-mismatch');
});

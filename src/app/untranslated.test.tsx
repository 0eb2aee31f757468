// @vitest-environment jsdom
/**
 * No hard-coded English on the Japanese page: the lab is started as a learner would open it with
 * `?lang=ja` — a lesson open, a StatefulSet mid-rollout with a partition, a claim kept after a
 * scale-down, the controller waiting, a pod selected, a message in the lab bar — and every text and
 * every spoken label (aria-label, title) of the main panels is scanned for English words. Allowed are
 * Kubernetes' own terms (ui/i18n/foreignWords.ts), the names and values of the cluster's objects and
 * the controller's messages, `code`, and whatever is marked `lang="en"` (what kubectl and the
 * controllers print, which is English on every page). The same page in English must not show Japanese.
 */
import { act, cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { toClusterView } from '../state/clusterView.ts';
import { foreignWords, valueWords } from '../ui/i18n/foreignWords.ts';
import { createI18n } from '../ui/i18n/i18n.ts';
import { EmbeddedApp } from './embed/EmbeddedApp.tsx';
import { runLinesToCompletion } from './embed/embeddedLab.ts';
import { type StartedLab, startLab } from './embed/startLab.ts';

/** The panels scanned: all but the terminal and the editor, whose screens are xterm and CodeMirror. */
const PANELS = 'lesson,diagram,controls,inspector,timeline,playback';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** A started lab in a busy state (see the file comment). */
async function busyLab(query: string): Promise<StartedLab> {
  const started = await startLab({ search: `?${query}&autosave=0&panels=${PANELS}`, hash: '' });
  const { app } = started.lab;
  app.store.getState().pause();
  runLinesToCompletion(app, [
    `kubectl patch sts mariadb-sts -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}}}}'`,
    'kubectl set image sts/mariadb-sts mariadb=mariadb:11.4.2-noble',
  ]);
  for (let i = 0; i < 40; i++) app.store.getState().skip(1000);
  runLinesToCompletion(app, ['kubectl scale sts mariadb-sts --replicas=2']);
  for (let i = 0; i < 40; i++) app.store.getState().skip(1000);
  // scaled up again and not yet given time: the controller waits on the new pod
  runLinesToCompletion(app, ['kubectl scale sts mariadb-sts --replicas=3']);
  app.store.getState().stepOnce();
  app.bridge.flush();
  app.store.getState().select({ kind: 'Pod', namespace: 'default', name: 'mariadb-sts-0' });
  return started;
}

/** Renders the page for a started lab in a language and lets the diagram draw. */
async function renderPage(started: StartedLab, lang: 'en' | 'ja'): Promise<HTMLElement> {
  const i18n = createI18n(lang);
  const { container } = render(
    <I18nextProvider i18n={i18n}>
      <EmbeddedApp started={started} i18n={i18n} manifest="" />
    </I18nextProvider>,
  );
  await act(() => new Promise((r) => setTimeout(r, 50)));
  return container;
}

/** Words of the cluster's data: object names, images, sizes, addresses, the controllers' messages. */
function dataWords(started: StartedLab): Set<string> {
  const view = toClusterView(started.lab.app.host.getSim().state);
  const objects = [
    ...view.statefulSets,
    ...view.pods,
    ...view.claims,
    ...view.volumes,
    ...view.services,
    ...view.nodes,
    ...view.revisions,
  ];
  return valueWords([
    ...objects.map((o) => o.metadata.name),
    ...view.pods.flatMap((p) => p.spec.containers.map((c) => c.image)),
    ...view.claims.map((c) => c.spec.resources?.requests?.storage ?? ''),
    ...view.volumes.map((v) => v.spec.capacity?.storage ?? ''),
    ...view.waiting.map((w) => `${w.object} ${w.message}`),
    'svc.cluster.local',
  ]);
}

/** True inside what the page marks as English data (`lang="en"`) or as code. */
function isData(el: Element | null): boolean {
  if (!el) return false;
  if (el.closest('code, pre, kbd, samp')) return true;
  return el.closest('[lang]')?.getAttribute('lang')?.startsWith('en') ?? false;
}

const SPOKEN = ['aria-label', 'title', 'alt', 'placeholder', 'aria-description', 'aria-roledescription'];

/** Every text a learner sees or hears on the page, with where it is. */
function pageTexts(root: HTMLElement): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const text = n.textContent?.trim() ?? '';
    if (text && !isData(el)) out.push({ where: `<${el?.tagName.toLowerCase()}> text`, text });
  }
  for (const el of root.querySelectorAll('*')) {
    if (isData(el)) continue;
    for (const a of SPOKEN) {
      const text = el.getAttribute(a);
      if (text) out.push({ where: `<${el.tagName.toLowerCase()} ${a}>`, text });
    }
  }
  return out;
}

afterEach(cleanup);

describe('the Japanese page', () => {
  it('shows and speaks no English but Kubernetes terms, data, code and tool output', async () => {
    const started = await busyLab('lesson=rolling-update&lang=ja');
    const page = await renderPage(started, 'ja');
    // the busy state really is on the page
    const list = page.querySelector('[data-testid="diagram-text"]')?.textContent ?? '';
    expect(list).toContain('partition');
    expect(page.querySelectorAll('svg g.node-pod').length).toBeGreaterThan(1);
    expect(page.querySelector('[data-testid="lesson-panel"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="pod-controls"]')).not.toBeNull();
    expect(page.querySelector('.last-step')).not.toBeNull();

    const data = dataWords(started);
    const english = pageTexts(page).flatMap(({ where, text }) =>
      foreignWords(text, data).map((w) => `${where} "${w}" in: ${text}`),
    );
    expect(english).toEqual([]);
  });

  it('lists the lessons, and its notices, in Japanese', async () => {
    const started = await startLab({ search: `?lang=ja&autosave=0&speed=7&panels=${PANELS}`, hash: '' });
    started.lab.app.store.getState().pause();
    const page = await renderPage(started, 'ja');
    expect(page.querySelector('.lesson-picker')).not.toBeNull();
    expect(page.querySelector('[data-testid="lab-notice"]')).not.toBeNull();
    const english = pageTexts(page).flatMap(({ where, text }) =>
      foreignWords(text).map((w) => `${where} "${w}" in: ${text}`),
    );
    expect(english).toEqual([]);
  });
});

describe('the English page', () => {
  it('shows no Japanese outside the language switch', async () => {
    const started = await busyLab('lesson=rolling-update&lang=en');
    const page = await renderPage(started, 'en');
    const japanese = pageTexts(page).filter(
      ({ text }, i, all) => JAPANESE.test(text) && !(all[i].where === '<option> text'),
    );
    expect(japanese).toEqual([]);
  });
});

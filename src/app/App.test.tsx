// @vitest-environment jsdom
/**
 * Where the lesson sits: while a lesson is taken its panel comes first in the document — what a phone
 * shows first and where Tab starts — and the stylesheet (styles/app.css `.layout-lesson`) places it
 * beside the cluster on wide screens; the list of lessons (no lesson open) stays in the work column
 * after the cluster.
 */

import { act, cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../ui/i18n/i18n.ts';
import { EmbeddedApp } from './embed/EmbeddedApp.tsx';
import { startLab } from './embed/startLab.ts';

/** The page for a URL query (terminal and editor left out: jsdom has no xterm or CodeMirror). */
async function page(query: string): Promise<HTMLElement> {
  const started = await startLab({
    search: `?${query}&autosave=0&panels=lesson,diagram,controls,inspector,timeline,playback`,
    hash: '',
  });
  started.lab.app.store.getState().pause();
  const i18n = createI18n('en');
  const { container } = render(
    <I18nextProvider i18n={i18n}>
      <EmbeddedApp started={started} i18n={i18n} manifest="" />
    </I18nextProvider>,
  );
  await act(() => new Promise((r) => setTimeout(r, 20)));
  return container;
}

/** What comes first in the document: true when `a` precedes `b`. */
const precedes = (a: Element | null, b: Element | null) =>
  Boolean(a && b && a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

/** The first element Tab reaches inside the layout. */
function firstTabStop(root: HTMLElement): Element | null {
  return root.querySelector(
    'main a[href], main button:not([disabled]), main input, main select, main [tabindex="0"]',
  );
}

afterEach(cleanup);

describe('the lesson panel', () => {
  it('comes before the diagram and the controls while a lesson is open, and Tab starts in it', async () => {
    const root = await page('lesson=chapter');
    const lesson = root.querySelector('[data-testid="lesson-panel"]');
    const diagram = root.querySelector('.diagram-panel');
    expect(precedes(lesson, diagram)).toBe(true);
    expect(precedes(lesson, root.querySelector('.controls'))).toBe(true);
    expect(lesson?.contains(firstTabStop(root))).toBe(true);
    // the column the stylesheet moves beside the cluster on wide screens
    expect(lesson?.closest('.col')?.classList.contains('col-lesson')).toBe(true);
    expect(root.querySelector('main')?.classList.contains('layout-lesson')).toBe(true);
  });

  it('leaves the list of lessons after the cluster when no lesson is open', async () => {
    const root = await page('');
    const picker = root.querySelector('.lesson-picker');
    expect(picker).not.toBeNull();
    expect(precedes(root.querySelector('.diagram-panel'), picker)).toBe(true);
    expect(root.querySelector('main')?.classList.contains('layout-lesson')).toBe(false);
  });
});

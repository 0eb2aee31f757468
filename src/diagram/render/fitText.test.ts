// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { estimateFit, fitText } from './fitText.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A text element whose measured width is `px` per character, as a browser would report it. */
function measuredText(px: number): SVGTextElement {
  const el = document.createElementNS(SVG_NS, 'text') as SVGTextElement;
  Object.defineProperty(el, 'getComputedTextLength', {
    value: () => (el.textContent ?? '').length * px,
  });
  return el;
}

describe('fitText', () => {
  it('keeps a text that fits, whole', () => {
    const el = measuredText(6);
    fitText(el, 'mariadb-sts-0', 200, true, 'test-keep');
    expect(el.textContent).toBe('mariadb-sts-0');
  });

  it('shortens a text that does not fit to the longest beginning that does, with an ellipsis', () => {
    const el = measuredText(6);
    const text = 'headless (clusterIP: None)';
    const room = 126;
    fitText(el, text, room, false, 'test-shorten');
    const shown = el.textContent ?? '';
    expect(shown.endsWith('…')).toBe(true);
    expect(text.startsWith(shown.slice(0, -1))).toBe(true);
    expect(shown.length * 6).toBeLessThanOrEqual(room);
    // one more character would not have fitted
    expect((shown.length + 1) * 6).toBeGreaterThan(room);
  });

  it('gives the same answer from its cache without measuring again', () => {
    const text = 'pvc-7d9d0e25-d581-4c1b-9f0e-2a1f3b4c5d6e';
    const first = measuredText(6);
    fitText(first, text, 124, true, 'test-cache');
    let measured = 0;
    const second = document.createElementNS(SVG_NS, 'text') as SVGTextElement;
    Object.defineProperty(second, 'getComputedTextLength', {
      value: () => {
        measured++;
        return 0;
      },
    });
    fitText(second, text, 124, true, 'test-cache');
    expect(second.textContent).toBe(first.textContent);
    expect(measured).toBe(0);
  });

  it('estimates where nothing can be measured, bold text being wider', () => {
    const text = 'dbvl-mariadb-sts-10';
    expect(estimateFit(text, 1000, true)).toBe(text);
    const bold = estimateFit(text, 110, true);
    const regular = estimateFit(text, 110, false);
    expect(bold.endsWith('…')).toBe(true);
    expect(regular.length).toBeGreaterThanOrEqual(bold.length);
  });
});

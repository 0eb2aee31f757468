// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../ui/i18n/i18n.ts';
import type { DiagramLayout, DiagramNode, NodeRef } from '../layout/types.ts';
import { createClusterRenderer, type DiagramWords } from './clusterRenderer.ts';
import { transitionMs } from './palette.ts';

/** The drawing's own words in a language, from the page's catalogues. */
function wordsIn(lang: 'en' | 'ja'): DiagramWords {
  const i18n = createI18n(lang);
  return { waiting: i18n.t('diagram.waiting'), noIp: i18n.t('diagram.noIp') };
}
const words = wordsIn('en');

const settle = () => new Promise((r) => setTimeout(r, 60));

function pod(
  uid: string,
  name: string,
  stage: DiagramNode['stage'],
  extra: Partial<DiagramNode> = {},
): DiagramNode {
  return {
    id: uid,
    kind: 'pod',
    x: 10,
    y: 40,
    w: 138,
    h: 58,
    label: name,
    detail: stage === 'ready' ? 'Running 1/1' : 'Pending 0/1',
    ariaLabel: `Pod ${name}: ${stage}`,
    ref: { kind: 'Pod', namespace: 'default', name, uid },
    stage,
    revision: 1,
    ...extra,
  };
}

const layoutOf = (nodes: DiagramNode[]): DiagramLayout => ({ width: 400, height: 200, nodes, links: [] });

function mount() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.appendChild(svg);
  const selected: NodeRef[] = [];
  const renderer = createClusterRenderer(svg, { onSelect: (r) => selected.push(r) });
  return { svg, renderer, selected };
}

describe('createClusterRenderer', () => {
  it('draws each node once, keyed by uid, with its state as text', async () => {
    const { svg, renderer } = mount();
    renderer.update(layoutOf([pod('u1', 'web-0', 'ready'), pod('u2', 'web-1', 'pending', { x: 160 })]), {
      durationMs: 0,
      words,
    });
    await settle();
    const pods = svg.querySelectorAll('g.node-pod');
    expect([...pods].map((g) => g.getAttribute('aria-label'))).toEqual([
      'Pod web-0: ready',
      'Pod web-1: pending',
    ]);
    expect(svg.querySelector('g.node-pod.stage-ready text.detail')?.textContent).toBe('✓ Running 1/1');
    expect(svg.querySelector('g.node-pod text.rev')?.textContent).toBe('rev 1');
  });

  it('writes the pod IP on the pod, and says when it has none yet', async () => {
    const { svg, renderer } = mount();
    renderer.update(
      layoutOf([
        pod('u1', 'web-0', 'ready', { ip: '10.244.0.16' }),
        pod('u2', 'web-1', 'pending', { x: 160 }),
      ]),
      { durationMs: 0, words },
    );
    await settle();
    const ips = [...svg.querySelectorAll('g.node-pod text.ip')].map((t) => t.textContent);
    expect(ips).toEqual(['10.244.0.16', words.noIp]);
  });

  it('writes its own words in the language it is given, and no hourglass when nothing waits', async () => {
    const { svg, renderer } = mount();
    const words = wordsIn('ja');
    expect(words).not.toEqual(wordsIn('en'));
    renderer.update(
      layoutOf([
        pod('u1', 'web-0', 'ready', { ip: '10.244.0.16' }),
        pod('u2', 'web-1', 'pending', { x: 160, waitReason: 'waiting for web-0 to be Running and Ready' }),
      ]),
      { durationMs: 0, words },
    );
    await settle();
    const [ready, pending] = [...svg.querySelectorAll('g.node-pod')];
    expect(ready.querySelector('text.wait')?.textContent).toBe('');
    expect(ready.querySelector('path.wait-icon')?.getAttribute('display')).toBe('none');
    expect(pending.querySelector('text.wait')?.textContent).toBe(words.waiting);
    expect(pending.querySelector('text.ip')?.textContent).toBe(words.noIp);
  });

  it('shortens a second line too long for its box, and keeps one that fits', async () => {
    const { svg, renderer } = mount();
    const detail = 'headless (clusterIP: None)';
    const svc = (id: string, w: number): DiagramNode => ({
      id,
      kind: 'service',
      x: 10,
      y: 10,
      w,
      h: 54,
      label: id,
      detail,
      ariaLabel: `Service ${id}`,
    });
    renderer.update(layoutOf([svc('narrow', 138), svc('wide', 213)]), { durationMs: 0, words });
    await settle();
    const [narrow, wide] = [...svg.querySelectorAll('g.node-service text.detail')].map(
      (t) => t.textContent ?? '',
    );
    expect(narrow.endsWith('…')).toBe(true);
    expect(detail.startsWith(narrow.slice(0, -1))).toBe(true);
    expect(wide).toBe(detail);
  });

  it('replaces a re-created pod (same name, new uid) by exit then enter', async () => {
    const { svg, renderer } = mount();
    renderer.update(layoutOf([pod('old', 'web-0', 'ready')]), { durationMs: 0, words });
    await settle();
    const before = svg.querySelector('g.node-pod');
    renderer.update(layoutOf([pod('new', 'web-0', 'pending')]), { durationMs: 0, words });
    await settle();
    const after = svg.querySelectorAll('g.node-pod');
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    expect(after[0].getAttribute('data-stage')).toBe('pending');
    expect(after[0].getAttribute('data-name')).toBe('web-0');
  });

  it('keeps the element of a pod whose state changes, and updates its text', async () => {
    const { svg, renderer } = mount();
    renderer.update(layoutOf([pod('u1', 'web-0', 'pending')]), { durationMs: 0, words });
    await settle();
    const el = svg.querySelector('g.node-pod');
    renderer.update(layoutOf([pod('u1', 'web-0', 'ready', { updated: true, revision: 2 })]), {
      durationMs: 0,
      words,
    });
    await settle();
    expect(svg.querySelector('g.node-pod')).toBe(el);
    expect(el?.getAttribute('class')).toContain('stage-ready');
    expect(el?.querySelector('text.rev')?.textContent).toBe('rev 2 ▲');
    expect(el?.querySelector('rect.hatch')?.getAttribute('display')).toBeNull();
  });

  it('selects by click and by keyboard, and marks the waiting pod', async () => {
    const { svg, renderer, selected } = mount();
    renderer.update(
      layoutOf([pod('u1', 'web-0', 'running', { waitReason: 'waiting for web-0 to be Running and Ready' })]),
      { durationMs: 0, words },
    );
    await settle();
    const g = svg.querySelector('g.node-pod') as SVGGElement;
    expect(g.getAttribute('tabindex')).toBe('0');
    expect(g.getAttribute('role')).toBe('button');
    expect(g.querySelector('text.wait')?.textContent).toBe(words.waiting);
    expect(g.querySelector('path.wait-icon')?.getAttribute('display')).toBeNull();
    g.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    g.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    g.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(selected.map((r) => r.name)).toEqual(['web-0', 'web-0']);
  });

  it('scales motion by speed and stops it under reduced motion', () => {
    expect(transitionMs(1, false)).toBeGreaterThan(transitionMs(5, false));
    expect(transitionMs(60, false)).toBeLessThan(transitionMs(1, false) / 10 + 1);
    expect(transitionMs(1, true)).toBe(0);
  });

  it('removes what it drew on destroy', async () => {
    const { svg, renderer } = mount();
    renderer.update(layoutOf([pod('u1', 'web-0', 'ready')]), { durationMs: 0, words });
    renderer.destroy();
    expect(svg.querySelectorAll('g.node')).toHaveLength(0);
  });
});

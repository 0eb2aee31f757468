/**
 * Thin React host of the cluster diagram: owns the <svg>, creates the d3 renderer once, and on each
 * cluster change (or resize, selection, speed change) lays the view out and hands it to the renderer.
 * Below the drawing, the same layout as a list of texts, so every state drawn can also be read. All
 * words — the drawing's, the screen reader's and the text version's — come from the page's i18n
 * catalogues through react-i18next's `t`, so they follow the language switch.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { AppStore } from '../state/createAppStore.ts';
import type { DiagramTranslate } from './layout/diagramTexts.ts';
import { layoutCluster } from './layout/layoutCluster.ts';
import { type ClusterRenderer, createClusterRenderer, type DiagramWords } from './render/clusterRenderer.ts';
import { transitionMs } from './render/palette.ts';

/** Shortest real time between two redraws of the diagram. */
const MIN_REDRAW_MS = 150;

export interface ClusterDiagramProps {
  app: AppStore;
}

/** The diagram of the default namespace's StatefulSets, in the page's language. */
export function ClusterDiagram({ app }: ClusterDiagramProps) {
  const { t, i18n } = useTranslation();
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<ClusterRenderer | null>(null);
  const [width, setWidth] = useState(800);
  const cluster = useStore(app.store, (s) => s.cluster);
  const selected = useStore(app.store, (s) => s.selected);
  const speed = useStore(app.store, (s) => s.speed);
  const reducedMotion = useStore(app.store, (s) => s.reducedMotion);
  // `t` keeps its identity across a language switch: the language is a dependency of its own
  const lang = i18n.language;
  const translate = useMemo<DiagramTranslate>(
    () => (key, params) => t(key, { ...params, lng: lang }),
    [t, lang],
  );
  const layout = useMemo(() => layoutCluster(cluster, { width }, translate), [cluster, width, translate]);
  const words = useMemo<DiagramWords>(
    () => ({ waiting: t('diagram.waiting', { lng: lang }), noIp: t('diagram.noIp', { lng: lang }) }),
    [t, lang],
  );

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const r = createClusterRenderer(svg, { onSelect: (ref) => app.store.getState().select(ref) });
    rendererRef.current = r;
    return () => {
      r.destroy();
      rendererRef.current = null;
    };
  }, [app]);

  useEffect(() => {
    const el = boxRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => setWidth(Math.max(320, Math.floor(entry.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // At high speeds the cluster changes every frame; redrawing more often than a transition lasts only
  // restarts transitions, so updates are coalesced to at most one per MIN_REDRAW_MS (the last wins).
  const lastDraw = useRef(0);
  useEffect(() => {
    const draw = () => {
      lastDraw.current = performance.now();
      const selectedId = layout.nodes.find(
        (n) => selected && n.ref?.kind === selected.kind && n.ref.name === selected.name,
      )?.id;
      rendererRef.current?.update(layout, {
        durationMs: transitionMs(speed, reducedMotion),
        selectedId,
        words,
      });
    };
    const wait = MIN_REDRAW_MS - (performance.now() - lastDraw.current);
    if (wait <= 0) {
      draw();
      return;
    }
    const handle = setTimeout(draw, wait);
    return () => clearTimeout(handle);
  }, [layout, selected, speed, reducedMotion, words]);

  const texts = layout.nodes.filter((n) => n.kind !== 'node');
  return (
    <div className="diagram" ref={boxRef}>
      {texts.length === 0 && <p className="diagram-empty">{t('diagram.empty')}</p>}
      {/* empty, the drawing takes no room: the sentence above says what to do */}
      <svg
        ref={svgRef}
        className={texts.length === 0 ? 'diagram-svg diagram-svg-empty' : 'diagram-svg'}
        aria-label={t('diagram.label')}
        data-testid="cluster-diagram"
      />
      <details className="diagram-text">
        <summary>{t('diagram.summary')}</summary>
        <ul data-testid="diagram-text">
          {texts.map((n) => (
            <li key={n.id}>{n.ariaLabel}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

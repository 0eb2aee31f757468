/**
 * The cluster diagram's renderer: owns one <svg> and draws a DiagramLayout into it with keyed d3 joins
 * (key = object uid, so a re-created pod is a new element: the old one exits, the new one enters in
 * the same slot). Enter, update and exit are transitions whose duration the caller scales by playback
 * speed (0 under prefers-reduced-motion). Framework-free: `createClusterRenderer(svg, callbacks)`
 * returns `{ update, destroy }` (model: xyflow/xyflow packages/system XYPanZoom).
 */
import { interpolateString } from 'd3-interpolate';
import { type BaseType, type Selection, select } from 'd3-selection';
import 'd3-transition';
import type { DiagramLayout, DiagramLink, DiagramNode, NodeRef } from '../layout/types.ts';
import { fitText } from './fitText.ts';
import { revisionColour, stageDash, stageStrokeWidth, stageSymbol, WAIT_ICON_PATH } from './palette.ts';

export interface ClusterRendererCallbacks {
  /** The learner clicked (or pressed Enter/Space on) a box that stands for an API object. */
  onSelect(ref: NodeRef): void;
}

/**
 * The few words the drawing writes itself, in the page's language (catalogue keys `diagram.waiting`
 * and `diagram.noIp`). Everything else it writes comes with the layout.
 */
export interface DiagramWords {
  /** above a box the controller waits on */
  waiting: string;
  /** on a pod that has no IP yet */
  noIp: string;
}

export interface RenderOptions {
  /** ms per transition; 0 draws the new state at once */
  durationMs: number;
  /** id of the selected node, outlined */
  selectedId?: string;
  /** words in the page's language */
  words: DiagramWords;
}

export interface ClusterRenderer {
  /** Draws the layout, animating from what is drawn now. */
  update(layout: DiagramLayout, opts: RenderOptions): void;
  /** Removes everything the renderer drew and its listeners. */
  destroy(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function ensureDefs(svg: SVGSVGElement): void {
  if (svg.querySelector('#sts-hatch')) return;
  const defs = document.createElementNS(SVG_NS, 'defs');
  defs.innerHTML =
    '<pattern id="sts-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
    '<line x1="0" y1="0" x2="0" y2="8" stroke="#000" stroke-opacity="0.25" stroke-width="3"/></pattern>';
  svg.appendChild(defs);
}

function nodeFill(n: DiagramNode): string {
  switch (n.kind) {
    case 'pod':
      return revisionColour(n.revision);
    case 'claim':
      return n.orphaned ? '#fff4d6' : '#f1f5fb';
    case 'volume':
      return '#eef7ee';
    case 'dns':
      return '#eaf6ff';
    case 'node':
      return 'none';
    default:
      return '#ffffff';
  }
}

const at = (n: DiagramNode, dy = 0) => `translate(${n.x},${n.y + dy})`;

/**
 * Tweens a group's transform as a string. d3's default transform interpolator decomposes the SVG
 * matrix through `transform.baseVal`; our transforms are plain translations, so a string tween is
 * exact and also works where SVG DOM interfaces are missing (jsdom).
 */
function moveTo(dy = 0) {
  return function (this: SVGGElement, n: DiagramNode) {
    return interpolateString(this.getAttribute('transform') ?? at(n, dy), at(n, dy));
  };
}

function linkPath(l: DiagramLink, byId: Map<string, DiagramNode>): string {
  const s = byId.get(l.source);
  const t = byId.get(l.target);
  if (!s || !t) return '';
  const x1 = s.x + s.w / 2;
  const y1 = s.y + s.h;
  const x2 = t.x + t.w / 2;
  const y2 = t.y;
  if (l.kind === 'owns') {
    // owner links fan out from the set's lower edge into each pod's top
    return `M${x1},${y1} C${x1},${(y1 + y2) / 2} ${x2},${(y1 + y2) / 2} ${x2},${y2}`;
  }
  return `M${x1},${y1} L${x2},${y2}`;
}

/** Creates a renderer drawing into `svg` (which it does not remove on destroy). */
export function createClusterRenderer(
  svg: SVGSVGElement,
  callbacks: ClusterRendererCallbacks,
): ClusterRenderer {
  ensureDefs(svg);
  const root = select(svg);
  const linkLayer = root.append('g').attr('class', 'links').attr('aria-hidden', 'true');
  const nodeLayer = root.append('g').attr('class', 'nodes');
  const activate = (ev: Event, d: DiagramNode) => {
    if (!d.ref) return;
    if (ev instanceof KeyboardEvent) {
      if (ev.key !== 'Enter' && ev.key !== ' ') return;
      ev.preventDefault();
    }
    callbacks.onSelect(d.ref);
  };

  const update = (layout: DiagramLayout, opts: RenderOptions) => {
    const t = opts.durationMs;
    root.attr('viewBox', `0 0 ${layout.width} ${layout.height}`).attr('height', layout.height);
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));

    linkLayer
      .selectAll<SVGPathElement, DiagramLink>('path')
      .data(layout.links, (l) => l.id)
      .join(
        (enter) =>
          enter
            .append('path')
            .attr('class', (l) => `link link-${l.kind}`)
            .attr('d', (l) => linkPath(l, byId))
            .attr('opacity', 0)
            .call((e) => e.transition().duration(t).attr('opacity', 1)),
        (upd) =>
          upd.call((u) =>
            u
              .transition()
              .duration(t)
              .attr('d', (l) => linkPath(l, byId)),
          ),
        (exit) => exit.call((x) => x.transition().duration(t).attr('opacity', 0).remove()),
      );

    nodeLayer
      .selectAll<SVGGElement, DiagramNode>('g.node')
      .data(layout.nodes, (n) => n.id)
      .join(
        (enter) => {
          const g = enter
            .append('g')
            .attr('transform', (n) => at(n, n.kind === 'pod' ? -12 : 0))
            .attr('opacity', 0);
          drawNewNode(g, activate);
          g.transition().duration(t).attr('opacity', 1).attrTween('transform', moveTo());
          return g;
        },
        (upd) => {
          upd
            .transition()
            .duration(t)
            .attr('opacity', (n) => (n.stage === 'terminating' ? 0.6 : 1))
            .attrTween('transform', moveTo());
          return upd;
        },
        (exit) =>
          exit
            .attr('aria-hidden', 'true')
            .call((x) =>
              x.transition().duration(t).attr('opacity', 0).attrTween('transform', moveTo(16)).remove(),
            ),
      )
      .call((all) => refreshNode(all, opts, t));
  };

  return {
    update,
    destroy: () => {
      linkLayer.interrupt().remove();
      nodeLayer.selectAll('*').interrupt();
      nodeLayer.remove();
    },
  };
}

type NodeSel = Selection<SVGGElement, DiagramNode, BaseType, unknown>;

/** Builds the fixed parts of a new node's group: its shapes and text elements. */
function drawNewNode(g: NodeSel, activate: (ev: Event, d: DiagramNode) => void): void {
  g.filter((n) => n.ref !== undefined && n.kind !== 'node')
    .attr('tabindex', 0)
    .attr('role', 'button')
    .on('click', activate)
    .on('keydown', activate);
  g.append('title');
  g.filter((n) => n.kind === 'partition')
    .append('line')
    .attr('class', 'partition-line')
    .attr('x1', 0)
    .attr('x2', 0)
    .attr('y1', 0);
  g.filter((n) => n.kind !== 'partition')
    .append('rect')
    .attr('class', 'box')
    .attr('rx', (n) => (n.kind === 'dns' ? 11 : 6));
  g.filter((n) => n.kind === 'pod')
    .append('rect')
    .attr('class', 'hatch')
    .attr('rx', 6)
    .attr('fill', 'url(#sts-hatch)');
  g.append('text').attr('class', 'label').attr('x', 8);
  g.append('text').attr('class', 'detail').attr('x', 8);
  g.filter((n) => n.kind === 'pod')
    .append('text')
    .attr('class', 'rev')
    .attr('text-anchor', 'end');
  g.filter((n) => n.kind === 'pod')
    .append('text')
    .attr('class', 'ip')
    .attr('x', 8);
  const waits = g.filter((n) => n.kind === 'pod' || n.kind === 'statefulset');
  // an hourglass drawn as a path: the emoji ⏳ is an empty box where no emoji font is installed
  waits
    .append('path')
    .attr('class', 'wait-icon')
    .attr('d', WAIT_ICON_PATH)
    .attr('transform', 'translate(0,-13)');
  waits.append('text').attr('class', 'wait').attr('x', 12).attr('y', -4);
}

/** Sets everything that follows the node's current state (classes, colours, texts). */
function refreshNode(all: NodeSel, opts: RenderOptions, t: number): void {
  all
    .attr(
      'class',
      (n) =>
        `node node-${n.kind}${n.stage ? ` stage-${n.stage}` : ''}${n.orphaned ? ' orphaned' : ''}${
          n.waitReason ? ' waiting' : ''
        }${n.id === opts.selectedId ? ' selected' : ''}`,
    )
    .attr('aria-label', (n) => n.ariaLabel)
    .attr('data-name', (n) => n.ref?.name ?? n.label)
    .attr('data-stage', (n) => n.stage ?? null);
  all.select('title').text((n) => n.ariaLabel);
  all
    .select<SVGRectElement>('rect.box')
    .attr('width', (n) => n.w)
    .attr('height', (n) => n.h)
    .attr('stroke-dasharray', (n) => (n.kind === 'pod' ? stageDash(n.stage) : n.orphaned ? '4 3' : ''))
    .transition()
    .duration(t)
    .attr('fill', nodeFill)
    .attr('stroke-width', (n) => (n.kind === 'pod' ? stageStrokeWidth(n.stage) : 1));
  all
    .select('rect.hatch')
    .attr('width', (n) => n.w)
    .attr('height', (n) => n.h)
    .attr('display', (n) => (n.updated ? null : 'none'));
  all.select('line.partition-line').attr('y2', (n) => n.h);
  all
    .select<SVGTextElement>('text.label')
    .attr('y', (n) => (n.kind === 'dns' ? 15 : n.kind === 'partition' ? -4 : n.kind === 'node' ? 11 : 18))
    .attr('x', (n) => (n.kind === 'partition' || n.kind === 'node' ? 4 : 8))
    .each(function (n) {
      if (n.kind === 'partition' || n.kind === 'node') this.textContent = n.label;
      else fitText(this, n.label, n.w - 14, n.kind !== 'dns', `label-${n.kind}`);
    });
  all
    .select<SVGTextElement>('text.detail')
    .attr('y', (n) => (n.kind === 'partition' ? n.h + 14 : 36))
    .attr('x', (n) => (n.kind === 'partition' ? 4 : 8))
    .each(function (n) {
      if (n.kind === 'dns') this.textContent = '';
      else if (n.kind === 'partition') this.textContent = n.detail;
      else {
        const text = n.kind === 'pod' ? `${stageSymbol(n.stage)} ${n.detail}` : n.detail;
        fitText(this, text, n.w - 14, false, `detail-${n.kind}`);
      }
    });
  all
    .select('text.rev')
    .attr('x', (n) => n.w - 6)
    .attr('y', (n) => n.h - 6)
    // `rev N` and ▲ are symbols the legend defines in both languages (diagram.legend): a translated
    // word would not fit beside the IP in a pod's box
    .text((n) => (n.revision ? `rev ${n.revision}${n.updated ? ' ▲' : ''}` : ''));
  all.select('text.ip').attr('y', (n) => n.h - 6);
  const words = opts.words;
  all.select('text.ip').text((n) => n.ip ?? words.noIp);
  all.select('path.wait-icon').attr('display', (n) => (n.waitReason ? null : 'none'));
  all.select('text.wait').text((n) => (n.waitReason ? words.waiting : ''));
}

/**
 * The markers drawn around a set's pods: the dashed band of the node that runs them (minikube, or a
 * node added with `minikube node add`) and the partition line before the first ordinal that moves to
 * the update revision. Pure.
 */
import type { StatefulSet } from '../../core/api/types.ts';
import { type DiagramTranslate, nodeBandLabel, partitionTexts } from './diagramTexts.ts';
import { BOX_W, COL_W, DNS_H, MARGIN, POD_GAP, POD_H, ROW_GAP } from './geometry.ts';
import type { DiagramNode } from './types.ts';

/**
 * The node bands behind each row of pods — one per run of neighbouring pods on the same node (a pod
 * not yet scheduled, or a column holding only a kept claim, has none) — and the partition marker
 * before the first ordinal that updates. `nodeOf` gives the node of the pod at an ordinal.
 */
export function layoutNodesAndPartition(
  t: DiagramTranslate,
  set: StatefulSet,
  ordinals: number[],
  nodeOf: (ordinal: number) => string | undefined,
  perBand: number,
  bandTop: number,
  bandH: number,
  bands: number,
  partition: number,
  nodes: DiagramNode[],
): void {
  for (let b = 0; b < bands; b++) {
    const row = ordinals.slice(b * perBand, (b + 1) * perBand).map(nodeOf);
    for (let c = 0; c < row.length; ) {
      const name = row[c];
      let end = c + 1;
      while (end < row.length && row[end] === name) end++;
      if (name !== undefined)
        nodes.push({
          id: `node:${set.metadata.uid}:${b}:${c}:${name}`,
          kind: 'node',
          x: MARGIN - 6 + c * COL_W,
          y: bandTop + b * (bandH + ROW_GAP) + DNS_H + 2,
          // a little short of the next column, so two neighbouring nodes' bands do not touch
          w: (end - c) * COL_W - 2,
          h: POD_H + POD_GAP,
          label: nodeBandLabel(t, name),
          detail: '',
          // kind and name, as kubectl names the object (the band is not in the text version)
          ariaLabel: `Node ${name}`,
          ref: { kind: 'Node', name },
        });
      c = end;
    }
  }
  if (partition <= 0 || ordinals.length === 0) return;
  let i = ordinals.findIndex((o) => o >= partition);
  if (i < 0) i = ordinals.length;
  const band = Math.min(Math.floor(i / perBand), bands - 1);
  const col = i - band * perBand;
  nodes.push({
    id: `partition:${set.metadata.uid}`,
    kind: 'partition',
    x: MARGIN + col * COL_W - (COL_W - BOX_W) / 2,
    y: bandTop + band * (bandH + ROW_GAP),
    w: 0,
    h: bandH,
    // the field and its value as the manifest writes them
    label: `partition: ${partition}`,
    ...partitionTexts(t, partition),
  });
}

/**
 * layoutCluster: the cluster view -> positioned boxes and links. One section per StatefulSet of the
 * namespace: the set and its headless Service on top, then one column per ordinal (wrapped into bands)
 * holding the pod's DNS record (only while published), the pod, its claims and their volumes, inside
 * the node that runs them. Claims without a pod (kept after a scale-down or a set deletion) keep their
 * column. The partition is a marker between the ordinals it separates. The words come from
 * diagramTexts.ts in the language of the translator given. Pure and deterministic.
 */
import type { Pod, Service, StatefulSet } from '../../core/api/types.ts';
import type { ClusterView } from '../../state/clusterView.ts';
import { podReadyText, podRevision, podStage, podStatusText } from '../../state/podStatus.ts';
import { ordinalOf, podsOfSet, statefulSetsIn } from '../../state/selectors.ts';
import {
  claimTexts,
  type DiagramTranslate,
  dnsText,
  podTexts,
  serviceTexts,
  setTexts,
  volumeTexts,
} from './diagramTexts.ts';
import { type DnsRecord, podDnsRecords } from './dnsRecords.ts';
import {
  BOX_W,
  CLAIM_H,
  COL_W,
  columnsPerBand,
  DNS_H,
  HEADER_H,
  MARGIN,
  POD_GAP,
  POD_H,
  ROW_GAP,
  SECTION_GAP,
  VOLUME_H,
} from './geometry.ts';
import { layoutNodesAndPartition } from './setMarkers.ts';
import { claimsOfSet, partitionOf, revisionNumbers } from './setMembers.ts';
import type { DiagramLayout, DiagramLink, DiagramNode, LayoutSize } from './types.ts';

export interface LayoutOptions {
  namespace?: string;
}

function podNode(
  t: DiagramTranslate,
  pod: Pod,
  ordinal: number,
  x: number,
  y: number,
  revisions: Map<string, number>,
  set: StatefulSet,
  waitReason: string | undefined,
): DiagramNode {
  const revName = podRevision(pod);
  const revision = revName ? (revisions.get(revName) ?? 0) : 0;
  const updated = revName !== undefined && revName === set.status?.updateRevision;
  const texts = podTexts(t, {
    name: pod.metadata.name,
    status: podStatusText(pod),
    ready: podReadyText(pod),
    ip: pod.status?.podIP,
    revision,
    updated,
    waitReason,
  });
  return {
    id: pod.metadata.uid,
    kind: 'pod',
    x,
    y,
    w: BOX_W,
    h: POD_H,
    label: pod.metadata.name,
    ...texts,
    ref: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    ip: pod.status?.podIP,
    stage: podStage(pod),
    ordinal,
    revision,
    updated,
    waitReason,
  };
}

/**
 * Lays out every StatefulSet of the namespace (default `default`), top to bottom, with the words of
 * `t`'s language (i18next's `t` over the page's catalogues).
 */
export function layoutCluster(
  view: ClusterView,
  size: LayoutSize,
  t: DiagramTranslate,
  opts: LayoutOptions = {},
): DiagramLayout {
  const namespace = opts.namespace ?? 'default';
  const nodes: DiagramNode[] = [];
  const links: DiagramLink[] = [];
  const perBand = columnsPerBand(size.width);
  let y = MARGIN;
  for (const set of statefulSetsIn(view, namespace)) {
    y = layoutSet(t, view, set, perBand, size.width, y, nodes, links) + SECTION_GAP;
  }
  const width = Math.max(size.width, MARGIN * 2 + Math.min(perBand, 2) * COL_W);
  // as tall as the drawing (the partition's note hangs below its line), not its trailing gaps
  const bottom = nodes.reduce((b, n) => Math.max(b, n.y + n.h + (n.kind === 'partition' ? 18 : 0)), 0);
  return { width, height: Math.max(nodes.length > 0 ? bottom + MARGIN : y, 120), nodes, links };
}

function layoutSet(
  t: DiagramTranslate,
  view: ClusterView,
  set: StatefulSet,
  perBand: number,
  width: number,
  top: number,
  nodes: DiagramNode[],
  links: DiagramLink[],
): number {
  // The Service sits right of the set when both fit, else below it (narrow screens). Both header
  // boxes are wider than a column: their second lines ("headless (clusterIP: None)") need the room.
  const setW = BOX_W + COL_W / 2;
  const headerW = Math.min(setW, width - 2 * MARGIN);
  const svcBeside = MARGIN + setW + ROW_GAP + setW <= width - MARGIN;
  const setName = set.metadata.name;
  const ns = set.metadata.namespace ?? 'default';
  const pods = podsOfSet(view, set);
  const claims = claimsOfSet(view, set);
  const revisions = revisionNumbers(view, set);
  const templates = set.spec.volumeClaimTemplates ?? [];
  const waits = view.waiting.filter((w) => w.object === `${ns}/${setName}`);
  const waitFor = (pod: string) => waits.find((w) => w.waitingOn === pod)?.message;
  const setWait = waits.find((w) => !w.waitingOn || !pods.some((p) => p.metadata.name === w.waitingOn));

  const want = set.spec.replicas ?? 1;
  const ready = set.status?.readyReplicas ?? 0;
  const policy = set.spec.podManagementPolicy ?? 'OrderedReady';
  const strategy = set.spec.updateStrategy?.type ?? 'RollingUpdate';
  const partition = partitionOf(set);
  nodes.push({
    id: set.metadata.uid,
    kind: 'statefulset',
    x: MARGIN,
    y: top,
    w: headerW,
    h: HEADER_H,
    label: setName,
    ...setTexts(t, { name: setName, ready, want, policy, strategy, partition, waitReason: setWait?.message }),
    ref: { kind: 'StatefulSet', namespace: ns, name: setName, uid: set.metadata.uid },
    waitReason: setWait?.message,
  });

  const svc: Service | undefined = view.services.find(
    (s) => s.metadata.namespace === ns && s.metadata.name === set.spec.serviceName,
  );
  const records = new Map<string, DnsRecord>();
  if (svc) {
    for (const r of podDnsRecords(view, svc)) records.set(r.pod, r);
    nodes.push({
      id: svc.metadata.uid,
      kind: 'service',
      x: svcBeside ? MARGIN + setW + ROW_GAP : MARGIN,
      y: svcBeside ? top : top + HEADER_H + 8,
      w: headerW,
      h: HEADER_H,
      label: svc.metadata.name,
      ...serviceTexts(t, svc.metadata.name, svc.spec.clusterIP, records.size),
      ref: { kind: 'Service', namespace: ns, name: svc.metadata.name, uid: svc.metadata.uid },
    });
  }

  const podByOrdinal = new Map<number, Pod>();
  for (const p of pods) podByOrdinal.set(ordinalOf(p.metadata.name, setName), p);
  const ordinals = [...new Set([...podByOrdinal.keys(), ...claims.keys()])]
    .filter((o) => o >= 0)
    .sort((a, b) => a - b);

  const bandTop = top + HEADER_H + ROW_GAP + (svc && !svcBeside ? HEADER_H + 8 : 0);
  const bandH = DNS_H + POD_GAP + POD_H + ROW_GAP + templates.length * (CLAIM_H + 8 + VOLUME_H + ROW_GAP);
  const bands = Math.max(1, Math.ceil(ordinals.length / perBand));
  ordinals.forEach((ord, i) => {
    const band = Math.floor(i / perBand);
    const x = MARGIN + (i % perBand) * COL_W;
    const by = bandTop + band * (bandH + ROW_GAP);
    const pod = podByOrdinal.get(ord);
    const podY = by + DNS_H + POD_GAP;
    if (pod) {
      nodes.push(podNode(t, pod, ord, x, podY, revisions, set, waitFor(pod.metadata.name)));
      links.push({
        id: `owns:${pod.metadata.uid}`,
        kind: 'owns',
        source: set.metadata.uid,
        target: pod.metadata.uid,
      });
      const rec = records.get(pod.spec.hostname ?? pod.metadata.name);
      if (rec && svc) {
        const id = `dns:${rec.fqdn}:${pod.metadata.uid}`;
        nodes.push({
          id,
          kind: 'dns',
          x,
          y: by,
          w: BOX_W,
          h: DNS_H,
          label: `${rec.pod}.${svc.metadata.name}`,
          detail: rec.ip,
          ariaLabel: dnsText(t, rec.fqdn, rec.ip),
        });
        links.push({ id: `resolves:${id}`, kind: 'resolves', source: id, target: pod.metadata.uid });
      }
    }
    templates.forEach((_t, ti) => {
      const claim = claims.get(ord)?.get(ti);
      if (!claim) return;
      const cy = podY + POD_H + ROW_GAP + ti * (CLAIM_H + 8 + VOLUME_H + ROW_GAP);
      const phase = claim.metadata.deletionTimestamp ? 'Terminating' : (claim.status?.phase ?? 'Pending');
      const orphaned = !pod;
      const size = claim.spec.resources?.requests?.storage ?? '';
      nodes.push({
        id: claim.metadata.uid,
        kind: 'claim',
        x,
        y: cy,
        w: BOX_W,
        h: CLAIM_H,
        label: claim.metadata.name,
        ...claimTexts(t, claim.metadata.name, phase, size, orphaned),
        ref: {
          kind: 'PersistentVolumeClaim',
          namespace: ns,
          name: claim.metadata.name,
          uid: claim.metadata.uid,
        },
        ordinal: ord,
        orphaned,
        phase,
      });
      if (pod)
        links.push({
          id: `mounts:${pod.metadata.uid}:${claim.metadata.uid}`,
          kind: 'mounts',
          source: pod.metadata.uid,
          target: claim.metadata.uid,
        });
      const pv = claim.spec.volumeName
        ? view.volumes.find((v) => v.metadata.name === claim.spec.volumeName)
        : undefined;
      if (pv) {
        const vphase = pv.status?.phase ?? 'Pending';
        nodes.push({
          id: pv.metadata.uid,
          kind: 'volume',
          x,
          y: cy + CLAIM_H + 8,
          w: BOX_W,
          h: VOLUME_H,
          label: pv.metadata.name,
          ...volumeTexts(t, pv.metadata.name, vphase, pv.spec.capacity?.storage ?? '', claim.metadata.name),
          ref: { kind: 'PersistentVolume', name: pv.metadata.name, uid: pv.metadata.uid },
          phase: vphase,
        });
        links.push({
          id: `binds:${claim.metadata.uid}:${pv.metadata.uid}`,
          kind: 'binds',
          source: claim.metadata.uid,
          target: pv.metadata.uid,
        });
      }
    });
  });

  const nodeOf = (ord: number) => podByOrdinal.get(ord)?.spec.nodeName || undefined;
  layoutNodesAndPartition(t, set, ordinals, nodeOf, perBand, bandTop, bandH, bands, partition, nodes);
  return bandTop + bands * (bandH + ROW_GAP);
}

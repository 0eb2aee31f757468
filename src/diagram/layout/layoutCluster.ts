/**
 * layoutCluster: the cluster view -> positioned boxes and links. One section per StatefulSet of the
 * namespace: the set and its headless Service on top, then one column per ordinal (wrapped into bands)
 * holding the pod's DNS record (only while published), the pod, its claims and their volumes, inside
 * the node that runs them. Claims without a pod (kept after a scale-down or a set deletion) keep their
 * column. The partition is a marker between the ordinals it separates. Pure and deterministic.
 */
import type { PersistentVolumeClaim, Pod, Service, StatefulSet } from '../../core/api/types.ts';
import type { ClusterView } from '../../state/clusterView.ts';
import { podReadyText, podRevision, podStage, podStatusText } from '../../state/podStatus.ts';
import { ordinalOf, podsOfSet, statefulSetsIn } from '../../state/selectors.ts';
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
import type { DiagramLayout, DiagramLink, DiagramNode, LayoutSize } from './types.ts';

export interface LayoutOptions {
  namespace?: string;
}

/** Claims made from a set's templates, keyed by ordinal then template index. */
function claimsOfSet(view: ClusterView, set: StatefulSet): Map<number, Map<number, PersistentVolumeClaim>> {
  const out = new Map<number, Map<number, PersistentVolumeClaim>>();
  const templates = set.spec.volumeClaimTemplates ?? [];
  for (const claim of view.claims) {
    if (claim.metadata.namespace !== set.metadata.namespace) continue;
    templates.forEach((t, ti) => {
      const ord = ordinalOf(claim.metadata.name, `${t.metadata.name}-${set.metadata.name}`);
      if (ord < 0) return;
      let m = out.get(ord);
      if (!m) {
        m = new Map();
        out.set(ord, m);
      }
      m.set(ti, claim);
    });
  }
  return out;
}

/** ControllerRevision name -> revision number, for the set's revisions. */
function revisionNumbers(view: ClusterView, set: StatefulSet): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of view.revisions) {
    if (r.metadata.namespace !== set.metadata.namespace) continue;
    if (!r.metadata.ownerReferences?.some((o) => o.uid === set.metadata.uid)) continue;
    m.set(r.metadata.name, r.revision);
  }
  return m;
}

function partitionOf(set: StatefulSet): number {
  if ((set.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return 0;
  return set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
}

function podNode(
  pod: Pod,
  ordinal: number,
  x: number,
  y: number,
  revisions: Map<string, number>,
  set: StatefulSet,
  waitReason: string | undefined,
): DiagramNode {
  const status = podStatusText(pod);
  const ready = podReadyText(pod);
  const revName = podRevision(pod);
  const revision = revName ? (revisions.get(revName) ?? 0) : 0;
  const updated = revName !== undefined && revName === set.status?.updateRevision;
  const ip = pod.status?.podIP ?? '<none>';
  const revText = revision > 0 ? `revision ${revision}${updated ? ' (update)' : ''}` : 'revision unknown';
  return {
    id: pod.metadata.uid,
    kind: 'pod',
    x,
    y,
    w: BOX_W,
    h: POD_H,
    label: pod.metadata.name,
    detail: `${status} ${ready}`,
    ariaLabel: `Pod ${pod.metadata.name}: ${status}, ready ${ready}, IP ${ip}, ${revText}${
      waitReason ? `; controller waiting: ${waitReason}` : ''
    }`,
    ref: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    ip: pod.status?.podIP,
    stage: podStage(pod),
    ordinal,
    revision,
    updated,
    waitReason,
  };
}

/** Lays out every StatefulSet of the namespace (default `default`), top to bottom. */
export function layoutCluster(view: ClusterView, size: LayoutSize, opts: LayoutOptions = {}): DiagramLayout {
  const namespace = opts.namespace ?? 'default';
  const nodes: DiagramNode[] = [];
  const links: DiagramLink[] = [];
  const perBand = columnsPerBand(size.width);
  let y = MARGIN;
  for (const set of statefulSetsIn(view, namespace)) {
    y = layoutSet(view, set, perBand, size.width, y, nodes, links) + SECTION_GAP;
  }
  const width = Math.max(size.width, MARGIN * 2 + Math.min(perBand, 2) * COL_W);
  // as tall as the drawing (the partition's note hangs below its line), not its trailing gaps
  const bottom = nodes.reduce((b, n) => Math.max(b, n.y + n.h + (n.kind === 'partition' ? 18 : 0)), 0);
  return { width, height: Math.max(nodes.length > 0 ? bottom + MARGIN : y, 120), nodes, links };
}

function layoutSet(
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
    detail: `${ready}/${want} · ${policy} · ${strategy}${partition > 0 ? ` p=${partition}` : ''}`,
    ariaLabel: `StatefulSet ${setName}: ${ready} of ${want} ready, podManagementPolicy ${policy}, updateStrategy ${strategy}${
      partition > 0 ? `, partition ${partition}` : ''
    }${setWait ? `; controller waiting: ${setWait.message}` : ''}`,
    ref: { kind: 'StatefulSet', namespace: ns, name: setName, uid: set.metadata.uid },
    waitReason: setWait?.message,
  });

  const svc: Service | undefined = view.services.find(
    (s) => s.metadata.namespace === ns && s.metadata.name === set.spec.serviceName,
  );
  const records = new Map<string, DnsRecord>();
  if (svc) {
    for (const r of podDnsRecords(view, svc)) records.set(r.pod, r);
    const headless = svc.spec.clusterIP === 'None';
    nodes.push({
      id: svc.metadata.uid,
      kind: 'service',
      x: svcBeside ? MARGIN + setW + ROW_GAP : MARGIN,
      y: svcBeside ? top : top + HEADER_H + 8,
      w: headerW,
      h: HEADER_H,
      label: svc.metadata.name,
      detail: headless ? 'headless (clusterIP: None)' : `clusterIP ${svc.spec.clusterIP ?? ''}`,
      ariaLabel: `Service ${svc.metadata.name}, ${headless ? 'headless' : 'not headless'}, ${records.size} DNS records`,
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
      nodes.push(podNode(pod, ord, x, podY, revisions, set, waitFor(pod.metadata.name)));
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
          ariaLabel: `DNS record ${rec.fqdn} resolves to ${rec.ip}`,
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
        detail: `${phase} ${size}`.trim(),
        ariaLabel: `PersistentVolumeClaim ${claim.metadata.name}: ${phase}${size ? `, ${size}` : ''}${
          orphaned ? ', kept without a pod' : ''
        }`,
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
          detail: `${vphase} ${pv.spec.capacity?.storage ?? ''}`.trim(),
          ariaLabel: `PersistentVolume ${pv.metadata.name}: ${vphase}, bound to ${claim.metadata.name}`,
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

  layoutNodesAndPartition(view, set, ordinals, perBand, bandTop, bandH, bands, partition, nodes);
  return bandTop + bands * (bandH + ROW_GAP);
}

/** The node band behind each row of pods, and the partition marker before the first updated ordinal. */
function layoutNodesAndPartition(
  view: ClusterView,
  set: StatefulSet,
  ordinals: number[],
  perBand: number,
  bandTop: number,
  bandH: number,
  bands: number,
  partition: number,
  nodes: DiagramNode[],
): void {
  const nodeName = view.nodes[0]?.metadata.name;
  if (nodeName && ordinals.length > 0) {
    for (let b = 0; b < bands; b++) {
      const cols = Math.min(perBand, ordinals.length - b * perBand);
      nodes.push({
        id: `node:${set.metadata.uid}:${b}`,
        kind: 'node',
        x: MARGIN - 6,
        y: bandTop + b * (bandH + ROW_GAP) + DNS_H + 2,
        w: cols * COL_W,
        h: POD_H + POD_GAP,
        label: `node ${nodeName}`,
        detail: '',
        ariaLabel: `Node ${nodeName}`,
        ref: { kind: 'Node', name: nodeName },
      });
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
    label: `partition: ${partition}`,
    detail: `ordinals ≥ ${partition} update`,
    ariaLabel: `Partition ${partition}: only pods with ordinal ${partition} or higher move to the update revision`,
  });
}

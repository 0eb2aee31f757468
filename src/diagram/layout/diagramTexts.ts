/**
 * The diagram's words: each box's second line and the sentence a screen reader reads for it (which is
 * also the diagram's text version), in the page's language. Kubernetes terms stay as kubectl prints
 * them — kinds, STATUS and phase texts, field names and their values, `<none>` — and the sentences
 * around them come from the i18n catalogues (src/ui/i18n/{en,ja}.json, keys `diagram.say.*` and
 * `diagram.draw.*`) through the translator the React host passes in (i18next's `t`). Pure.
 */

/** Every catalogue key the diagram's layout uses (plural keys by their base name). */
export const DIAGRAM_TEXT_KEYS = [
  'diagram.say.pod',
  'diagram.say.revision',
  'diagram.say.revisionUpdate',
  'diagram.say.revisionUnknown',
  'diagram.say.controllerWaiting',
  'diagram.say.set',
  'diagram.say.setPartition',
  'diagram.say.serviceHeadless',
  'diagram.say.serviceNotHeadless',
  'diagram.say.dnsRecord',
  'diagram.say.claim',
  'diagram.say.claimSize',
  'diagram.say.claimOrphaned',
  'diagram.say.volume',
  'diagram.say.partition',
  'diagram.draw.setDetail',
  'diagram.draw.setDetailPartition',
  'diagram.draw.headless',
  'diagram.draw.nodeBand',
  'diagram.draw.partitionDetail',
] as const;

export type DiagramTextKey = (typeof DIAGRAM_TEXT_KEYS)[number];

/**
 * Translates one of the diagram's keys with its parameters. i18next's `t` fits; a parameter named
 * `count` selects the plural form (`_one`, `_other`) the language has.
 */
export type DiagramTranslate = (key: DiagramTextKey, params?: Record<string, string | number>) => string;

/** A box's second line and its sentence. */
export interface NodeTexts {
  detail: string;
  ariaLabel: string;
}

/** What the controller waits for here, appended to a sentence when it waits. */
function withWait(t: DiagramTranslate, text: string, reason: string | undefined): string {
  return reason ? t('diagram.say.controllerWaiting', { text, reason }) : text;
}

export interface PodFacts {
  name: string;
  /** kubectl's STATUS text */
  status: string;
  /** kubectl's READY text (`1/1`) */
  ready: string;
  ip: string | undefined;
  /** ControllerRevision number; 0 when unknown */
  revision: number;
  /** on the set's update revision */
  updated: boolean;
  waitReason: string | undefined;
}

/** A pod: `Running 1/1`; `Pod web-0: Running, ready 1/1, IP 10.244.0.5, revision 1 (update)`. */
export function podTexts(t: DiagramTranslate, p: PodFacts): NodeTexts {
  const revision =
    p.revision <= 0
      ? t('diagram.say.revisionUnknown')
      : t(p.updated ? 'diagram.say.revisionUpdate' : 'diagram.say.revision', { n: p.revision });
  // kubectl prints `<none>` for a pod without an IP (get -o wide): a value, not a word to translate
  const said = t('diagram.say.pod', {
    name: p.name,
    status: p.status,
    ready: p.ready,
    ip: p.ip ?? '<none>',
    revision,
  });
  return { detail: `${p.status} ${p.ready}`, ariaLabel: withWait(t, said, p.waitReason) };
}

export interface SetFacts {
  name: string;
  ready: number;
  want: number;
  policy: string;
  strategy: string;
  /** 0 when the set has none (or is not RollingUpdate) */
  partition: number;
  waitReason: string | undefined;
}

/** A StatefulSet: its counts, policy, strategy and partition. */
export function setTexts(t: DiagramTranslate, s: SetFacts): NodeTexts {
  const values = { ready: s.ready, want: s.want, policy: s.policy, strategy: s.strategy };
  const detail =
    s.partition > 0
      ? t('diagram.draw.setDetailPartition', { ...values, partition: s.partition })
      : t('diagram.draw.setDetail', values);
  let said = t('diagram.say.set', { name: s.name, ...values });
  if (s.partition > 0) said = t('diagram.say.setPartition', { text: said, partition: s.partition });
  return { detail, ariaLabel: withWait(t, said, s.waitReason) };
}

/** A Service: headless or its cluster IP, and how many per-pod DNS records it publishes. */
export function serviceTexts(
  t: DiagramTranslate,
  name: string,
  clusterIP: string | undefined,
  records: number,
): NodeTexts {
  const headless = clusterIP === 'None';
  return {
    // a field and its value, as `kubectl get svc` prints it: not a sentence
    detail: headless ? t('diagram.draw.headless') : `clusterIP ${clusterIP ?? ''}`,
    ariaLabel: t(headless ? 'diagram.say.serviceHeadless' : 'diagram.say.serviceNotHeadless', {
      name,
      count: records,
    }),
  };
}

/** A per-pod DNS record: the sentence only (its chip shows the name, the pod shows the IP). */
export function dnsText(t: DiagramTranslate, fqdn: string, ip: string): string {
  return t('diagram.say.dnsRecord', { fqdn, ip });
}

/** A PersistentVolumeClaim: phase and size, and whether its pod is gone. */
export function claimTexts(
  t: DiagramTranslate,
  name: string,
  phase: string,
  size: string,
  orphaned: boolean,
): NodeTexts {
  let said = t('diagram.say.claim', { name, phase });
  if (size) said = t('diagram.say.claimSize', { text: said, size });
  if (orphaned) said = t('diagram.say.claimOrphaned', { text: said });
  return { detail: `${phase} ${size}`.trim(), ariaLabel: said };
}

/** A PersistentVolume: phase and capacity, and the claim it is bound to. */
export function volumeTexts(
  t: DiagramTranslate,
  name: string,
  phase: string,
  capacity: string,
  claim: string,
): NodeTexts {
  return {
    detail: `${phase} ${capacity}`.trim(),
    ariaLabel: t('diagram.say.volume', { name, phase, claim }),
  };
}

/** The node band's caption (`node minikube`). */
export function nodeBandLabel(t: DiagramTranslate, node: string): string {
  return t('diagram.draw.nodeBand', { name: node });
}

/** The partition marker: the line's note and its sentence. */
export function partitionTexts(t: DiagramTranslate, partition: number): NodeTexts {
  return {
    detail: t('diagram.draw.partitionDetail', { n: partition }),
    ariaLabel: t('diagram.say.partition', { n: partition }),
  };
}

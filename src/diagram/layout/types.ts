/**
 * The diagram's data: positioned nodes and links, computed by layoutCluster from the cluster view and
 * drawn by the renderer. Plain data, so layout is unit-tested without a DOM. Every node carries the
 * text a screen reader reads (`ariaLabel`), so every state drawn is also text.
 */
import type { PodStage } from '../../state/podStatus.ts';

export type DiagramNodeKind =
  | 'statefulset'
  | 'service'
  | 'dns'
  | 'pod'
  | 'claim'
  | 'volume'
  | 'node'
  | 'partition';

/** An object reference the renderer hands back on click (mirrors state's ObjectRef). */
export interface NodeRef {
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
}

export interface DiagramNode {
  /** stable key: the object's uid, or a synthetic key for drawn-only things (dns, partition, node band) */
  id: string;
  kind: DiagramNodeKind;
  x: number;
  y: number;
  w: number;
  h: number;
  /** main text (the object's name) */
  label: string;
  /** second line (status, phase, size...) */
  detail: string;
  /** the whole state in words */
  ariaLabel: string;
  /** the API object behind it, when there is one */
  ref?: NodeRef;
  /** pods: the pod IP, or undefined before the sandbox has one (it changes when the pod is recreated) */
  ip?: string;
  /** pods: lifecycle stage */
  stage?: PodStage;
  /** pods: ordinal; claims: ordinal of the pod they belong to */
  ordinal?: number;
  /** pods: ControllerRevision number (1, 2, ...) of its revision; 0 when unknown */
  revision?: number;
  /** pods: true when on the set's update revision */
  updated?: boolean;
  /** pods/sets: what the controller waits for here */
  waitReason?: string;
  /** claims: no pod of that ordinal exists (kept after a scale-down or set deletion) */
  orphaned?: boolean;
  /** claims/volumes: phase (Pending, Bound, Released...) */
  phase?: string;
}

export type DiagramLinkKind = 'owns' | 'mounts' | 'binds' | 'resolves' | 'serves';

export interface DiagramLink {
  id: string;
  kind: DiagramLinkKind;
  source: string;
  target: string;
}

export interface DiagramLayout {
  width: number;
  height: number;
  nodes: DiagramNode[];
  links: DiagramLink[];
}

/** The space the diagram may use; height grows with the content. */
export interface LayoutSize {
  width: number;
}

/**
 * The kubelet's image manager: decides whether a container's image must be pulled, pulls it through
 * one serial puller (the kubelet default serializeImagePulls=true, so a second pull waits for the
 * first: `(… including waiting)`), records the Pulling / Pulled / Failed events and, when a pull
 * succeeds, lists the image in the node's `status.images` — which is how later pods find it
 * `already present on machine`. Every node's kubelet has its own puller and image list (the pod's
 * spec.nodeName says which).
 *
 * Follows kubernetes/kubernetes (release-1.30) pkg/kubelet/images/image_manager.go EnsureImageExists
 * (shouldPullImage, event texts) and puller.go (serialImagePuller). The outcome event is recorded when
 * the pull ends (the timer fires), so event order and times match a real node.
 */
import type { Container, KubeObject, Pod } from '../api/types.ts';
import { IMAGE_CATALOGUE } from '../images/catalogue.ts';
import { resolveImage } from '../images/resolveImage.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { formatGoDuration } from './goDuration.ts';
import type { PendingEvent, RecordParams } from './podMachine.ts';

/** The primary node: the kubelet of a pod without a node name (tests' hand-made pods) is this one's. */
export const NODE_NAME = 'minikube';

/**
 * Each node has its own kubelet, hence its own serial puller and its own image store. The primary's
 * counters keep their single-node keys so saved sessions carry on; other nodes' keys name the node.
 */
const nodeSuffix = (node: string) => (node === NODE_NAME ? '' : `@${node}`);
const pullerFreeAt = (node: string) => `kubelet.pullerFreeAt${nodeSuffix(node)}`;
const pullingKey = (image: string, node: string) => `kubelet.pulling:${image}${nodeSuffix(node)}`;

function nodeOf(pod: Pod): string {
  return pod.spec.nodeName || NODE_NAME;
}

/** What the kubelet does when a pull timer fires: record, list the image on the node, tell the machine. */
export interface PullOutcome {
  event: PendingEvent;
  record?: RecordParams;
  addImage?: { names: string[]; sizeBytes: number };
}

interface NodeImage {
  names: string[];
  sizeBytes: number;
}

function nodeImages(sim: Simulation, nodeName: string): NodeImage[] {
  const node = sim.store.get<KubeObject>('Node', undefined, nodeName);
  return (node?.status?.images as NodeImage[] | undefined) ?? [];
}

/** Whether the node (default the primary) holds the image (`repo:tag` as docker names it). */
export function imageIsPresent(sim: Simulation, image: string, node = NODE_NAME): boolean {
  return nodeImages(sim, node).some((i) => i.names.includes(image));
}

/** Lists a pulled image in the node's status.images (the kubelet's node status), newest first. */
export function addNodeImage(
  sim: Simulation,
  image: { names: string[]; sizeBytes: number },
  nodeName = NODE_NAME,
): void {
  const node = sim.store.get<KubeObject>('Node', undefined, nodeName);
  if (!node || imageIsPresent(sim, image.names[image.names.length - 1], nodeName)) return;
  const images = [image, ...nodeImages(sim, nodeName)];
  sim.api.updateStatus({ ...node, status: { ...node.status, images } });
}

/**
 * Starts making container `index`'s image available. Returns the machine event to deliver now when
 * no pull is needed (`already present`, or a reference that cannot be parsed), else schedules the
 * pull's end as a `kubelet` timer carrying a PullOutcome, and returns undefined.
 */
export function ensureImage(
  sim: Simulation,
  pod: Pod,
  index: number,
  timerKey: string,
  catalogue = IMAGE_CATALOGUE,
): PendingEvent | undefined {
  const container: Container = pod.spec.containers[index];
  const ref = container.image;
  const fieldPath = container.name;
  const resolved = resolveImage(ref, catalogue);
  if (!resolved.ok && resolved.kind === 'invalidReference') {
    const message = `Failed to apply default image tag "${ref}": ${resolved.message}`;
    sim.event(pod, 'Warning', 'InspectFailed', message, 'kubelet', `spec.containers{${fieldPath}}`);
    return { type: 'image.failed', index, message, reason: 'InvalidImageName' };
  }
  const image = resolved.ok ? resolved.image : `${resolved.reference?.familiar}:${resolved.reference?.tag}`;
  const node = nodeOf(pod);
  const present = resolved.ok && imageIsPresent(sim, image, node);
  const policy = container.imagePullPolicy ?? 'IfNotPresent';
  if (policy === 'Never' || (present && policy === 'IfNotPresent')) {
    if (present && resolved.ok) {
      sim.event(
        pod,
        'Normal',
        'Pulled',
        `Container image "${ref}" already present on machine`,
        'kubelet',
        `spec.containers{${fieldPath}}`,
      );
      return { type: 'image.ready', index, imageRef: resolved.image, imageID: resolved.imageID };
    }
    const message = `Container image "${ref}" is not present with pull policy of Never`;
    sim.event(pod, 'Warning', 'ErrImageNeverPull', message, 'kubelet', `spec.containers{${fieldPath}}`);
    return { type: 'image.failed', index, message, reason: 'ErrImageNeverPull' };
  }
  sim.event(pod, 'Normal', 'Pulling', `Pulling image "${ref}"`, 'kubelet', `spec.containers{${fieldPath}}`);
  const now = sim.now;
  const start = Math.max(now, sim.state.counters[pullerFreeAt(node)] ?? 0);
  let pullMs: number;
  let outcome: PullOutcome;
  if (!resolved.ok) {
    // The registry answers a missing manifest or repository within about a second.
    pullMs = sim.random.jitter(900, 0.4);
    outcome = {
      event: { type: 'image.failed', index, message: resolved.message },
      record: {
        type: 'Warning',
        reason: 'Failed',
        message: `Failed to pull image "${ref}": ${resolved.message}`,
      },
    };
  } else {
    const earlier = sim.state.counters[pullingKey(image, node)];
    // Layers already on the node (or arriving before our turn): docker only checks the manifest.
    const layersLocal = present || (earlier !== undefined && earlier <= start);
    pullMs = layersLocal ? sim.random.jitter(1100, 0.3) : sim.random.jitter(resolved.pullSeconds * 1000, 0.1);
    const total = start + pullMs - now;
    outcome = {
      event: { type: 'image.ready', index, imageRef: resolved.image, imageID: resolved.imageID },
      record: {
        type: 'Normal',
        reason: 'Pulled',
        message: `Successfully pulled image "${ref}" in ${formatGoDuration(pullMs)} (${formatGoDuration(total)} including waiting). Image size: ${resolved.sizeBytes} bytes.`,
      },
      addImage: {
        names: [resolved.imageID.replace('docker-pullable://', ''), resolved.image],
        sizeBytes: resolved.sizeBytes,
      },
    };
    sim.state.counters[pullingKey(image, node)] = start + pullMs;
  }
  sim.state.counters[pullerFreeAt(node)] = start + pullMs;
  if (outcome.record) outcome.record.container = fieldPath;
  sim.after(start + pullMs - now, 'kubelet', timerKey, { pull: outcome });
  return undefined;
}

/** Carries out a finished pull: records its event, lists the image, returns the machine event. */
export function finishPull(sim: Simulation, pod: Pod, outcome: PullOutcome): PendingEvent {
  if (outcome.record)
    sim.event(
      pod,
      outcome.record.type,
      outcome.record.reason,
      outcome.record.message,
      'kubelet',
      outcome.record.container ? `spec.containers{${outcome.record.container}}` : undefined,
    );
  if (outcome.addImage) {
    const node = nodeOf(pod);
    addNodeImage(sim, outcome.addImage, node);
    const image = outcome.addImage.names[outcome.addImage.names.length - 1];
    const key = pullingKey(image, node);
    if ((sim.state.counters[key] ?? 0) <= sim.now) delete sim.state.counters[key];
  }
  return outcome.event;
}

/**
 * The kubelet's container config step: before it creates a container it builds the container's
 * config, which resolves the environment from Secrets and ConfigMaps. A reference to a missing object
 * or key (not marked optional) fails the start with CreateContainerConfigError; the pod worker tries
 * again after its back-off, so the container starts once the Secret or ConfigMap is there.
 *
 * Follows kubernetes/kubernetes (release-1.30) pkg/kubelet:
 * - kuberuntime/kuberuntime_container.go startContainer: after EnsureImageExists, a failing
 *   generateContainerConfig records a Warning `Failed` event `Error: <message>` on the container and
 *   returns ErrCreateContainerConfig (`CreateContainerConfigError`) with that message, which
 *   convertToAPIContainerStatuses (kubelet_pods.go, via the reason cache) shows as the container's
 *   waiting reason and message.
 * - kubelet_pods.go makeEnvironmentVariables: the messages (`secret "x" not found`,
 *   `couldn't find key k in Secret ns/x`), resolved here by src/core/workloads/containerEnv.ts.
 * - pod_workers.go completeWork: a sync that failed is retried after wait.Jitter(backOffPeriod 10 s,
 *   0.5), i.e. 10 to 15 s; doBackOff does not apply because no container of that name ever exited.
 *
 * Lab difference: a container that fails this way blocks the pod's later containers (as a failed pull
 * does in the lab), where upstream SyncPod tries each container of the pod in the same sync.
 */
import type { Pod } from '../api/types.ts';
import type { ObjectStore } from '../store/objectStore.ts';
import { resolveContainerEnv } from '../workloads/containerEnv.ts';
import type { PodMachineEvent } from './podMachine.ts';
import { type PodMachineContext, retireRun, withContainer } from './podRuntime.ts';
import type { Step } from './podSteps.ts';

/** kuberuntime's ErrCreateContainerConfig: the waiting reason `kubectl get pods` shows as STATUS. */
export const CREATE_CONTAINER_CONFIG_ERROR = 'CreateContainerConfigError';

/** The pod worker's retry after a failed sync: wait.Jitter(10 s, 0.5) spans 10 to 15 s. */
const RETRY_MIDPOINT_MS = 12_500;
const RETRY_SPREAD = 0.2;

/**
 * Why container `index` of `pod` cannot be configured now (the kubelet's message), or undefined when
 * every reference it makes resolves. Reads only the store: clusters where nothing is missing draw
 * nothing from the simulation's generator.
 */
export function containerConfigError(store: ObjectStore, pod: Pod, index: number): string | undefined {
  const container = pod.spec.containers[index];
  if (!container) return undefined;
  const resolved = resolveContainerEnv(store, pod, container);
  return resolved.ok ? undefined : resolved.message;
}

type ConfigErrorEvent = Extract<PodMachineEvent, { type: 'container.configError' }>;

/**
 * The container could not be configured: it waits with reason CreateContainerConfigError and the
 * kubelet's message, the `Failed` event is recorded, and the start is tried again after the pod
 * worker's back-off (a `backoff.done` for the container's current instance).
 */
export function showConfigError(ctx: PodMachineContext, ev: ConfigErrorEvent): Step {
  const ctr = ctx.containers[ev.index];
  const context = withContainer(ctx, ev.index, {
    ...retireRun(ctr),
    state: 'waiting',
    reason: CREATE_CONTAINER_CONFIG_ERROR,
    message: ev.message,
    ready: false,
    started: false,
  });
  return {
    context,
    effects: [
      {
        type: 'record',
        params: { type: 'Warning', reason: 'Failed', message: `Error: ${ev.message}`, container: ctr.name },
      },
      { type: 'syncStatus' },
      {
        type: 'schedule',
        params: {
          event: { type: 'backoff.done', index: ev.index, instance: ctr.instance },
          delayMs: RETRY_MIDPOINT_MS,
          jitter: RETRY_SPREAD,
        },
      },
    ],
  };
}

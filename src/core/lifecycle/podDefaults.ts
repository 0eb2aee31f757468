/**
 * Pod defaulting and the admission plugins that change pods on creation, as a 1.30 apiserver with
 * minikube's default plugins applies them.
 *
 * Follows kubernetes/kubernetes (release-1.30):
 * - pkg/apis/core/v1/defaults.go: SetDefaults_PodSpec (dnsPolicy, restartPolicy, securityContext,
 *   terminationGracePeriodSeconds, schedulerName), SetDefaults_Pod (enableServiceLinks),
 *   SetDefaults_Container (imagePullPolicy, terminationMessagePath/Policy), SetDefaults_ContainerPort
 *   (protocol), SetDefaults_Probe and SetDefaults_HTTPGetAction.
 * - plugin/pkg/admission/serviceaccount/admission.go: serviceAccountName `default` and the
 *   `kube-api-access-<5>` projected volume mounted read-only in every container.
 * - plugin/pkg/admission/defaulttolerationseconds: not-ready/unreachable NoExecute for 300 s.
 * - plugin/pkg/admission/priority: priority 0 and preemptionPolicy PreemptLowerPriority.
 * - pkg/registry/core/pod/strategy.go PrepareForCreate: status {phase: Pending, qosClass}.
 * `resources: {}` is how the real server serialises an empty ResourceRequirements struct.
 */
import type { Container, Pod, PodSpec, PodTemplateSpec, Probe, Volume } from '../api/types.ts';
import type { SeededRandom } from '../clock/seededRandom.ts';
import { defaultPullPolicy } from '../images/resolveImage.ts';

/** Where the service-account token volume is mounted in every container. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

function defaultProbe(p: Probe | undefined): Probe | undefined {
  if (!p) return p;
  const out: Probe = {
    ...p,
    timeoutSeconds: p.timeoutSeconds ?? 1,
    periodSeconds: p.periodSeconds ?? 10,
    successThreshold: p.successThreshold ?? 1,
    failureThreshold: p.failureThreshold ?? 3,
  };
  if (p.httpGet) {
    const get = p.httpGet as NonNullable<Probe['httpGet']> & { scheme?: string };
    out.httpGet = { ...get, path: get.path || '/', scheme: get.scheme || 'HTTP' } as Probe['httpGet'];
  }
  return out;
}

/** SetDefaults_Container (+ ports and probes); returns a new container. */
export function defaultContainer(c: Container): Container {
  const out: Container = {
    ...c,
    imagePullPolicy: c.imagePullPolicy ?? defaultPullPolicy(c.image ?? ''),
    resources: c.resources ?? {},
    terminationMessagePath: c.terminationMessagePath ?? '/dev/termination-log',
    terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
  };
  if (c.ports) out.ports = c.ports.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' }));
  if (c.readinessProbe) out.readinessProbe = defaultProbe(c.readinessProbe);
  if (c.livenessProbe) out.livenessProbe = defaultProbe(c.livenessProbe);
  return out;
}

/** SetDefaults_PodSpec and the container defaults; returns a new spec. Idempotent. */
export function defaultPodSpec(spec: PodSpec): PodSpec {
  const out: PodSpec = {
    ...spec,
    containers: (spec.containers ?? []).map(defaultContainer),
    dnsPolicy: spec.dnsPolicy ?? 'ClusterFirst',
    restartPolicy: spec.restartPolicy ?? 'Always',
    schedulerName: spec.schedulerName ?? 'default-scheduler',
    securityContext: spec.securityContext ?? {},
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
  };
  if (spec.initContainers) out.initContainers = spec.initContainers.map(defaultContainer);
  if (out.serviceAccountName && !out.serviceAccount) out.serviceAccount = out.serviceAccountName;
  return out;
}

/**
 * Defaults a pod template the way the apiserver defaults a StatefulSet's `spec.template`: the pod
 * spec defaults only — no enableServiceLinks (SetDefaults_Pod runs on pods, not templates) and no
 * admission additions (service account volume, tolerations, priority happen on real pod creation).
 */
export function defaultPodTemplate(template: PodTemplateSpec): PodTemplateSpec {
  return { ...template, spec: defaultPodSpec(template.spec ?? ({ containers: [] } as PodSpec)) };
}

/** SetDefaults_Pod: the spec defaults plus enableServiceLinks. Returns a new pod. Idempotent. */
export function defaultPod(pod: Pod): Pod {
  const spec = defaultPodSpec(pod.spec ?? ({ containers: [] } as PodSpec));
  spec.enableServiceLinks = pod.spec?.enableServiceLinks ?? true;
  return { ...pod, spec };
}

/** The pod's QoS class from its containers' requests and limits (pkg/apis/core/helper/qos GetPodQOS). */
export function qosClassOf(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const all = [...(spec.initContainers ?? []), ...spec.containers];
  let any = false;
  let guaranteed = true;
  for (const c of all) {
    const r = (c.resources ?? {}) as { requests?: Record<string, string>; limits?: Record<string, string> };
    const requests = r.requests ?? {};
    const limits = r.limits ?? {};
    if (Object.keys(requests).length || Object.keys(limits).length) any = true;
    for (const res of ['cpu', 'memory']) {
      if (limits[res] === undefined) guaranteed = false;
      else if (requests[res] !== undefined && requests[res] !== limits[res]) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function apiAccessVolume(name: string): Volume {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        {
          downwardAPI: {
            items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
          },
        },
      ],
    },
  };
}

const NOT_READY_TOLERATIONS = [
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
];

/** The built-in priority classes' values (pkg/apis/scheduling/types.go). */
const SYSTEM_PRIORITIES: Record<string, number> = {
  'system-cluster-critical': 2_000_000_000,
  'system-node-critical': 2_000_001_000,
};

/**
 * The mutating admission of a pod creation (service account, default toleration seconds, priority)
 * and PrepareForCreate's status. Draws the volume suffix from `random`. Returns a new pod.
 */
export function admitNewPod(pod: Pod, random: SeededRandom): Pod {
  const spec: PodSpec = { ...pod.spec };
  spec.serviceAccountName = spec.serviceAccountName || 'default';
  spec.serviceAccount = spec.serviceAccountName;
  const hasToken = (spec.volumes ?? []).some((v) => v.name.startsWith('kube-api-access-'));
  if (
    !hasToken &&
    (spec as { automountServiceAccountToken?: boolean }).automountServiceAccountToken !== false
  ) {
    const volumeName = `kube-api-access-${random.alnum(5)}`;
    const mount = { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name: volumeName, readOnly: true };
    spec.volumes = [...(spec.volumes ?? []), apiAccessVolume(volumeName)];
    spec.containers = spec.containers.map((c) => ({
      ...c,
      volumeMounts: [...(c.volumeMounts ?? []), mount],
    }));
    if (spec.initContainers)
      spec.initContainers = spec.initContainers.map((c) => ({
        ...c,
        volumeMounts: [...(c.volumeMounts ?? []), mount],
      }));
  }
  const tolerations = [...(spec.tolerations ?? [])];
  for (const t of NOT_READY_TOLERATIONS)
    if (!tolerations.some((x) => x.key === t.key && x.effect === t.effect)) tolerations.push(t);
  spec.tolerations = tolerations;
  const priorityClass = (spec as { priorityClassName?: string }).priorityClassName;
  spec.priority = spec.priority ?? (priorityClass ? (SYSTEM_PRIORITIES[priorityClass] ?? 0) : 0);
  spec.preemptionPolicy = spec.preemptionPolicy ?? 'PreemptLowerPriority';
  return { ...pod, spec, status: { phase: 'Pending', qosClass: qosClassOf(spec) } };
}

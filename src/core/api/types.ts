/**
 * API object shapes, as the Kubernetes 1.30 apiserver serves them (JSON field names and nesting of
 * k8s.io/api core/v1, apps/v1, storage/v1, discovery/v1, events). Only the fields the lab uses are
 * typed; objects stay plain JSON so `kubectl get -o yaml|json` is their serialisation and a whole
 * cluster can be saved and restored as text.
 */

export type Labels = Record<string, string>;

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  /** RFC 3339, e.g. 2024-06-01T10:00:00Z (virtual time) */
  creationTimestamp: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Labels;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  generateName?: string;
}

/** What every stored object has. `metadata` is filled in by the store on create. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  // biome-ignore lint/suspicious/noExplicitAny: spec/status shapes differ per kind; typed in the kinds below
  spec?: any;
  // biome-ignore lint/suspicious/noExplicitAny: see spec
  status?: any;
}

/** An object as a client sends it: metadata without the server-owned fields. */
export interface ObjectInput {
  apiVersion: string;
  kind: string;
  metadata: Partial<ObjectMeta> & { name?: string };
  [field: string]: unknown;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}
export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: LabelSelectorRequirement[];
}

// ---- core/v1 Pod -------------------------------------------------------------------------------

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: unknown;
}
export interface ContainerPort {
  containerPort: number;
  name?: string;
  protocol?: string;
}
export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
}
export interface Probe {
  initialDelaySeconds?: number;
  periodSeconds?: number;
  failureThreshold?: number;
  successThreshold?: number;
  timeoutSeconds?: number;
  exec?: { command: string[] };
  httpGet?: { path?: string; port: number | string };
  tcpSocket?: { port: number | string };
}
export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  ports?: ContainerPort[];
  volumeMounts?: VolumeMount[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  resources?: Record<string, unknown>;
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
  stdin?: boolean;
  tty?: boolean;
}
export interface Volume {
  name: string;
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  emptyDir?: Record<string, unknown>;
  configMap?: Record<string, unknown>;
  projected?: Record<string, unknown>;
}
export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  terminationGracePeriodSeconds?: number;
  activeDeadlineSeconds?: number;
  dnsPolicy?: string;
  schedulerName?: string;
  serviceAccountName?: string;
  serviceAccount?: string;
  securityContext?: Record<string, unknown>;
  nodeName?: string;
  hostname?: string;
  subdomain?: string;
  enableServiceLinks?: boolean;
  preemptionPolicy?: string;
  priority?: number;
  tolerations?: Array<Record<string, unknown>>;
}
export interface PodTemplateSpec {
  metadata?: { labels?: Labels; annotations?: Record<string, string>; name?: string };
  spec: PodSpec;
}

export interface ContainerStateWaiting {
  reason?: string;
  message?: string;
}
export interface ContainerStateRunning {
  startedAt?: string;
}
export interface ContainerStateTerminated {
  exitCode: number;
  reason?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  signal?: number;
  containerID?: string;
}
export interface ContainerState {
  waiting?: ContainerStateWaiting;
  running?: ContainerStateRunning;
  terminated?: ContainerStateTerminated;
}
export interface ContainerStatus {
  name: string;
  state: ContainerState;
  lastState: ContainerState;
  ready: boolean;
  restartCount: number;
  image: string;
  imageID: string;
  containerID?: string;
  started?: boolean;
}
export interface PodCondition {
  type:
    | 'PodReadyToStartContainers'
    | 'Initialized'
    | 'Ready'
    | 'ContainersReady'
    | 'PodScheduled'
    | 'DisruptionTarget';
  status: 'True' | 'False' | 'Unknown';
  lastProbeTime: null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
export interface PodStatus {
  phase: PodPhase;
  conditions?: PodCondition[];
  hostIP?: string;
  hostIPs?: Array<{ ip: string }>;
  podIP?: string;
  podIPs?: Array<{ ip: string }>;
  startTime?: string;
  containerStatuses?: ContainerStatus[];
  qosClass?: string;
  reason?: string;
  message?: string;
}
export interface Pod extends KubeObject {
  apiVersion: 'v1';
  kind: 'Pod';
  spec: PodSpec;
  status: PodStatus;
}

// ---- storage -----------------------------------------------------------------------------------

export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';
export interface PersistentVolumeClaimSpec {
  accessModes: AccessMode[];
  resources: { requests: { storage: string } };
  storageClassName?: string;
  volumeName?: string;
  volumeMode?: 'Filesystem' | 'Block';
  selector?: LabelSelector;
}
export interface PersistentVolumeClaim extends KubeObject {
  apiVersion: 'v1';
  kind: 'PersistentVolumeClaim';
  spec: PersistentVolumeClaimSpec;
  status: {
    phase: 'Pending' | 'Bound' | 'Lost';
    accessModes?: AccessMode[];
    capacity?: { storage: string };
  };
}
export interface PersistentVolume extends KubeObject {
  apiVersion: 'v1';
  kind: 'PersistentVolume';
  spec: {
    capacity: { storage: string };
    accessModes: AccessMode[];
    persistentVolumeReclaimPolicy: 'Delete' | 'Retain' | 'Recycle';
    storageClassName?: string;
    volumeMode?: 'Filesystem' | 'Block';
    claimRef?: {
      apiVersion: 'v1';
      kind: 'PersistentVolumeClaim';
      namespace: string;
      name: string;
      uid: string;
      resourceVersion?: string;
    };
    csi?: {
      driver: string;
      volumeHandle: string;
      fsType?: string;
      volumeAttributes?: Record<string, string>;
    };
    hostPath?: { path: string; type?: string };
    nodeAffinity?: unknown;
  };
  status: {
    phase: 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed';
    lastPhaseTransitionTime?: string;
  };
}
export interface StorageClass extends KubeObject {
  apiVersion: 'storage.k8s.io/v1';
  kind: 'StorageClass';
  provisioner: string;
  reclaimPolicy?: 'Delete' | 'Retain';
  volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  allowVolumeExpansion?: boolean;
  parameters?: Record<string, string>;
}

// ---- apps/v1 StatefulSet -------------------------------------------------------------------------

export interface PersistentVolumeClaimTemplate {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; labels?: Labels; annotations?: Record<string, string> };
  spec: PersistentVolumeClaimSpec;
  status?: { phase?: string };
}
export type RetentionPolicyType = 'Retain' | 'Delete';
export interface StatefulSetSpec {
  replicas?: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  serviceName?: string;
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
  updateStrategy?: {
    type: 'RollingUpdate' | 'OnDelete';
    rollingUpdate?: { partition?: number; maxUnavailable?: number | string };
  };
  revisionHistoryLimit?: number;
  minReadySeconds?: number;
  volumeClaimTemplates?: PersistentVolumeClaimTemplate[];
  persistentVolumeClaimRetentionPolicy?: {
    whenDeleted?: RetentionPolicyType;
    whenScaled?: RetentionPolicyType;
  };
  ordinals?: { start?: number };
}
export interface StatefulSetStatus {
  observedGeneration?: number;
  replicas: number;
  readyReplicas?: number;
  currentReplicas?: number;
  updatedReplicas?: number;
  availableReplicas: number;
  currentRevision?: string;
  updateRevision?: string;
  collisionCount?: number;
}
export interface StatefulSet extends KubeObject {
  apiVersion: 'apps/v1';
  kind: 'StatefulSet';
  spec: StatefulSetSpec;
  status?: StatefulSetStatus;
}
export interface ControllerRevision extends KubeObject {
  apiVersion: 'apps/v1';
  kind: 'ControllerRevision';
  data: unknown;
  revision: number;
}

// ---- networking --------------------------------------------------------------------------------

export interface ServicePort {
  name?: string;
  port: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  targetPort?: number | string;
  nodePort?: number;
}
export interface Service extends KubeObject {
  apiVersion: 'v1';
  kind: 'Service';
  spec: {
    type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
    clusterIP?: string;
    clusterIPs?: string[];
    ports?: ServicePort[];
    selector?: Labels;
    publishNotReadyAddresses?: boolean;
    sessionAffinity?: string;
    ipFamilies?: string[];
    ipFamilyPolicy?: string;
    internalTrafficPolicy?: string;
    externalName?: string;
    externalIPs?: string[];
  };
  status?: { loadBalancer: Record<string, unknown> };
}
export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: { kind: string; namespace: string; name: string; uid: string };
}
export interface Endpoints extends KubeObject {
  apiVersion: 'v1';
  kind: 'Endpoints';
  subsets?: Array<{
    addresses?: EndpointAddress[];
    notReadyAddresses?: EndpointAddress[];
    ports?: Array<{ name?: string; port: number; protocol: string }>;
  }>;
}
export interface EndpointSlice extends KubeObject {
  apiVersion: 'discovery.k8s.io/v1';
  kind: 'EndpointSlice';
  addressType: 'IPv4';
  endpoints: Array<{
    addresses: string[];
    conditions: { ready: boolean; serving: boolean; terminating: boolean };
    hostname?: string;
    nodeName?: string;
    targetRef?: { kind: string; namespace: string; name: string; uid: string };
  }>;
  ports?: Array<{ name?: string; port: number; protocol: string }>;
}

// ---- cluster -----------------------------------------------------------------------------------

export interface Node extends KubeObject {
  apiVersion: 'v1';
  kind: 'Node';
}
export interface Namespace extends KubeObject {
  apiVersion: 'v1';
  kind: 'Namespace';
}
export interface KubeEvent extends KubeObject {
  apiVersion: 'v1';
  kind: 'Event';
  involvedObject: {
    apiVersion?: string;
    kind: string;
    name: string;
    namespace?: string;
    uid: string;
    fieldPath?: string;
    resourceVersion?: string;
  };
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  source: { component: string; host?: string };
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
  reportingComponent?: string;
  reportingInstance?: string;
}

// ---- apps/v1 Deployment, ReplicaSet, DaemonSet ---------------------------------------------------

export interface DeploymentSpec {
  replicas?: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  strategy?: {
    type?: 'RollingUpdate' | 'Recreate';
    rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string };
  };
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  paused?: boolean;
  progressDeadlineSeconds?: number;
}
/** apps/v1 DeploymentCondition (Available, Progressing, ReplicaFailure). */
export interface WorkloadCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}
export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: WorkloadCondition[];
  collisionCount?: number;
}
export interface Deployment extends KubeObject {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  spec: DeploymentSpec;
  status?: DeploymentStatus;
}
export interface ReplicaSetSpec {
  replicas?: number;
  minReadySeconds?: number;
  selector: LabelSelector;
  template?: PodTemplateSpec;
}
export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: WorkloadCondition[];
}
export interface ReplicaSet extends KubeObject {
  apiVersion: 'apps/v1';
  kind: 'ReplicaSet';
  spec: ReplicaSetSpec;
  status?: ReplicaSetStatus;
}
export interface DaemonSetSpec {
  selector: LabelSelector;
  template: PodTemplateSpec;
  updateStrategy?: {
    type?: 'RollingUpdate' | 'OnDelete';
    rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string };
  };
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
}
export interface DaemonSetStatus {
  currentNumberScheduled: number;
  numberMisscheduled: number;
  desiredNumberScheduled: number;
  numberReady: number;
  observedGeneration?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  numberUnavailable?: number;
}
export interface DaemonSet extends KubeObject {
  apiVersion: 'apps/v1';
  kind: 'DaemonSet';
  spec: DaemonSetSpec;
  status?: DaemonSetStatus;
}

// ---- core/v1 ConfigMap, Secret, ServiceAccount ---------------------------------------------------

export interface ConfigMap extends KubeObject {
  apiVersion: 'v1';
  kind: 'ConfigMap';
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
  immutable?: boolean;
}
export interface Secret extends KubeObject {
  apiVersion: 'v1';
  kind: 'Secret';
  /** values base64-encoded, as the API serves them */
  data?: Record<string, string>;
  /** write-only: merged into data by the apiserver */
  stringData?: Record<string, string>;
  type?: string;
  immutable?: boolean;
}
export interface ServiceAccount extends KubeObject {
  apiVersion: 'v1';
  kind: 'ServiceAccount';
  secrets?: Array<{ name?: string; namespace?: string }>;
  imagePullSecrets?: Array<{ name: string }>;
  automountServiceAccountToken?: boolean;
}

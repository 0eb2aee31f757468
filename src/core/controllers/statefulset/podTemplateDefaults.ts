/**
 * Defaults the apiserver fills into a StatefulSet's pod template and claim templates (the
 * core/v1 defaulters SetObjectDefaults_StatefulSet runs on them): pod spec (restartPolicy,
 * terminationGracePeriodSeconds, dnsPolicy, schedulerName, securityContext), containers
 * (imagePullPolicy, terminationMessagePath/Policy, resources, port protocol) and claim templates
 * (apiVersion/kind, volumeMode, status phase). The template metadata carries
 * `creationTimestamp: null`, as Go serialises an unset time in an embedded ObjectMeta.
 *
 * Follows kubernetes/kubernetes v1.30 pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec,
 * SetDefaults_Container, SetDefaults_ContainerPort, SetDefaults_PersistentVolumeClaimSpec).
 * Pod-only admission (service account, enableServiceLinks, priority, tolerations) is not a
 * template default and is left to the Pod strategy.
 */
import type { Container, PersistentVolumeClaimTemplate, PodTemplateSpec } from '../../api/types.ts';

/** Always for `:latest` or an untagged image without digest, else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  const tag = colon >= 0 ? image.slice(colon + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: Container): Container {
  const out: Container = { ...c };
  if (!out.imagePullPolicy && typeof out.image === 'string')
    out.imagePullPolicy = defaultPullPolicy(out.image);
  if (out.ports) out.ports = out.ports.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' }));
  out.resources ??= {};
  out.terminationMessagePath ??= '/dev/termination-log';
  out.terminationMessagePolicy ??= 'File';
  return out;
}

/** The template with apiserver defaults filled in (a new object). */
export function defaultPodTemplate(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const template = structuredClone(t ?? ({ spec: { containers: [] } } as unknown as PodTemplateSpec));
  const metadata = { creationTimestamp: null, ...(template.metadata ?? {}) } as PodTemplateSpec['metadata'];
  const spec = { ...(template.spec ?? { containers: [] }) };
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  if (Array.isArray(spec.containers)) spec.containers = spec.containers.map(defaultContainer);
  if (Array.isArray(spec.initContainers)) spec.initContainers = spec.initContainers.map(defaultContainer);
  return { ...template, metadata, spec };
}

/** A claim template with apiVersion/kind, volumeMode Filesystem and `status: {phase: Pending}`. */
export function defaultClaimTemplate(t: PersistentVolumeClaimTemplate): PersistentVolumeClaimTemplate {
  return {
    ...t,
    apiVersion: t.apiVersion ?? 'v1',
    kind: t.kind ?? 'PersistentVolumeClaim',
    metadata: { creationTimestamp: null, ...t.metadata } as PersistentVolumeClaimTemplate['metadata'],
    spec: { ...t.spec, volumeMode: t.spec?.volumeMode ?? 'Filesystem' },
    status: { phase: 'Pending', ...(t.status ?? {}) },
  };
}

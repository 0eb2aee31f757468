/**
 * Defaults the apiserver fills into a StatefulSet's pod template and claim templates (the
 * core/v1 defaulters SetObjectDefaults_StatefulSet runs on them): pod spec (restartPolicy,
 * terminationGracePeriodSeconds, dnsPolicy, schedulerName, securityContext), containers
 * (imagePullPolicy, terminationMessagePath/Policy, resources, port protocol) and claim templates
 * (apiVersion/kind, volumeMode, status phase). The template metadata carries
 * `creationTimestamp: null`, as Go serialises an unset time in an embedded ObjectMeta.
 *
 * Follows kubernetes/kubernetes v1.30 pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec,
 * SetDefaults_Container, SetDefaults_ContainerPort, SetDefaults_PersistentVolumeClaimSpec); the pod
 * spec part is the Pod strategy's (lifecycle/podDefaults.ts). Pod-only admission (service account, enableServiceLinks, priority, tolerations) is not a
 * template default and is left to the Pod strategy.
 */
import type { PersistentVolumeClaimTemplate, PodTemplateSpec } from '../../api/types.ts';
import { defaultPodTemplate as defaultTemplateSpec } from '../../lifecycle/podDefaults.ts';

/** The template with apiserver defaults filled in (a new object); the same pod defaults as for pods. */
export function defaultPodTemplate(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const template = structuredClone(t ?? ({ spec: { containers: [] } } as unknown as PodTemplateSpec));
  const metadata = { creationTimestamp: null, ...(template.metadata ?? {}) } as PodTemplateSpec['metadata'];
  return { ...defaultTemplateSpec(template), metadata };
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

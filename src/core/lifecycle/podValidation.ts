/**
 * Pod validation with the apiserver's texts, for the mistakes learners make: no containers, a
 * missing or malformed container name, a duplicate name, no image, an unknown restartPolicy,
 * dnsPolicy or imagePullPolicy, a port out of range, a volumeMount naming no volume; and the
 * update rule that a pod's spec is immutable except for images, activeDeadlineSeconds, added
 * tolerations and terminationGracePeriodSeconds.
 *
 * Follows kubernetes/kubernetes (release-1.30) pkg/apis/core/validation/validation.go:
 * ValidatePodSpec (volumes, validateContainers, validateRestartPolicy, validateDNSPolicy),
 * validateContainerCommon, validateContainerPorts, ValidateVolumeMounts, ValidatePodUpdate.
 * Where the lab differs: the Forbidden update message ends after the list of updatable fields; the
 * real one adds a go-cmp diff of the internal PodSpec structs, which the lab cannot reproduce.
 */
import type { Container, Pod, PodSpec } from '../api/types.ts';
import { sameJson } from '../apiserver/apiServer.ts';
import { type FieldError, forbidden, invalid, notSupported, required } from '../apiserver/fieldErrors.ts';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

/** The updatable fields as ValidatePodUpdate lists them (InPlacePodVerticalScaling is off in 1.30). */
export const POD_UPDATE_FORBIDDEN_MESSAGE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function dnsLabelErrors(field: string, value: string): FieldError[] {
  const errs: FieldError[] = [];
  if (value.length > 63) errs.push(invalid(field, value, 'must be no more than 63 characters'));
  if (!DNS1123_LABEL.test(value)) errs.push(invalid(field, value, DNS1123_LABEL_MSG));
  return errs;
}

function validateContainer(
  c: Container,
  path: string,
  seen: Set<string>,
  volumes: Set<string>,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(`${path}.name`));
  else {
    errs.push(...dnsLabelErrors(`${path}.name`, c.name));
    if (seen.has(c.name)) errs.push({ field: `${path}.name`, type: 'Duplicate value', value: c.name });
    seen.add(c.name);
  }
  if (!c.image) errs.push(required(`${path}.image`));
  else if (c.image.trim() !== c.image)
    errs.push(invalid(`${path}.image`, c.image, 'must not have leading or trailing whitespace'));
  (c.ports ?? []).forEach((p, i) => {
    const f = `${path}.ports[${i}].containerPort`;
    if (!p.containerPort) errs.push(required(f));
    else if (p.containerPort < 1 || p.containerPort > 65535)
      errs.push(invalid(f, p.containerPort, 'must be between 1 and 65535, inclusive'));
    if (p.protocol && !['TCP', 'UDP', 'SCTP'].includes(p.protocol))
      errs.push(notSupported(`${path}.ports[${i}].protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
  });
  (c.volumeMounts ?? []).forEach((m, i) => {
    const f = `${path}.volumeMounts[${i}]`;
    if (!m.name) errs.push(required(`${f}.name`));
    else if (!volumes.has(m.name)) errs.push({ field: `${f}.name`, type: 'Not found', value: m.name });
    if (!m.mountPath) errs.push(required(`${f}.mountPath`));
  });
  if (c.imagePullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy))
    errs.push(
      notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']),
    );
  return errs;
}

/**
 * Validates a (defaulted) pod spec; `path` is where it sits (`spec`, or `spec.template.spec` for a
 * workload's template). Returns the errors in the apiserver's order; empty means valid.
 */
export function validatePodSpec(spec: PodSpec, path = 'spec'): FieldError[] {
  const errs: FieldError[] = [];
  const volumes = new Set<string>();
  (spec.volumes ?? []).forEach((v, i) => {
    const f = `${path}.volumes[${i}].name`;
    if (!v.name) errs.push(required(f));
    else {
      errs.push(...dnsLabelErrors(f, v.name));
      if (volumes.has(v.name)) errs.push({ field: f, type: 'Duplicate value', value: v.name });
      volumes.add(v.name);
    }
  });
  const seen = new Set<string>();
  const containers = spec.containers ?? [];
  if (containers.length === 0) errs.push(required(`${path}.containers`));
  containers.forEach((c, i) => {
    errs.push(...validateContainer(c, `${path}.containers[${i}]`, seen, volumes));
  });
  (spec.initContainers ?? []).forEach((c, i) => {
    errs.push(...validateContainer(c, `${path}.initContainers[${i}]`, seen, volumes));
  });
  const rp = spec.restartPolicy;
  if (rp === ('' as string)) errs.push(required(`${path}.restartPolicy`));
  else if (rp && !['Always', 'OnFailure', 'Never'].includes(rp))
    errs.push(notSupported(`${path}.restartPolicy`, rp, ['Always', 'OnFailure', 'Never']));
  const dp = spec.dnsPolicy;
  if (dp && !['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'].includes(dp))
    errs.push(
      notSupported(`${path}.dnsPolicy`, dp, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']),
    );
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0)
    errs.push(
      invalid(
        `${path}.terminationGracePeriodSeconds`,
        spec.terminationGracePeriodSeconds,
        'must be greater than or equal to 0',
      ),
    );
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds <= 0)
    errs.push(
      invalid(
        `${path}.activeDeadlineSeconds`,
        spec.activeDeadlineSeconds,
        'must be between 1 and 2147483647, inclusive',
      ),
    );
  return errs;
}

/** Validation of a pod on create (the apiserver has already checked metadata.name). */
export function validatePod(pod: Pod): FieldError[] {
  return validatePodSpec(pod.spec ?? ({ containers: [] } as unknown as PodSpec));
}

/**
 * Validation of a pod update: the new pod must be valid, and its spec may differ from the old one
 * only in the updatable fields; otherwise `spec: Forbidden: pod updates may not change ...`.
 */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validatePod(pod);
  if (errs.length) return errs;
  const munged: PodSpec = { ...pod.spec };
  // Put the old values back into the fields an update may change; what still differs is forbidden.
  const withOldImages = (news: Container[] | undefined, olds: Container[] | undefined) =>
    news && olds && news.length === olds.length ? news.map((c, i) => ({ ...c, image: olds[i].image })) : news;
  munged.containers = withOldImages(pod.spec.containers, old.spec.containers) ?? [];
  if (pod.spec.initContainers)
    munged.initContainers = withOldImages(pod.spec.initContainers, old.spec.initContainers);
  munged.activeDeadlineSeconds = old.spec.activeDeadlineSeconds;
  const oldTolerations = old.spec.tolerations ?? [];
  const newTolerations = pod.spec.tolerations ?? [];
  if (oldTolerations.every((t) => newTolerations.some((n) => sameJson(n, t))))
    munged.tolerations = old.spec.tolerations;
  if ((old.spec.terminationGracePeriodSeconds ?? 0) < 0 && pod.spec.terminationGracePeriodSeconds === 1)
    munged.terminationGracePeriodSeconds = old.spec.terminationGracePeriodSeconds;
  if (!sameJson(munged, old.spec)) return [forbidden('spec', POD_UPDATE_FORBIDDEN_MESSAGE)];
  return [];
}

/**
 * Validation of a StatefulSet on create and update, with apimachinery's texts.
 *
 * Follows kubernetes/kubernetes v1.30 pkg/apis/apps/validation/validation.go
 * (ValidateStatefulSetName, ValidateStatefulSetSpec, validateRollingUpdateStatefulSet,
 * validatePersistentVolumeClaimRetentionPolicy, ValidatePodTemplateSpecForStatefulSet,
 * ValidateStatefulSetUpdate) and apimachinery's ValidateLabelSelector/ValidateLabels for the label
 * syntax. As upstream in 1.30, the pod spec itself is not validated here beyond restartPolicy and
 * activeDeadlineSeconds: an invalid pod is rejected when the controller creates it (FailedCreate).
 */
import { matchesSelector } from '../../api/labels.ts';
import type { Labels, StatefulSet } from '../../api/types.ts';
import { sameJson } from '../../apiserver/apiServer.ts';
import { type FieldError, forbidden, invalid, notSupported, required } from '../../apiserver/fieldErrors.ts';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

/** The update-forbidden message of 1.30–1.32 (no trailing period). */
export const FORBIDDEN_UPDATE_MSG =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

const nonNegative = (field: string, v: unknown): FieldError[] =>
  typeof v === 'number' && v < 0 ? [invalid(field, v, 'must be greater than or equal to 0')] : [];

function validateLabels(labels: Labels | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    const slash = k.lastIndexOf('/');
    const namePart = slash >= 0 ? k.slice(slash + 1) : k;
    const prefix = slash >= 0 ? k.slice(0, slash) : '';
    if (namePart.length === 0) errs.push(invalid(field, k, 'name part must be non-empty'));
    else if (namePart.length > 63)
      errs.push(invalid(field, k, 'name part must be no more than 63 characters'));
    else if (!QUALIFIED_NAME.test(namePart)) errs.push(invalid(field, k, NAME_MSG));
    if (slash >= 0 && !DNS_SUBDOMAIN.test(prefix))
      errs.push(
        invalid(
          field,
          k,
          "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        ),
      );
    if (typeof v !== 'string' || v.length > 63)
      errs.push(invalid(field, v, 'must be no more than 63 characters'));
    else if (!LABEL_VALUE.test(v)) errs.push(invalid(field, v, VALUE_MSG));
  }
  return errs;
}

/** Create-time validation: the name is a DNS label, then the spec rules. */
export function validateStatefulSet(set: StatefulSet): FieldError[] {
  const errs: FieldError[] = [];
  if (!DNS_LABEL.test(set.metadata.name) || set.metadata.name.length > 63)
    errs.push(invalid('metadata.name', set.metadata.name, LABEL_MSG));
  return [...errs, ...validateStatefulSetSpec(set)];
}

/** ValidateStatefulSetSpec, in upstream's order. */
export function validateStatefulSetSpec(set: StatefulSet): FieldError[] {
  const errs: FieldError[] = [];
  const spec = set.spec ?? ({} as StatefulSet['spec']);
  const pmp = spec.podManagementPolicy;
  if (!pmp) errs.push(required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel')
    errs.push(invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  const us = spec.updateStrategy;
  if (!us?.type) errs.push(required('spec.updateStrategy'));
  else if (us.type === 'OnDelete') {
    if (us.rollingUpdate)
      errs.push(
        invalid(
          'spec.updateStrategy.rollingUpdate',
          us.rollingUpdate,
          "only allowed for updateStrategy 'RollingUpdate'",
        ),
      );
  } else if (us.type === 'RollingUpdate') {
    if (us.rollingUpdate)
      errs.push(...nonNegative('spec.updateStrategy.rollingUpdate.partition', us.rollingUpdate.partition));
    const mu = us.rollingUpdate?.maxUnavailable;
    if (mu !== undefined) {
      const n = typeof mu === 'number' ? mu : Number.parseInt(String(mu), 10);
      if (n < 0)
        errs.push(
          invalid(
            'spec.updateStrategy.rollingUpdate.maxUnavailable',
            mu,
            'must be greater than or equal to 0',
          ),
        );
      if (n === 0) errs.push(invalid('spec.updateStrategy.rollingUpdate.maxUnavailable', mu, 'cannot be 0'));
      else if (typeof mu === 'string' && n > 100)
        errs.push(
          invalid('spec.updateStrategy.rollingUpdate.maxUnavailable', mu, 'must not be greater than 100%'),
        );
    }
  } else errs.push(invalid('spec.updateStrategy', us, "must be 'RollingUpdate' or 'OnDelete'"));
  const rp = spec.persistentVolumeClaimRetentionPolicy;
  for (const f of ['whenDeleted', 'whenScaled'] as const) {
    const v = rp?.[f];
    if (v !== 'Retain' && v !== 'Delete')
      errs.push(
        notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, v ?? '', ['Retain', 'Delete']),
      );
  }
  errs.push(...nonNegative('spec.replicas', spec.replicas));
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  if (spec.ordinals) errs.push(...nonNegative('spec.ordinals.start', spec.ordinals.start ?? 0));
  if (!spec.selector) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabels(spec.selector.matchLabels, 'spec.selector.matchLabels'));
    if (
      Object.keys(spec.selector.matchLabels ?? {}).length + (spec.selector.matchExpressions ?? []).length ===
      0
    )
      errs.push(invalid('spec.selector', spec.selector, 'empty selector is invalid for statefulset'));
  }
  const tmpl = spec.template;
  const tlabels = tmpl?.metadata?.labels ?? {};
  if (!matchesSelector(tlabels, spec.selector ?? null))
    errs.push(
      invalid('spec.template.metadata.labels', tlabels, '`selector` does not match template `labels`'),
    );
  // Upstream validates template label syntax under `spec.template.labels` (fldPath.Child("labels")).
  errs.push(...validateLabels(tmpl?.metadata?.labels, 'spec.template.labels'));
  const ps = tmpl?.spec;
  if (ps?.restartPolicy !== undefined && ps.restartPolicy !== 'Always')
    errs.push(notSupported('spec.template.spec.restartPolicy', ps.restartPolicy, ['Always']));
  if (ps?.activeDeadlineSeconds !== undefined)
    errs.push(
      forbidden(
        'spec.template.spec.activeDeadlineSeconds',
        'activeDeadlineSeconds in StatefulSet is not Supported',
      ),
    );
  return errs;
}

/**
 * ValidateStatefulSetUpdate: the create rules, then — after copying the mutable fields from the
 * old spec — any remaining spec difference is the single Forbidden error on `spec`.
 */
export function validateStatefulSetUpdate(next: StatefulSet, old: StatefulSet): FieldError[] {
  // The name is not re-validated on update (older releases allowed DNS subdomains).
  const errs = validateStatefulSetSpec(next);
  const {
    replicas,
    template,
    updateStrategy,
    minReadySeconds,
    ordinals,
    persistentVolumeClaimRetentionPolicy,
    ...restNew
  } = next.spec;
  const {
    replicas: _r,
    template: _t,
    updateStrategy: _u,
    minReadySeconds: _m,
    ordinals: _o,
    persistentVolumeClaimRetentionPolicy: _p,
    ...restOld
  } = old.spec;
  void replicas;
  void template;
  void updateStrategy;
  void minReadySeconds;
  void ordinals;
  void persistentVolumeClaimRetentionPolicy;
  if (!sameJson(restNew, restOld)) errs.push(forbidden('spec', FORBIDDEN_UPDATE_MSG));
  return errs;
}

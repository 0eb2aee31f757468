/**
 * Validation of Deployments, ReplicaSets and DaemonSets on create and update, with apimachinery's
 * texts. Follows kubernetes/kubernetes v1.30 pkg/apis/apps/validation/validation.go
 * (ValidateDeploymentSpec, ValidateReplicaSetSpec, ValidateDaemonSetSpec,
 * ValidatePodTemplateSpecForReplicaSet, ValidateDeploymentUpdate/ReplicaSetUpdate/DaemonSetUpdate:
 * the selector is immutable). Names are DNS subdomains (checked by the apiserver for every kind).
 * Lab simplification: label-syntax and rolling-update percentage checks are not repeated here; the
 * pod template's spec goes through the Pod validator (lifecycle/podValidation.ts).
 */
import { matchesSelector } from '../../api/labels.ts';
import type { LabelSelector, PodTemplateSpec } from '../../api/types.ts';
import { sameJson } from '../../apiserver/apiServer.ts';
import {
  type FieldError,
  forbidden,
  goText,
  invalid,
  notSupported,
  required,
} from '../../apiserver/fieldErrors.ts';
import { validatePodSpec } from '../../lifecycle/podValidation.ts';

/** `%#v` of a metav1.LabelSelector, as field errors print it. */
export function goLabelSelector(sel: LabelSelector | undefined): string {
  const labels = Object.entries(sel?.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const ml = sel?.matchLabels
    ? `map[string]string{${labels.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(', ')}}`
    : 'map[string]string(nil)';
  const exprs = sel?.matchExpressions;
  const me = exprs
    ? `[]v1.LabelSelectorRequirement{${exprs
        .map((e) => {
          const values = e.values
            ? `[]string{${e.values.map((v) => JSON.stringify(v)).join(', ')}}`
            : '[]string(nil)';
          return `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:${values}}`;
        })
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${me}}`;
}

/**
 * `%#v` of an internal strategy struct with an unknown type. The defaulter adds rollingUpdate only
 * for RollingUpdate, so for an unknown type it is nil unless the user gave one (then Go prints a
 * pointer address the lab cannot know; the lab prints it as nil too).
 */
function goStrategy(struct: string, rolling: string, type: string | undefined): unknown {
  return goText(`apps.${struct}{Type:${JSON.stringify(type ?? '')}, RollingUpdate:(*apps.${rolling})(nil)}`);
}

const nonNegative = (field: string, v: unknown): FieldError[] =>
  typeof v === 'number' && v < 0 ? [invalid(field, v, 'must be greater than or equal to 0')] : [];

/** The selector: required, not empty (`empty selector is invalid for <what>`). */
function validateSelector(sel: LabelSelector | undefined, what: string): FieldError[] {
  if (!sel) return [required('spec.selector')];
  if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0)
    return [invalid('spec.selector', goText(goLabelSelector(sel)), `empty selector is invalid for ${what}`)];
  return [];
}

/**
 * ValidatePodTemplateSpecForReplicaSet (also used for DaemonSets): the template must exist, its labels
 * must match the selector, its pod spec be valid with restartPolicy Always and no
 * activeDeadlineSeconds. `owner` names the kind in the activeDeadlineSeconds message.
 */
function validateTemplate(
  tmpl: PodTemplateSpec | undefined,
  sel: LabelSelector | undefined,
  owner: string,
): FieldError[] {
  if (!tmpl) return [required('spec.template')];
  const errs: FieldError[] = [];
  const labels = tmpl.metadata?.labels ?? {};
  if (sel && !matchesSelector(labels, sel))
    errs.push(
      invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'),
    );
  errs.push(...validatePodSpec(tmpl.spec, 'spec.template.spec'));
  const rp = tmpl.spec?.restartPolicy;
  if (rp !== undefined && rp !== 'Always')
    errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (tmpl.spec?.activeDeadlineSeconds !== undefined)
    errs.push(
      forbidden(
        'spec.template.spec.activeDeadlineSeconds',
        `activeDeadlineSeconds in ${owner} is not Supported`,
      ),
    );
  return errs;
}

interface WorkloadLike {
  metadata: { name: string };
  spec: {
    replicas?: number;
    selector: LabelSelector;
    template?: PodTemplateSpec;
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
    strategy?: { type?: string };
    updateStrategy?: { type?: string };
  };
}

/** ValidateDeploymentSpec (the parts the lab checks), in upstream's order. */
export function validateDeployment(d: WorkloadLike): FieldError[] {
  const spec = d.spec ?? ({} as WorkloadLike['spec']);
  const errs = [
    ...nonNegative('spec.replicas', spec.replicas),
    ...validateSelector(spec.selector, 'deployment'),
  ];
  errs.push(...validateTemplate(spec.template, spec.selector, 'ReplicaSet'));
  const type = spec.strategy?.type;
  if (type !== 'RollingUpdate' && type !== 'Recreate')
    errs.push(
      notSupported('spec.strategy', goStrategy('DeploymentStrategy', 'RollingUpdateDeployment', type), [
        'Recreate',
        'RollingUpdate',
      ]),
    );
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  errs.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  return errs;
}

/** ValidateReplicaSetSpec, in upstream's order. */
export function validateReplicaSet(rs: WorkloadLike): FieldError[] {
  const spec = rs.spec ?? ({} as WorkloadLike['spec']);
  return [
    ...nonNegative('spec.replicas', spec.replicas),
    ...nonNegative('spec.minReadySeconds', spec.minReadySeconds),
    ...validateSelector(spec.selector, 'deployment'),
    ...validateTemplate(spec.template, spec.selector, 'ReplicaSet'),
  ];
}

/** ValidateDaemonSetSpec, in upstream's order. */
export function validateDaemonSet(ds: WorkloadLike): FieldError[] {
  const spec = ds.spec ?? ({} as WorkloadLike['spec']);
  const errs = validateSelector(spec.selector, 'daemonset');
  errs.push(...validateTemplate(spec.template, spec.selector, 'DaemonSet'));
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  const type = spec.updateStrategy?.type;
  if (type !== 'RollingUpdate' && type !== 'OnDelete')
    errs.push(
      notSupported(
        'spec.updateStrategy',
        goStrategy('DaemonSetUpdateStrategy', 'RollingUpdateDaemonSet', type),
        ['RollingUpdate', 'OnDelete'],
      ),
    );
  errs.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  return errs;
}

/**
 * The update rule the three kinds share: the create rules, plus `spec.selector: Invalid value:
 * v1.LabelSelector{...}: field is immutable` when the selector changed.
 */
export function validateSelectorUpdate(next: WorkloadLike, old: WorkloadLike): FieldError[] {
  if (sameJson(next.spec?.selector, old.spec?.selector)) return [];
  return [invalid('spec.selector', goText(goLabelSelector(next.spec?.selector)), 'field is immutable')];
}

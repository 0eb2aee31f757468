/**
 * The check language of lesson steps, as data: what must hold in the cluster's state for a step to be
 * done. A check is an object with exactly one key naming its form:
 *
 * - `all: [checks]`, `any: [checks]`, `not: check` — combine checks;
 * - `exists: {kind, name, namespace?}`, `absent: {...}` — an API object is there / is gone;
 * - `field: {kind, name, namespace?, path, <comparison>}` — a field of an object, e.g.
 *   `path: status.readyReplicas, equals: 3`;
 * - `count: {kind, namespace?, selector?, namePrefix?, ready?, where?, <comparison>}` — how many
 *   objects match (`selector` in kubectl's `-l` syntax; `ready` for pods);
 * - `podReady: {name, namespace?}` — the pod's Ready condition is True;
 * - `volumeFile: {claim, namespace?, prefix, present}` — the volume bound to a claim holds (or does not
 *   hold) a file whose path starts with `prefix` (MariaDB keeps database `test1` under `test1/`);
 * - `event: {reason, name?, messageIncludes?}` — an Event was recorded;
 * - `minikube: {path, <comparison>}` — the minikube profile (`host`, `starts`, `addons['csi-hostpath-driver']`);
 * - `waiting: {statefulSet, namespace?, waitingOn?}` — the StatefulSet controller is waiting.
 *
 * A comparison is one or more of `equals`, `notEquals`, `oneOf`, `gte`, `lte`, `includes`, `exists`.
 * Values may be `{var: NAME}`: a value a step remembered earlier (see lessonSchema `remember`).
 * Checks read the cluster's state only, never what the learner typed.
 */
import { z } from 'zod';
import { kindInfo } from '../../core/api/kinds.ts';
import { parseSelector } from '../../core/api/labels.ts';
import { parseFieldPath } from '../checks/fieldPath.ts';

/** A value remembered by an earlier step, referred to by name. */
export interface VarRef {
  var: string;
}
export type Scalar = string | number | boolean | null;
export type CheckValue = Scalar | VarRef;

/** The comparisons a field (or a count) can be put to; every given one must hold. */
export interface Comparison {
  equals?: CheckValue;
  notEquals?: CheckValue;
  oneOf?: CheckValue[];
  gte?: number | VarRef;
  lte?: number | VarRef;
  includes?: string;
  exists?: boolean;
}

export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

export interface FieldCondition extends Comparison {
  path: string;
}

export interface Check {
  all?: Check[];
  any?: Check[];
  not?: Check;
  exists?: ObjectRef;
  absent?: ObjectRef;
  field?: ObjectRef & FieldCondition;
  count?: Comparison & {
    kind: string;
    namespace?: string;
    selector?: string;
    namePrefix?: string;
    ready?: boolean;
    where?: FieldCondition[];
  };
  podReady?: { name: string; namespace?: string };
  volumeFile?: { claim: string; namespace?: string; prefix: string; present: boolean };
  event?: { reason: string; name?: string; messageIncludes?: string };
  minikube?: FieldCondition;
  waiting?: { statefulSet: string; namespace?: string; waitingOn?: string };
}

export const CHECK_FORMS = [
  'all',
  'any',
  'not',
  'exists',
  'absent',
  'field',
  'count',
  'podReady',
  'volumeFile',
  'event',
  'minikube',
  'waiting',
] as const;

const COMPARISON_KEYS = ['equals', 'notEquals', 'oneOf', 'gte', 'lte', 'includes', 'exists'] as const;

const name = z.string().min(1).max(253);
const varRef = z.strictObject({ var: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a plain name') });
const scalar = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
const value = z.union([scalar, varRef]);
const numberOrVar = z.union([z.number(), varRef]);

const kind = z.string().refine((k) => kindInfo(k) !== undefined, {
  message:
    'is not a kind the lab serves (write it as in `kind:`, e.g. StatefulSet, Pod, PersistentVolumeClaim)',
});
const fieldPath = z.string().superRefine((p, ctx) => {
  const r = parseFieldPath(p);
  if ('error' in r) ctx.addIssue({ code: 'custom', message: r.error });
});
const selector = z.string().superRefine((s, ctx) => {
  const r = parseSelector(s);
  if ('error' in r) ctx.addIssue({ code: 'custom', message: `invalid selector: ${r.error}` });
});

const comparisonShape = {
  equals: value.optional(),
  notEquals: value.optional(),
  oneOf: z.array(value).min(1).optional(),
  gte: numberOrVar.optional(),
  lte: numberOrVar.optional(),
  includes: z.string().optional(),
  exists: z.boolean().optional(),
};

function hasComparison(o: object): boolean {
  return COMPARISON_KEYS.some((k) => Object.hasOwn(o, k));
}
const needsComparison = {
  message: `needs a comparison: one of ${COMPARISON_KEYS.join(', ')}`,
};

const objectRefShape = { kind, name, namespace: name.optional() };
const objectRef = z.strictObject(objectRefShape);
const fieldCondition = z
  .strictObject({ path: fieldPath, ...comparisonShape })
  .refine(hasComparison, needsComparison);

/** The zod schema of a check (recursive through all / any / not). */
export const checkSchema: z.ZodType<Check> = z.lazy(() =>
  z
    .strictObject({
      all: z.array(checkSchema).min(1).optional(),
      any: z.array(checkSchema).min(1).optional(),
      not: checkSchema.optional(),
      exists: objectRef.optional(),
      absent: objectRef.optional(),
      field: z
        .strictObject({ ...objectRefShape, path: fieldPath, ...comparisonShape })
        .refine(hasComparison, needsComparison)
        .optional(),
      count: z
        .strictObject({
          kind,
          namespace: name.optional(),
          selector: selector.optional(),
          namePrefix: z.string().optional(),
          ready: z.boolean().optional(),
          where: z.array(fieldCondition).optional(),
          ...comparisonShape,
        })
        .refine(hasComparison, needsComparison)
        .optional(),
      podReady: z.strictObject({ name, namespace: name.optional() }).optional(),
      volumeFile: z
        .strictObject({
          claim: name,
          namespace: name.optional(),
          prefix: z.string().min(1),
          present: z.boolean(),
        })
        .optional(),
      event: z
        .strictObject({
          reason: z.string().min(1),
          name: name.optional(),
          messageIncludes: z.string().optional(),
        })
        .optional(),
      minikube: fieldCondition.optional(),
      waiting: z
        .strictObject({ statefulSet: name, namespace: name.optional(), waitingOn: name.optional() })
        .optional(),
    })
    .refine((o) => Object.keys(o).length === 1, {
      message: `a check has exactly one of: ${CHECK_FORMS.join(', ')}`,
    }),
);

/** Every `{var: NAME}` a check refers to (to verify each is remembered before it is used). */
export function varsUsedBy(check: Check): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.var === 'string' && Object.keys(o).length === 1) out.push(o.var);
      else for (const x of Object.values(o)) visit(x);
    }
  };
  visit(check);
  return out;
}

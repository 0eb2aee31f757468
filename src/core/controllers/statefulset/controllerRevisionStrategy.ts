/**
 * The apiserver's handling of ControllerRevisions: `revision` must not be negative and `data` may
 * not change after creation.
 *
 * Follows kubernetes/kubernetes v1.30 pkg/apis/apps/validation/validation.go
 * (ValidateControllerRevisionCreate, ValidateControllerRevisionUpdate).
 */
import type { ControllerRevision } from '../../api/types.ts';
import { sameJson } from '../../apiserver/apiServer.ts';
import { type FieldError, invalid, required } from '../../apiserver/fieldErrors.ts';
import type { KindStrategy } from '../../apiserver/kindStrategy.ts';

function validateRevision(cr: ControllerRevision): FieldError[] {
  const errs: FieldError[] = [];
  if (cr.data === undefined || cr.data === null) errs.push(required('data', 'data is mandatory'));
  if (typeof cr.revision !== 'number' || cr.revision < 0)
    errs.push(invalid('revision', cr.revision, 'must be greater than or equal to 0'));
  return errs;
}

/** The ControllerRevision kind strategy registered by the statefulset module. */
export const controllerRevisionStrategy: KindStrategy<ControllerRevision> = {
  validate: validateRevision,
  validateUpdate(next, old) {
    const errs = validateRevision(next);
    if (!sameJson(next.data, old.data)) errs.push(invalid('data', next.data, 'field is immutable'));
    return errs;
  },
};

/**
 * The patch library of the lab's kubectl: strategic merge patch (apply and compute, two- and
 * three-way), JSON merge patch (RFC 7386) and JSON patch (RFC 6902), with the apiserver's and
 * kubectl's error texts. Used by `kubectl patch`, `apply`, `scale`, `label`, `annotate`,
 * `set image` and `rollout`. Modules outside this folder import from here.
 */
export { jsonMergePatch, patchedObjectError } from './jsonMergePatch.ts';
export { jsonPatch } from './jsonPatch.ts';
export type { JsonObject } from './jsonValue.ts';
export { formatPatchError, PatchError, type PatchErrorReason } from './patchErrors.ts';
export { kindPatchMeta } from './patchMeta.ts';
export { createThreeWayMergePatch, createTwoWayMergePatch } from './strategicDiff.ts';
export { strategicMergePatch } from './strategicMerge.ts';

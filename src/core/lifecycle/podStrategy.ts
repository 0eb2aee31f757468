/**
 * The apiserver's Pod strategy: defaults, validation on create and update, the mutating admission
 * of a new pod, and the status subresource (the kubelet writes status, users write spec).
 * Follows kubernetes/kubernetes (release-1.30) pkg/registry/core/pod/strategy.go (podStrategy:
 * PrepareForCreate, Validate, ValidateUpdate; podStatusStrategy). Pods have no metadata.generation
 * in 1.30 (PodObservedGenerationTracking arrives in 1.33).
 */
import type { Pod } from '../api/types.ts';
import type { KindStrategy } from '../apiserver/kindStrategy.ts';
import { admitNewPod, defaultPod } from './podDefaults.ts';
import { validatePod, validatePodUpdate } from './podValidation.ts';

/** The Pod kind's strategy, registered by the kubelet module. */
export const podStrategy: KindStrategy<Pod> = {
  defaults: (pod) => defaultPod(pod),
  validate: (pod) => validatePod(pod),
  validateUpdate: (pod, old) => validatePodUpdate(pod, old),
  admit: (pod, op, ctx) => (op === 'create' ? admitNewPod(pod, ctx.random) : pod),
  statusSubresource: true,
};

/**
 * A pod's total requests and limits as `kubectl describe node` counts them (kubectl
 * pkg/util/resource PodRequestsAndLimits, 1.30): containers summed, each init container taken as
 * a floor (max), plus spec.overhead when set.
 */
import type { Container, Pod } from '../../../../core/api/types.ts';
import { addQuantity, maxQuantity, parseQuantity, type Quantity } from './resourceQuantity.ts';

/** Resource name -> quantity. */
export type ResourceTotals = Record<string, Quantity>;

interface Resources {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

function listOf(c: Container, which: keyof Resources): Record<string, string> {
  return (c.resources as Resources | undefined)?.[which] ?? {};
}

function addInto(into: ResourceTotals, list: Record<string, string>): void {
  for (const [name, text] of Object.entries(list)) {
    const q = parseQuantity(text);
    if (!q) continue;
    into[name] = into[name] ? addQuantity(into[name], q) : q;
  }
}

function maxInto(into: ResourceTotals, list: Record<string, string>): void {
  for (const [name, text] of Object.entries(list)) {
    const q = parseQuantity(text);
    if (!q) continue;
    into[name] = into[name] ? maxQuantity(into[name], q) : q;
  }
}

function totals(pod: Pod, which: keyof Resources): ResourceTotals {
  const sum: ResourceTotals = {};
  for (const c of pod.spec.containers) addInto(sum, listOf(c, which));
  for (const c of pod.spec.initContainers ?? []) maxInto(sum, listOf(c, which));
  const overhead = (pod.spec as { overhead?: Record<string, string> }).overhead;
  // overhead counts towards every request, but only towards limits the pod already sets
  if (overhead && which === 'requests') addInto(sum, overhead);
  else if (overhead) {
    addInto(sum, Object.fromEntries(Object.entries(overhead).filter(([name]) => name in sum)));
  }
  return sum;
}

/** PodRequestsAndLimits: the pod's requests and limits per resource name. */
export function podRequestsAndLimits(pod: Pod): { requests: ResourceTotals; limits: ResourceTotals } {
  return { requests: totals(pod, 'requests'), limits: totals(pod, 'limits') };
}

/**
 * The resource arguments of get/describe/delete/wait (`pods`, `sts,po`, `pod web-0 web-1`,
 * `pod/web-0 svc/nginx`, `all`) resolved and fetched the way kubectl's resource builder does
 * (kubernetes/cli-runtime pkg/resource/builder.go `ResourceTypeOrNameArgs`, `ResourceNames`,
 * `replaceAliases`, 1.30): kinds by plural, singular, short name or `kind.group`; lists sorted by
 * namespace and name as the apiserver's etcd keys order them; NotFound errors for missing names.
 * `all` is the `all` category: the kinds of it the lab's apiserver serves (pods, services,
 * daemonsets, deployments, replicasets, statefulsets), in the category's order.
 */
import { type KindInfo, kindInfo, resolveResourceName } from '../../../core/api/kinds.ts';
import { matchesRequirements, parseSelector, type Requirement } from '../../../core/api/labels.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import type { Simulation } from '../../../core/simulation/simulation.ts';
import { apiError, type KubectlError, plainError } from '../errors.ts';

/** The kinds of the `all` category kubectl 1.30 lists, in its order, that the lab serves. */
const ALL_CATEGORY = [
  'Pod',
  'ReplicationController',
  'Service',
  'DaemonSet',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'HorizontalPodAutoscaler',
  'CronJob',
  'Job',
];

/** What the arguments ask for: named objects of kinds, or whole kinds. */
export type ResourceArgs =
  | { mode: 'pairs'; pairs: Array<{ info: KindInfo; name: string }> }
  | { mode: 'types'; kinds: KindInfo[]; names: string[] };

export type Resolved<T> = { ok: true; value: T } | { ok: false; error: KubectlError };

/** Resolves a typed resource name, or kubectl's error for an unknown one. */
export function resolveKind(typed: string): Resolved<KindInfo> {
  const info = resolveResourceName(typed);
  return info
    ? { ok: true, value: info }
    : { ok: false, error: plainError(`the server doesn't have a resource type "${typed}"`) };
}

/** Resolves `sts,po` (with `all` expanded) to kinds, in order, without duplicates. */
export function resolveKindList(text: string): Resolved<KindInfo[]> {
  const kinds: KindInfo[] = [];
  for (const part of text.split(',')) {
    if (part === '') continue;
    const infos =
      part.toLowerCase() === 'all'
        ? ALL_CATEGORY.map((k) => kindInfo(k)).filter((k): k is KindInfo => k !== undefined)
        : [];
    if (infos.length === 0) {
      const r = resolveKind(part);
      if (!r.ok) return r;
      infos.push(r.value);
    }
    for (const info of infos) if (!kinds.includes(info)) kinds.push(info);
  }
  return { ok: true, value: kinds };
}

/** Parses the positional arguments of a resource command (builder ResourceTypeOrNameArgs). */
export function parseResourceArgs(args: readonly string[]): Resolved<ResourceArgs> {
  if (args.some((a) => a.includes('/'))) {
    const pairs: Array<{ info: KindInfo; name: string }> = [];
    for (const a of args) {
      if (!a.includes('/'))
        return {
          ok: false,
          error: plainError(
            `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
          ),
        };
      const parts = a.split('/');
      if (parts.length !== 2 || parts[0] === '' || parts[1] === '')
        return {
          ok: false,
          error: plainError('arguments in resource/name form must have a single resource and name'),
        };
      const r = resolveKind(parts[0]);
      if (!r.ok) return r;
      pairs.push({ info: r.value, name: parts[1] });
    }
    return { ok: true, value: { mode: 'pairs', pairs } };
  }
  const kinds = resolveKindList(args[0] ?? '');
  if (!kinds.ok) return kinds;
  return { ok: true, value: { mode: 'types', kinds: kinds.value, names: args.slice(1) } };
}

/** Parses `-l`: requirements, or kubectl's error; an empty selector selects everything. */
export function parseLabelSelector(text: string): Resolved<Requirement[]> {
  const r = parseSelector(text);
  return 'error' in r ? { ok: false, error: plainError(r.error) } : { ok: true, value: r.reqs };
}

/** Objects of one kind found for a request, in the order kubectl shows them. */
export interface FoundGroup {
  info: KindInfo;
  objects: KubeObject[];
}

export interface FetchOptions {
  namespace: string;
  allNamespaces: boolean;
  selector: Requirement[];
}

/** Lists a kind as the apiserver does: etcd key order (namespace, then name), filtered by labels. */
export function listKind(sim: Simulation, info: KindInfo, opts: FetchOptions): KubeObject[] {
  const ns = info.namespaced && !opts.allNamespaces ? opts.namespace : undefined;
  return sim.store
    .list(info.kind, ns)
    .filter((o) => matchesRequirements(o.metadata.labels, opts.selector))
    .sort((a, b) => {
      const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
      const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}

/**
 * Fetches what the arguments name. Consecutive objects of one kind form one group (one table);
 * names that do not exist give NotFound errors, collected for the end as kubectl does.
 */
export function fetchResources(
  sim: Simulation,
  args: ResourceArgs,
  opts: FetchOptions,
): { groups: FoundGroup[]; errors: KubectlError[] } {
  const groups: FoundGroup[] = [];
  const errors: KubectlError[] = [];
  const add = (info: KindInfo, obj: KubeObject) => {
    const last = groups[groups.length - 1];
    if (last && last.info === info) last.objects.push(obj);
    else groups.push({ info, objects: [obj] });
  };
  const getOne = (info: KindInfo, name: string) => {
    const r = sim.api.get(info.kind, opts.namespace, name);
    if (r.ok) add(info, r.value);
    else errors.push(apiError(r.error));
  };
  if (args.mode === 'pairs') {
    for (const p of args.pairs) getOne(p.info, p.name);
    return { groups, errors };
  }
  for (const info of args.kinds) {
    if (args.names.length > 0) for (const name of args.names) getOne(info, name);
    else groups.push({ info, objects: listKind(sim, info, opts) });
  }
  return { groups, errors };
}

/**
 * `kubectl api-resources`, following kubernetes/kubectl pkg/cmd/apiresources/apiresources.go (1.30):
 * NAME, SHORTNAMES, APIVERSION, NAMESPACED, KIND (`-o wide` adds VERBS and CATEGORIES), one row per
 * resource the apiserver serves, aligned by kubectl's get tabwriter; `-o name` prints
 * `<plural>[.<group>]`; `--namespaced`, `--api-group`, `--verbs`, `--no-headers`, `--sort-by`.
 * Lab difference: the server is the lab's, so only the kinds of src/core/api/kinds.ts are listed.
 */
import { apiVersionOf, KINDS, type KindInfo, qualifiedPlural } from '../../../core/api/kinds.ts';
import type { FlagSpec } from '../cli/flags.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagBool, flagChanged, flagList, flagString } from '../cli/verbModule.ts';
import { fail, plainError } from '../errors.ts';
import { getTabWriter } from '../printers/tabwriter.ts';

/** Kinds in the `all` category (what `kubectl get all` lists). */
const ALL_CATEGORY_KINDS = new Set([
  'Pod',
  'Service',
  'DaemonSet',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
]);

const FLAGS: FlagSpec[] = [
  { name: 'namespaced', type: 'bool', default: true },
  { name: 'api-group', type: 'string' },
  { name: 'verbs', type: 'stringSlice' },
  { name: 'categories', type: 'stringSlice' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'cached', type: 'bool' },
];

function row(k: KindInfo, wide: boolean): string[] {
  const cells = [k.plural, k.shortNames.join(','), apiVersionOf(k), String(k.namespaced), k.kind];
  if (wide) cells.push(`[${k.verbs.join(' ')}]`, ALL_CATEGORY_KINDS.has(k.kind) ? 'all' : '');
  return cells;
}

function runApiResources(ctx: VerbContext): number {
  const { io } = ctx;
  const output = flagString(ctx, 'output');
  if (output !== '' && output !== 'wide' && output !== 'name')
    return fail(io, plainError(`--output ${output} is not available`));
  const sortBy = flagString(ctx, 'sort-by');
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind')
    return fail(io, plainError(`--sort-by accepts only name or kind`));
  let kinds = [...KINDS];
  if (flagChanged(ctx, 'namespaced'))
    kinds = kinds.filter((k) => k.namespaced === flagBool(ctx, 'namespaced'));
  if (flagChanged(ctx, 'api-group')) kinds = kinds.filter((k) => k.group === flagString(ctx, 'api-group'));
  const verbs = flagList(ctx, 'verbs');
  if (verbs.length > 0) kinds = kinds.filter((k) => verbs.every((v) => k.verbs.includes(v)));
  const categories = flagList(ctx, 'categories');
  if (categories.length > 0)
    kinds = kinds.filter((k) => categories.every((c) => c === 'all' && ALL_CATEGORY_KINDS.has(k.kind)));
  if (sortBy === 'name') kinds.sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
  if (sortBy === 'kind') kinds.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  if (output === 'name') {
    io.stdout(kinds.map((k) => `${qualifiedPlural(k)}\n`).join(''));
    return 0;
  }
  const wide = output === 'wide';
  const w = getTabWriter();
  if (!flagBool(ctx, 'no-headers')) {
    const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
    if (wide) header.push('VERBS', 'CATEGORIES');
    w.write(`${header.join('\t')}\n`);
  }
  for (const k of kinds) w.write(`${row(k, wide).join('\t')}\n`);
  io.stdout(w.flush());
  return 0;
}

export const apiResourcesVerb: VerbModule = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  group: 'Other Commands',
  flags: FLAGS,
  run: runApiResources,
};

/**
 * `kubectl describe`, following kubernetes/kubectl pkg/cmd/describe/describe.go (1.30): objects by
 * kind and name (a name is a prefix match when no object has exactly that name), `kind/name`, `-l`,
 * `-A`; one description per object separated by a blank line; `No resources found in <ns>
 * namespace.` on stderr when nothing matched. The texts come from the printers' describers
 * (../printers/describe), which get the object plus the events about it.
 */
import type { KubeObject } from '../../../core/api/types.ts';
import type { FlagSpec } from '../cli/flags.ts';
import { listKind, parseLabelSelector, parseResourceArgs } from '../cli/resources.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagBool, flagString } from '../cli/verbModule.ts';
import { apiError, fail, type KubectlError, plainError, printErrors } from '../errors.ts';
import { noResourcesMessage } from '../printers/tables.ts';
import { describeObject } from './describeObject.ts';

const FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-events', type: 'bool', default: true },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
];

function runDescribe(ctx: VerbContext): number {
  const { io, sim } = ctx;
  if (ctx.args.length === 0)
    return fail(
      io,
      plainError(
        'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      ),
    );
  const parsed = parseResourceArgs(ctx.args);
  if (!parsed.ok) return fail(io, parsed.error);
  const selector = parseLabelSelector(flagString(ctx, 'selector'));
  if (!selector.ok) return fail(io, selector.error);
  const opts = {
    namespace: ctx.namespace,
    allNamespaces: flagBool(ctx, 'all-namespaces'),
    selector: selector.value,
  };
  const args = parsed.value;
  const objects: KubeObject[] = [];
  const errors: KubectlError[] = [];
  const pairs =
    args.mode === 'pairs'
      ? args.pairs
      : args.kinds.flatMap((info) => args.names.map((name) => ({ info, name })));
  if (pairs.length > 0) {
    for (const p of pairs) {
      const exact = sim.api.get(p.info.kind, ctx.namespace, p.name);
      if (exact.ok) {
        objects.push(exact.value);
        continue;
      }
      // describe.go: a name that matches nothing exactly describes every object it prefixes.
      const prefixed = listKind(sim, p.info, opts).filter((o) => o.metadata.name.startsWith(p.name));
      if (prefixed.length > 0) objects.push(...prefixed);
      else errors.push(apiError(exact.error));
    }
  } else if (args.mode === 'types') {
    for (const info of args.kinds) objects.push(...listKind(sim, info, opts));
    if (objects.length === 0) {
      io.stderr(
        `${noResourcesMessage(
          args.kinds.map((k) => k.kind),
          ctx.namespace,
          opts.allNamespaces,
        )}\n`,
      );
      return 0;
    }
  }
  const texts = objects.map((o) => describeObject(o, sim, flagBool(ctx, 'show-events')));
  io.stdout(texts.join('\n\n'));
  if (texts.length > 0 && !texts[texts.length - 1].endsWith('\n')) io.stdout('\n');
  return printErrors(io, errors);
}

export const describeVerb: VerbModule = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  group: 'Troubleshooting and Debugging Commands',
  flags: FLAGS,
  run: runDescribe,
};

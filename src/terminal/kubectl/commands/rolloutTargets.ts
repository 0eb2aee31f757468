/**
 * The objects a `kubectl rollout` subcommand acts on, and kubectl's errors for the wrong ones
 * (kubernetes/kubectl pkg/cmd/rollout/*.go Validate: `Required resource not specified.` as a usage
 * error; pkg/polymorphichelpers: `no status viewer has been implemented for Pod` and friends for
 * kinds without rollouts — the lab serves only StatefulSets among the kinds that have them).
 */
import type { VerbContext } from '../cli/verbModule.ts';
import { flagList, flagString } from '../cli/verbModule.ts';
import { type KubectlError, plainError, usageError } from '../errors.ts';
import { findTargets, type Target } from './patchTargets.ts';

const WHAT: Record<string, string> = {
  status: 'no status viewer has been implemented for',
  history: 'no history viewer has been implemented for',
  undo: 'no rollbacker has been implemented for',
};

/** StatefulSet targets of a rollout subcommand, errors for others; `fatal` for a bad request. */
export function rolloutTargets(
  ctx: VerbContext,
  sub: string,
): { targets: Target[]; errors: KubectlError[] } | { fatal: KubectlError } {
  if (ctx.args.length === 0 && flagList(ctx, 'filename').length === 0)
    return { fatal: usageError(ctx.commandPath, 'Required resource not specified.') };
  if (
    'selector' in ctx.flags &&
    flagString(ctx, 'selector') &&
    ctx.args.length === 1 &&
    !ctx.args[0].includes('/')
  )
    ctx = { ...ctx, flags: { ...ctx.flags, all: true } };
  const found = findTargets(ctx, ctx.args);
  if ('fatal' in found) return found;
  const targets: Target[] = [];
  const errors = [...found.errors];
  for (const t of found.targets) {
    if (t.info.kind === 'StatefulSet') targets.push(t);
    else if (WHAT[sub])
      errors.push(
        plainError(`${WHAT[sub]} ${t.info.group ? `${t.info.kind}.${t.info.group}` : t.info.kind}`),
      );
    else
      errors.push(
        plainError(
          `${t.info.plural}${t.info.group ? `.${t.info.group}` : ''} "${t.object.metadata.name}" ${sub === 'pause' ? 'pausing' : sub === 'resume' ? 'resuming' : 'restarting'} is not supported`,
        ),
      );
  }
  return { targets, errors };
}

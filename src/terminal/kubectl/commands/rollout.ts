/**
 * `kubectl rollout` and its subcommands, following kubernetes/kubectl pkg/cmd/rollout (1.30):
 * status (rolloutStatus.ts), history and undo (rolloutHistory.ts), restart — sets the pod template
 * annotation `kubectl.kubernetes.io/restartedAt` to the (virtual) time in RFC 3339 and prints
 * `statefulset.apps/web restarted` (pkg/polymorphichelpers/objectrestarter.go) — and pause/resume,
 * which StatefulSets do not support: `error: statefulsets.apps "web" pausing is not supported`
 * (objectpauser.go / objectresumer.go through rollout_pause.go's error format).
 */
import { qualifiedSingular } from '../../../core/api/kinds.ts';
import type { StatefulSet } from '../../../core/api/types.ts';
import type { Proc } from '../../shell/process.ts';
import type { FlagSpec } from '../cli/flags.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix } from '../cli/writeHelpers.ts';
import { fail, type KubectlError, plainError, printErrors } from '../errors.ts';
import { writeObject } from './patchTargets.ts';
import { rolloutHistoryVerb, rolloutUndoVerb } from './rolloutHistory.ts';
import { rolloutStatusVerb } from './rolloutStatus.ts';
import { rolloutTargets } from './rolloutTargets.ts';

/** The pod template annotation `rollout restart` sets. */
export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

const FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  DRY_RUN_FLAG,
];

// biome-ignore lint/correctness/useYield: a command that never waits
function* runRestart(ctx: VerbContext): Proc {
  const { io, sim } = ctx;
  const dry = dryRunOf(ctx);
  if ('error' in dry) return fail(io, dry.error);
  const found = rolloutTargets(ctx, 'restart');
  if ('fatal' in found) return fail(io, found.fatal);
  const errors: KubectlError[] = [...found.errors];
  // Go's time.Now().Format(time.RFC3339): whole seconds.
  const at = sim.timestamp().replace(/\.\d+Z$/, 'Z');
  for (const { info, object } of found.targets) {
    const set = object as StatefulSet;
    const template = set.spec.template;
    const annotations = { ...(template.metadata?.annotations ?? {}) };
    if (annotations[RESTARTED_AT] === at) {
      errors.push(
        plainError(
          `failed to create patch for ${set.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
        ),
      );
      continue;
    }
    annotations[RESTARTED_AT] = at;
    const next: StatefulSet = {
      ...set,
      spec: {
        ...set.spec,
        template: { ...template, metadata: { ...(template.metadata ?? {}), annotations } },
      },
    };
    if (dry.value !== 'client') {
      const w = writeObject(ctx, set, next, dry.value === 'server');
      if (!w.ok) {
        errors.push(w.error);
        continue;
      }
    }
    io.stdout(`${qualifiedSingular(info)}/${set.metadata.name} restarted${dryRunSuffix(dry.value)}\n`);
  }
  return printErrors(io, errors);
}

// biome-ignore lint/correctness/useYield: a command that never waits
function* runUnsupported(ctx: VerbContext, sub: 'pause' | 'resume'): Proc {
  const found = rolloutTargets(ctx, sub);
  if ('fatal' in found) return fail(ctx.io, found.fatal);
  const errors: KubectlError[] = [...found.errors];
  for (const { info, object } of found.targets)
    errors.push(
      plainError(
        `${info.plural}${info.group ? `.${info.group}` : ''} "${object.metadata.name}" ${sub === 'pause' ? 'pausing' : 'resuming'} is not supported`,
      ),
    );
  if (errors.length === 0) errors.push(plainError(`no objects passed to ${sub}`));
  return printErrors(ctx.io, errors);
}

/** `kubectl rollout` with its subcommands. */
export const rolloutVerb: VerbModule = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  group: 'Deploy Commands',
  subcommands: [
    rolloutHistoryVerb,
    {
      name: 'pause',
      short: 'Mark the provided resource as paused',
      flags: FLAGS,
      run: (ctx) => runUnsupported(ctx, 'pause'),
    },
    { name: 'restart', short: 'Restart a resource', flags: FLAGS, run: runRestart },
    {
      name: 'resume',
      short: 'Resume a paused resource',
      flags: FLAGS,
      run: (ctx) => runUnsupported(ctx, 'resume'),
    },
    rolloutStatusVerb,
    rolloutUndoVerb,
  ],
};

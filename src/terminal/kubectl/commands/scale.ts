/**
 * `kubectl scale`, following kubernetes/kubectl pkg/cmd/scale/scale.go and pkg/scale/scale.go (1.30):
 * `--replicas` is required (cobra: `required flag(s) "replicas" not set`) and must be >= 0;
 * `--current-replicas` is a precondition (`Expected replicas to be 2, was 3`); each object is
 * scaled through its scale subresource (only StatefulSets among the lab's kinds have one; other
 * kinds answer NotFound `the server could not find the requested resource`) and printed as
 * `statefulset.apps/web scaled`, even when the count did not change. `--timeout` waits (virtual
 * time) until status.replicas reaches the new count.
 */
import { qualifiedSingular } from '../../../core/api/kinds.ts';
import { type Proc, waitUntil } from '../../shell/process.ts';
import { type FlagSpec, parseGoDuration } from '../cli/flags.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagChanged, flagInt, flagString } from '../cli/verbModule.ts';
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix, FILENAME_FLAG } from '../cli/writeHelpers.ts';
import { fail, type KubectlError, plainError, printErrors } from '../errors.ts';
import { findTargets, writeObject } from './patchTargets.ts';

const FLAGS: FlagSpec[] = [
  { name: 'replicas', type: 'int', default: 0 },
  { name: 'current-replicas', type: 'int', default: -1 },
  { name: 'resource-version', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'timeout', type: 'duration', default: '0s' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'record', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  FILENAME_FLAG,
  DRY_RUN_FLAG,
];

/** The kinds with a scale subresource that the lab serves. */
const SCALABLE = new Set(['StatefulSet', 'Deployment', 'ReplicaSet', 'ReplicationController']);

function* runScale(ctx: VerbContext): Proc {
  const { io, sim } = ctx;
  if (!flagChanged(ctx, 'replicas')) return fail(io, plainError('required flag(s) "replicas" not set'));
  const replicas = flagInt(ctx, 'replicas');
  const current = flagInt(ctx, 'current-replicas');
  if (replicas < 0)
    return fail(
      io,
      plainError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0'),
    );
  if (current < -1)
    return fail(io, plainError('The --current-replicas must specify an integer of -1 or greater'));
  const dry = dryRunOf(ctx);
  if ('error' in dry) return fail(io, dry.error);
  const found = findTargets(ctx, ctx.args);
  if ('fatal' in found) return fail(io, found.fatal);
  const resourceVersion = flagString(ctx, 'resource-version');
  if (resourceVersion && found.targets.length > 1)
    return fail(io, plainError('cannot use --resource-version with multiple resources'));
  const errors: KubectlError[] = [...found.errors];
  const outputName = flagString(ctx, 'output') === 'name';
  const scaled: Array<{ ns: string | undefined; name: string }> = [];
  for (const { info, object } of found.targets) {
    const line = outputName
      ? `${qualifiedSingular(info)}/${object.metadata.name}\n`
      : `${qualifiedSingular(info)}/${object.metadata.name} scaled${dryRunSuffix(dry.value)}\n`;
    if (dry.value === 'client') {
      io.stdout(line);
      continue;
    }
    if (!SCALABLE.has(info.kind)) {
      errors.push({
        type: 'raw',
        text: 'Error from server (NotFound): the server could not find the requested resource\n',
      });
      continue;
    }
    const have = object.spec?.replicas ?? 1;
    if (current !== -1 && have !== current) {
      errors.push(plainError(`Expected replicas to be ${current}, was ${have}`));
      continue;
    }
    if (resourceVersion && object.metadata.resourceVersion !== resourceVersion) {
      errors.push(
        plainError(
          `Expected resourceVersion to be ${resourceVersion}, was ${object.metadata.resourceVersion}`,
        ),
      );
      continue;
    }
    const w = writeObject(
      ctx,
      object,
      { ...object, spec: { ...object.spec, replicas } },
      dry.value === 'server',
    );
    if (!w.ok) {
      errors.push(w.error);
      continue;
    }
    io.stdout(line);
    scaled.push({ ns: object.metadata.namespace, name: object.metadata.name });
  }
  const timeoutMs = parseGoDuration(flagString(ctx, 'timeout')) ?? 0;
  if (timeoutMs > 0 && dry.value === 'none' && scaled.length > 0) {
    const reached = () =>
      scaled.every(({ ns, name }) => {
        const o = sim.store.get('StatefulSet', ns, name);
        return !o || (o.status?.replicas ?? 0) === replicas;
      });
    const met = yield* waitUntil(reached, timeoutMs);
    if (!met) errors.push(plainError('timed out waiting for the condition'));
  }
  return printErrors(io, errors);
}

export const scaleVerb: VerbModule = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  group: 'Deploy Commands',
  flags: FLAGS,
  run: runScale,
};

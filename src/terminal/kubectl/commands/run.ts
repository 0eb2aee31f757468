/**
 * `kubectl run NAME --image=IMAGE` without a terminal, following kubernetes/kubectl
 * pkg/cmd/run/run.go and pkg/generate/versioned/run.go `BasicPod` (1.30): creates a Pod with label
 * `run=NAME` (or `--labels`), one container named NAME with the image, `--env`, `--port`, the
 * arguments after `--` as args (or as the command with `--command`), restartPolicy from
 * `--restart` (Always by default), and prints `pod/NAME created`. Errors: `NAME is required for
 * run`, `--image is required`, `invalid restart policy: x`, `Invalid image name "x": invalid
 * reference format`, the apiserver's AlreadyExists. `-i`/`-t` go to `runHooks.interactive`, the
 * plug point for the interactive session (attach, `--rm`).
 */
import type { Container, Pod } from '../../../core/api/types.ts';
import type { Proc } from '../../shell/process.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagBool, flagList, flagString } from '../cli/verbModule.ts';
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix } from '../cli/writeHelpers.ts';
import { apiError, fail, plainError, usageError } from '../errors.ts';
import { runInteractive } from './runInteractive.ts';

/** Plug point for `kubectl run -it` (runInteractive.ts): gets the created pod's name. */
export const runHooks: { interactive?: (ctx: VerbContext, podName: string) => Proc } = {
  interactive: runInteractive,
};

const IMAGE_REF =
  /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/** The Pod `kubectl run` sends (BasicPod generator), or an error text. */
export function buildRunPod(
  ctx: VerbContext,
  name: string,
  argv: readonly string[],
): Pod | { error: string } {
  const image = flagString(ctx, 'image');
  if (!image) return { error: '--image is required' };
  if (!IMAGE_REF.test(image)) return { error: `Invalid image name "${image}": invalid reference format` };
  const restart = flagString(ctx, 'restart') || 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart))
    return { error: `invalid restart policy: ${restart}` };
  const labels: Record<string, string> = {};
  const labelText = flagString(ctx, 'labels');
  if (labelText) {
    for (const pair of labelText.split(',')) {
      const [k, v, extra] = pair.split('=');
      if (v === undefined || extra !== undefined) return { error: `invalid label spec: ${pair}` };
      labels[k] = v;
    }
  } else labels.run = name;
  const container: Container = { name, image };
  if (argv.length > 0) {
    if (flagBool(ctx, 'command')) container.command = [...argv];
    else container.args = [...argv];
  }
  const env = flagList(ctx, 'env');
  if (env.length > 0)
    container.env = env.map((e) => {
      const eq = e.indexOf('=');
      return eq < 0 ? { name: e } : { name: e.slice(0, eq), value: e.slice(eq + 1) };
    });
  const port = flagString(ctx, 'port');
  if (port) container.ports = [{ containerPort: Number(port) }];
  if (flagBool(ctx, 'stdin')) container.stdin = true;
  if (flagBool(ctx, 'tty')) container.tty = true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels, uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: { containers: [container], restartPolicy: restart as 'Always' | 'OnFailure' | 'Never' },
    status: { phase: 'Pending' },
  } as Pod;
}

function* runRun(ctx: VerbContext): Proc {
  const { io, sim } = ctx;
  const dash = ctx.argsLenAtDash;
  const before = dash < 0 ? ctx.args : ctx.args.slice(0, dash);
  const argv = dash < 0 ? ctx.args.slice(1) : ctx.args.slice(dash);
  if (before.length === 0) return fail(io, usageError(ctx.commandPath, 'NAME is required for run'));
  const name = before[0];
  const dry = dryRunOf(ctx);
  if ('error' in dry) return fail(io, dry.error);
  const pod = buildRunPod(ctx, name, argv);
  if ('error' in pod) return fail(io, plainError(pod.error));
  const interactive = flagBool(ctx, 'stdin') || flagBool(ctx, 'tty') || flagBool(ctx, 'attach');
  if (flagBool(ctx, 'rm') && !interactive)
    return fail(io, plainError('--rm should only be used for attached containers'));
  if (dry.value !== 'client') {
    const created = sim.api.create(pod, { namespace: ctx.namespace, dryRun: dry.value === 'server' });
    if (!created.ok) return fail(io, apiError(created.error));
  }
  if (interactive && runHooks.interactive && dry.value === 'none')
    return yield* runHooks.interactive(ctx, name);
  io.stdout(`pod/${name} created${dryRunSuffix(dry.value)}\n`);
  return 0;
}

export const runVerb: VerbModule = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  group: 'Basic Commands (Beginner)',
  flags: [
    { name: 'image', type: 'string' },
    { name: 'restart', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'env', type: 'stringArray' },
    { name: 'port', type: 'string' },
    { name: 'command', type: 'bool' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'rm', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'annotations', type: 'stringArray' },
    { name: 'expose', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'overrides', type: 'string' },
    { name: 'privileged', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'template', type: 'string' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
    { name: 'field-manager', type: 'string', default: 'kubectl-run' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'leave-stdin-open', type: 'bool' },
    { name: 'override-type', type: 'string', default: 'merge' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'save-config', type: 'bool' },
    { name: 'timeout', type: 'duration', default: '0s' },
    { name: 'wait', type: 'bool' },
    DRY_RUN_FLAG,
  ],
  run: runRun,
};

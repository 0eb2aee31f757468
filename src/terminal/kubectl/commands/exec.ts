/**
 * `kubectl exec POD [-c CONTAINER] -- COMMAND [args...]` without a terminal, following
 * kubernetes/kubectl pkg/cmd/exec/exec.go and pkg/cmd/util/podcmd/podcmd.go (1.30): the pod must
 * exist and run (`error: cannot exec into a container in a completed pod; current phase is
 * Succeeded`; a container not started yet: `error: unable to upgrade connection: container not
 * found ("x")`); a pod with several containers and no `-c` prints `Defaulted container "a" out of:
 * a, b` first; a non-zero exit ends with `command terminated with exit code N` and that status.
 * The command runs through `execHooks.run` (execCommands.ts: the pod shell's programs), and `-i`/`-t`
 * through `execHooks.interactive` (execInteractive.ts).
 */
import { resolveResourceName } from '../../../core/api/kinds.ts';
import { matchesSelector } from '../../../core/api/labels.ts';
import type { Pod } from '../../../core/api/types.ts';
import type { Proc } from '../../shell/process.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagBool, flagString } from '../cli/verbModule.ts';
import { apiError, fail, type KubectlError, plainError, usageError } from '../errors.ts';
import { type ExecRunner, runExecCommand } from './execCommands.ts';
import { execInteractive } from './execInteractive.ts';

/** Plug points for the pod shell: the command runner, and the interactive session (-i/-t). */
export const execHooks: {
  run: ExecRunner;
  interactive?: (ctx: VerbContext, pod: Pod, container: string, argv: readonly string[]) => Proc;
} = { run: runExecCommand, interactive: execInteractive };

/** Resolves `-c` (or the default container) of a pod; the Defaulted line goes to stderr. */
export function pickContainer(
  ctx: VerbContext,
  pod: Pod,
  name: string,
): { name: string } | { error: string } {
  const all = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  if (name)
    return all.some((c) => c.name === name)
      ? { name }
      : { error: `container ${name} not found in pod ${pod.metadata.name}` };
  const byAnnotation = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  const chosen =
    byAnnotation && all.some((c) => c.name === byAnnotation) ? byAnnotation : pod.spec.containers[0].name;
  if (all.length > 1 && !byAnnotation) {
    const names = [
      ...pod.spec.containers.map((c) => c.name),
      ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`),
    ];
    ctx.io.stderr(`Defaulted container "${chosen}" out of: ${names.join(', ')}\n`);
  }
  return { name: chosen };
}

/**
 * The pod `POD` or `TYPE/NAME` designates (polymorphichelpers AttachablePodForObject): a pod by
 * name, or for a StatefulSet its first pod by name among those its selector matches.
 */
export function attachablePod(ctx: VerbContext, arg: string): { pod: Pod } | { error: KubectlError } {
  const { sim } = ctx;
  if (!arg.includes('/')) {
    const got = sim.api.get<Pod>('Pod', ctx.namespace, arg);
    return got.ok ? { pod: got.value } : { error: apiError(got.error) };
  }
  const [type, name] = arg.split('/');
  const info = resolveResourceName(type);
  if (!info) return { error: plainError(`the server doesn't have a resource type "${type}"`) };
  const got = sim.api.get(info.kind, ctx.namespace, name);
  if (!got.ok) return { error: apiError(got.error) };
  if (info.kind === 'Pod') return { pod: got.value as Pod };
  if (info.kind !== 'StatefulSet')
    return { error: plainError(`cannot attach to *v1.${info.kind}: not implemented`) };
  const sel = got.value.spec?.selector;
  const pods = sim.store
    .list<Pod>('Pod', ctx.namespace)
    .filter((p) => matchesSelector(p.metadata.labels, sel))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  if (pods.length === 0) return { error: plainError(`pods "${name}" not found`) };
  return { pod: pods[0] };
}

function* runExec(ctx: VerbContext): Proc {
  const { io } = ctx;
  const dash = ctx.argsLenAtDash;
  if (ctx.args.length === 0)
    return fail(io, usageError(ctx.commandPath, 'pod, type/name or --filename must be specified'));
  if (dash < 0 && ctx.args.length > 1)
    return fail(
      io,
      usageError(
        ctx.commandPath,
        'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
      ),
    );
  const argv = dash < 0 ? [] : ctx.args.slice(dash);
  if (dash > 1)
    return fail(
      io,
      usageError(
        ctx.commandPath,
        `exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead`,
      ),
    );
  if (argv.length === 0)
    return fail(io, plainError('you must specify at least one command for the container'));
  const found = attachablePod(ctx, ctx.args[0]);
  if ('error' in found) return fail(io, found.error);
  const pod = found.pod;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed')
    return fail(
      io,
      plainError(`cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`),
    );
  const picked = pickContainer(ctx, pod, flagString(ctx, 'container'));
  if ('error' in picked) return fail(io, plainError(picked.error));
  const tty = flagBool(ctx, 'tty');
  const stdin = flagBool(ctx, 'stdin');
  if (tty || stdin) {
    if (execHooks.interactive) return yield* execHooks.interactive(ctx, pod, picked.name, argv);
    if (tty && !stdin) io.stderr('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }
  const status = pod.status?.containerStatuses?.find((s) => s.name === picked.name);
  if (!status?.state?.running)
    return fail(io, plainError(`unable to upgrade connection: container not found ("${picked.name}")`));
  const container = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find(
    (c) => c.name === picked.name,
  );
  if (!container)
    return fail(io, plainError(`container ${picked.name} not found in pod ${pod.metadata.name}`));
  const code = yield* execHooks.run(ctx, pod, container, argv);
  if (code !== 0) {
    io.stderr(`command terminated with exit code ${code}\n`);
    return code;
  }
  return 0;
}

export const execVerb: VerbModule = {
  name: 'exec',
  short: 'Execute a command in a container',
  group: 'Troubleshooting and Debugging Commands',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s' },
  ],
  run: runExec,
};

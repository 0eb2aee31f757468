/**
 * `kubectl attach POD [-c CONTAINER] [-i] [-t]`, and the attach step of `kubectl run -it`, following
 * kubernetes/kubectl pkg/cmd/attach/attach.go (1.30): the pod must be running (`error: cannot
 * attach a container in a completed pod; current phase is Succeeded`), `If you don't see a command
 * prompt, try pressing enter.` on stderr, then the container's main process (its shell) reads what
 * the learner types; when that process exits, the kubelet sees the container end (status = the
 * shell's exit status) and restarts it under the pod's restartPolicy, and kubectl says
 * `Session ended, resume using 'kubectl attach POD -c C -i -t' command when the pod is running`
 * for pods that restart (restartPolicy Always) when a terminal was attached.
 *
 * Lab difference: attaching to a container whose main process is not a shell (a server) shows
 * nothing and waits for Ctrl-C, as with a real server that prints nothing new.
 */
import type { Pod } from '../../../core/api/types.ts';
import { exitContainer } from '../../../core/lifecycle/podActions.ts';
import { podSession } from '../../pod/podShell.ts';
import type { Proc } from '../../shell/process.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagBool, flagString } from '../cli/verbModule.ts';
import { apiError, fail, plainError, usageError } from '../errors.ts';
import { pickContainer } from './exec.ts';

const SHELL_NAMES = new Set(['bash', 'sh', 'ash', '/bin/bash', '/bin/sh', '/bin/ash']);

/** The argv of a container's main process if it is an interactive shell, else undefined. */
export function mainShell(pod: Pod, container: string): string[] | undefined {
  const spec = pod.spec.containers.find((c) => c.name === container);
  if (!spec) return undefined;
  const argv = [...(spec.command ?? []), ...(spec.args ?? [])];
  if (argv.length === 0) {
    // the image's default command: a shell for shell images (ubuntu, busybox, my-ubuntu)
    return /^(docker\.io\/)?(library\/)?(ubuntu|debian|busybox)([:@]|$)|takara9\/my-ubuntu/.test(spec.image)
      ? [/busybox/.test(spec.image) ? 'sh' : 'bash']
      : undefined;
  }
  return argv.length === 1 && SHELL_NAMES.has(argv[0]) ? argv : undefined;
}

/**
 * Attaches the terminal to the main process of `container` until it exits; then ends the container
 * with the shell's status (the kubelet restarts it per restartPolicy) and prints the resume hint.
 * Returns kubectl's exit status (0: attach itself succeeded).
 */
export function* attachSession(ctx: VerbContext, pod: Pod, container: string, tty: boolean): Proc {
  const { io, sim } = ctx;
  const stdin = flagBool(ctx, 'stdin');
  if (!flagBool(ctx, 'quiet') && stdin) io.stderr("If you don't see a command prompt, try pressing enter.\n");
  const shell = mainShell(pod, container);
  if (!shell || !stdin) {
    // nothing to type into: wait until interrupted (or the container ends)
    const uid = pod.metadata.uid;
    yield {
      type: 'until',
      done: () => {
        const now = sim.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
        return !now || now.metadata.uid !== uid || now.status?.phase !== 'Running';
      },
    };
    return 0;
  }
  const status = yield* podSession(ctx.env.session, io, { pod, container, tty }, shell);
  exitContainer(sim, pod.metadata.namespace ?? ctx.namespace, pod.metadata.name, status);
  if (!flagBool(ctx, 'quiet') && tty && (pod.spec.restartPolicy ?? 'Always') === 'Always')
    io.stderr(
      `Session ended, resume using 'kubectl attach ${pod.metadata.name} -c ${container} -i -t' command when the pod is running\n`,
    );
  return 0;
}

function* runAttach(ctx: VerbContext): Proc {
  const { io, sim } = ctx;
  if (ctx.args.length === 0)
    return fail(io, usageError(ctx.commandPath, 'at least 1 argument is required for attach'));
  if (ctx.args.length > 1)
    return fail(
      io,
      usageError(ctx.commandPath, 'expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 2'),
    );
  let name = ctx.args[0];
  if (name.includes('/')) {
    const [type, rest] = name.split('/');
    if (!['pod', 'pods', 'po'].includes(type.toLowerCase()))
      return fail(io, plainError(`cannot attach to ${type}: only pods are supported by this lab`));
    name = rest;
  }
  const got = sim.api.get<Pod>('Pod', ctx.namespace, name);
  if (!got.ok) return fail(io, apiError(got.error));
  const pod = got.value;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed')
    return fail(
      io,
      plainError(`cannot attach a container in a completed pod; current phase is ${pod.status.phase}`),
    );
  const picked = pickContainer(ctx, pod, flagString(ctx, 'container'));
  if ('error' in picked) return fail(io, plainError(picked.error));
  const state = pod.status?.containerStatuses?.find((s) => s.name === picked.name)?.state;
  if (!state?.running)
    return fail(io, plainError(`unable to upgrade connection: container not found ("${picked.name}")`));
  const spec = pod.spec.containers.find((c) => c.name === picked.name);
  // attach.go: a terminal only if the container allocated one (and then always)
  let tty = flagBool(ctx, 'tty') && flagBool(ctx, 'stdin');
  if (tty && !spec?.tty) {
    tty = false;
    if (!flagBool(ctx, 'quiet'))
      io.stderr(`Unable to use a TTY - container ${picked.name} did not allocate one\n`);
  } else if (spec?.tty) tty = true;
  return yield* attachSession(ctx, pod, picked.name, tty);
}

/** `kubectl attach`, registered in verbs.ts. */
export const attachVerb: VerbModule = {
  name: 'attach',
  short: 'Attach to a running container',
  group: 'Troubleshooting and Debugging Commands',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s' },
  ],
  run: runAttach,
};

/**
 * `kubectl exec -i [-t] POD [-c C] -- CMD…` with stdin attached, following kubernetes/kubectl
 * pkg/cmd/exec/exec.go (1.30) `SetupTTY` and `Run`: `-t` without `-i` quietly runs without a
 * terminal; the container must be running (`error: unable to upgrade connection: container not
 * found ("x")`); the command (a shell: its prompt and commands; any other program: as it is) runs
 * until it exits, nothing restarts afterwards (exec starts a second process beside the main one),
 * and a non-zero exit status ends with `command terminated with exit code N` and that status.
 */
import type { Pod } from '../../../core/api/types.ts';
import { podSession, runInContainer } from '../../pod/podShell.ts';
import type { Proc } from '../../shell/process.ts';
import type { VerbContext } from '../cli/verbModule.ts';
import { flagBool } from '../cli/verbModule.ts';
import { fail, plainError } from '../errors.ts';

/** The interactive exec path (plugged into exec.ts as `execHooks.interactive`). */
export function* execInteractive(
  ctx: VerbContext,
  pod: Pod,
  container: string,
  argv: readonly string[],
): Proc {
  const { io } = ctx;
  const stdin = flagBool(ctx, 'stdin');
  const tty = stdin && flagBool(ctx, 'tty');
  const state = pod.status?.containerStatuses?.find((s) => s.name === container)?.state;
  if (!state?.running)
    return fail(io, plainError(`unable to upgrade connection: container not found ("${container}")`));
  const target = { pod, container, tty };
  const status = stdin
    ? yield* podSession(ctx.env.session, io, target, argv)
    : yield* runInContainer(ctx.env.session, io, target, argv);
  if (status !== 0) io.stderr(`command terminated with exit code ${status}\n`);
  return status;
}

/**
 * The non-interactive commands `kubectl exec POD -- CMD` runs: the programs of the container's
 * image as the pod shell knows them (src/terminal/pod: `hostname`, `cat`, `ls`, `env`, `df`,
 * `nslookup`, `mariadb -e …`, `sh -c '…'`, …), with stdout and stderr kept apart, and the
 * container runtime's error for a program the image lacks (`OCI runtime exec failed: … executable
 * file not found in $PATH`, status 126).
 */
import type { Container, Pod } from '../../../core/api/types.ts';
import { runInContainer } from '../../pod/podShell.ts';
import type { Proc } from '../../shell/process.ts';
import type { VerbContext } from '../cli/verbModule.ts';

/** Runs `argv` in container `c` of `pod` without a terminal; the process returns the exit status. */
export type ExecRunner = (ctx: VerbContext, pod: Pod, c: Container, argv: readonly string[]) => Proc;

/** The default ExecRunner: the pod shell's command set. */
export const runExecCommand: ExecRunner = (ctx, pod, c, argv) =>
  runInContainer(ctx.env.session, ctx.io, { pod, container: c.name, tty: false }, argv);

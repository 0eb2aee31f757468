/**
 * A shell inside a container, as `kubectl exec -it POD -- bash` or `kubectl run -it … -- sh` gives
 * it: the image's shell (bash, busybox ash, or dash for `sh` in Debian images) with its prompt, the
 * host shell's grammar and execution engine (shell/parser.ts, shell/exec.ts) running the image's
 * programs (podCommands.ts) against the container's files (podFiles.ts), and the builtins `cd`,
 * `exit` (bash says `exit` as it leaves an interactive session), `export`.
 * Also the entry points kubectl uses: an interactive session ({@link podSession}) and one command
 * without a terminal ({@link runInContainer}), whose missing programs fail as the container runtime
 * reports them (`OCI runtime exec failed: … executable file not found in $PATH`, status 126).
 *
 * Lab difference: the container layer (files written outside volumes) lasts for one session.
 */
import type { Pod } from '../../core/api/types.ts';
import { SHELL_BUILTINS } from '../shell/builtins.ts';
import { type Builtin, resolve, runList, type ShellContext, type ShellProc } from '../shell/exec.ts';
import { parseInput } from '../shell/parser.ts';
import type { Io, Proc, SessionServices } from '../shell/process.ts';
import { readCommand } from '../shell/readCommand.ts';
import { imageCommands, PodCommandTable, type ShellFlavour } from './podCommands.ts';
import {
  containerEnv,
  type PodEnv,
  type PodSessionServices,
  podHostname,
  promptFor,
  traitsOf,
} from './podEnv.ts';
import { type LayerFiles, PodFs } from './podFiles.ts';

const SHELLS = new Set(['bash', 'sh', 'ash', '/bin/bash', '/bin/sh', '/bin/ash', '/usr/bin/bash']);

/** What kubectl passes in: the pod, the container, and whether there is a terminal. */
export interface ContainerTarget {
  pod: Pod;
  container: string;
  tty: boolean;
}

/** The session and shell state for commands in `target`. */
function setup(
  host: SessionServices,
  target: ContainerTarget,
  write: (t: string) => void,
  flavour: ShellFlavour,
) {
  const spec =
    target.pod.spec.containers.find((c) => c.name === target.container) ?? target.pod.spec.containers[0];
  const traits = traitsOf(spec);
  const vars = {
    ...containerEnv(host.sim, target.pod, spec, traits, target.tty),
    PWD: traits.workdir,
    SHLVL: '1',
    '?': '0',
  };
  const env: PodEnv = {
    namespace: target.pod.metadata.namespace ?? 'default',
    podName: target.pod.metadata.name,
    podUid: target.pod.metadata.uid ?? '',
    container: spec.name,
    image: spec.image,
    traits,
    tty: target.tty,
    cwd: traits.workdir,
    vars,
  };
  const layer: LayerFiles = {};
  const fs = new PodFs(host.sim, env, layer);
  const session: PodSessionServices = Object.create(host, {
    pod: { value: env },
    fs: { value: fs },
    readFile: {
      value: (path: string) => {
        const t = fs.read(fs.resolve(path));
        return t === 'dir' ? undefined : t;
      },
    },
  });
  // redirections (`> file`) write through to the container's files
  const files = new Proxy({} as Record<string, string>, {
    get: (_t, path) => {
      if (typeof path !== 'string') return undefined;
      const t = fs.read(fs.resolve(path));
      return t === 'dir' ? undefined : t;
    },
    set: (_t, path, value) => {
      if (typeof path === 'string') fs.write(fs.resolve(path), String(value), false);
      return true;
    },
  });
  const ctx: ShellContext = {
    session,
    vars,
    files,
    commands: new PodCommandTable(imageCommands(traits), flavour),
    builtins: builtinsFor(flavour, target.tty, env, fs),
    write,
  };
  return { ctx, env, fs, hostname: podHostname(target.pod) };
}

function builtinsFor(flavour: ShellFlavour, tty: boolean, env: PodEnv, fs: PodFs): Record<string, Builtin> {
  // biome-ignore lint/correctness/useYield: changes directory
  const cd: Builtin = function* (args, io, ctx) {
    const target =
      args[0] === undefined || args[0] === '~'
        ? (ctx.vars.HOME ?? env.traits.home)
        : args[0] === '-'
          ? (ctx.vars.OLDPWD ?? env.cwd)
          : args[0];
    const abs = fs.resolve(target);
    const what = fs.read(abs);
    if (what !== 'dir') {
      const reason = what === undefined ? 'No such file or directory' : 'Not a directory';
      io.stderr(
        flavour === 'bash'
          ? `bash: cd: ${target}: ${reason}\n`
          : flavour === 'ash'
            ? `sh: cd: can't cd to ${target}: ${reason}\n`
            : `sh: 1: cd: can't cd to ${target}\n`,
      );
      return flavour === 'dash' ? 2 : 1;
    }
    ctx.vars.OLDPWD = env.cwd;
    env.cwd = abs;
    ctx.vars.PWD = abs;
    return 0;
  };
  // biome-ignore lint/correctness/useYield: ends the shell
  const quietExit: Builtin = function* (args, _io, ctx) {
    const arg = args[0];
    const status =
      arg !== undefined && /^-?\d+$/.test(arg)
        ? ((Number(arg) % 256) + 256) % 256
        : Number(ctx.vars['?'] ?? 0);
    ctx.exitStatus = status;
    return status;
  };
  return {
    cd,
    export: SHELL_BUILTINS.export,
    exit: flavour === 'bash' && tty ? SHELL_BUILTINS.exit : quietExit,
  };
}

function flavourFor(shell: string, target: ContainerTarget): ShellFlavour {
  const name = shell.slice(shell.lastIndexOf('/') + 1);
  if (name === 'bash') return 'bash';
  const spec = target.pod.spec.containers.find((c) => c.name === target.container);
  const traits = spec ? traitsOf(spec) : undefined;
  return traits?.prompt === 'busybox' ? 'ash' : 'dash';
}

/** True when the image has the shell `argv[0]` names (busybox has no bash). */
function hasShell(shell: string, target: ContainerTarget): boolean {
  const spec = target.pod.spec.containers.find((c) => c.name === target.container);
  const traits = spec ? traitsOf(spec) : undefined;
  if (!traits?.shell) return false;
  return !shell.endsWith('bash') || traits.shell === 'bash';
}

/** The interactive loop: read a command (Ctrl-C drops it, as the pod's bash does), run it, until `exit`. */
function* shellLoop(ctx: ShellContext, prompt: () => string): ShellProc<number> {
  for (;;) {
    const ps1 = prompt();
    const list = yield* readCommand(ctx, { ps1, ps2: ps1 === '' ? '' : '> ', passInterrupt: true });
    if (list && list.length > 0) yield* runList(list, ctx);
    if (ctx.exitStatus !== undefined) return ctx.exitStatus;
  }
}

const runtimeError = (program: string) =>
  `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\r\n`;

/**
 * Runs `argv` in the container with stdin attached (kubectl exec -i / run -i / attach): a shell
 * reads commands (showing its prompt only with a terminal); another program runs as it is.
 * Returns the exit status of the process. The terminal output goes to `io.stdout`.
 */
export function* podSession(
  host: SessionServices,
  io: Io,
  target: ContainerTarget,
  argv: readonly string[],
): Proc {
  const [program = 'sh', ...rest] = argv;
  const write = (t: string) => io.stdout(t);
  if (SHELLS.has(program) && rest.length === 0) {
    if (!hasShell(program, target)) {
      io.stdout(runtimeError(program));
      return 126;
    }
    const flavour = flavourFor(program, target);
    const { ctx, env, hostname } = setup(host, target, write, flavour);
    const prompt = () =>
      !target.tty
        ? ''
        : flavour === 'dash'
          ? env.traits.user === 'root'
            ? '# '
            : '$ '
          : promptFor(
              flavour === 'ash' ? { ...env, traits: { ...env.traits, prompt: 'busybox' } } : env,
              hostname,
            );
    return yield* shellLoop(ctx, prompt);
  }
  return yield* runInContainer(host, io, target, argv);
}

/**
 * Runs one command in the container (kubectl exec POD -- CMD…): `sh -c 'a; b'` through the shell,
 * anything else as a program of the image. Returns its exit status; stdout and stderr stay apart.
 */
export function* runInContainer(
  host: SessionServices,
  io: Io,
  target: ContainerTarget,
  argv: readonly string[],
): Proc {
  const [program = '', ...rest] = argv;
  const base = program.slice(program.lastIndexOf('/') + 1);
  if (SHELLS.has(program) && rest[0] === '-c') {
    if (!hasShell(program, target)) {
      io.stdout(runtimeError(program));
      return 126;
    }
    const { ctx } = setup(host, target, (t) => io.stdout(t), flavourFor(program, target));
    const parsed = parseInput(rest[1] ?? '');
    if (parsed.kind === 'error') {
      io.stderr(`${parsed.message}\n`);
      return 2;
    }
    if (parsed.kind !== 'ok') return 2;
    const outcome = yield* runList(parsed.list, ctx);
    return ctx.exitStatus ?? outcome.status;
  }
  const { ctx } = setup(host, target, (t) => io.stdout(t), 'bash');
  if (SHELLS.has(program)) {
    // a shell without a terminal and without stdin reads end-of-file at once and exits
    if (hasShell(program, target)) return 0;
    io.stdout(runtimeError(program));
    return 126;
  }
  const def = ctx.commands.get(base);
  const dir = program.slice(0, program.length - base.length);
  const onPath = dir === '' || /^\/(usr\/(local\/)?)?s?bin\/$/.test(dir);
  if (!def || !onPath) {
    io.stdout(runtimeError(program));
    return 126;
  }
  const proc = resolve(base, rest, io, ctx);
  return proc ? yield* proc : 126;
}

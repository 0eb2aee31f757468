/**
 * Builtins that need the shell's own state: bash's `history` (numbered `%5d  %s` lines), `exit`,
 * `export`, and coreutils `timeout N COMMAND` (ends the command after N virtual seconds, status 124;
 * its own errors 125, a command it cannot run 127). `timeout` shortens the command's waits to its
 * deadline, so a watch inside it ends on time in the runner and in the page alike.
 */
import type { Builtin, ShellContext } from './exec.ts';
import type { Io, Proc, Wait, WaitResult } from './process.ts';
import { parseDuration } from './tools.ts';

/** The status `timeout` returns when the time ran out. */
export const TIMEOUT_STATUS = 124;

function* history(args: readonly string[], io: Io, ctx: ShellContext): Proc {
  const lines = ctx.session.history;
  if (args[0] === '-c') {
    (lines as string[]).length = 0;
    return 0;
  }
  let from = 0;
  if (args[0] !== undefined) {
    if (!/^\d+$/.test(args[0])) {
      io.stderr(`bash: history: ${args[0]}: numeric argument required\n`);
      return 1;
    }
    from = Math.max(0, lines.length - Number(args[0]));
  }
  io.stdout(
    lines
      .slice(from)
      .map((l, i) => `${String(from + i + 1).padStart(5)}  ${l}\n`)
      .join(''),
  );
  return 0;
}

// biome-ignore lint/correctness/useYield: ends the session
function* exit(args: readonly string[], io: Io, ctx: ShellContext): Proc {
  // an interactive bash says "exit" as it leaves
  io.stderr('exit\n');
  const arg = args[0];
  if (arg !== undefined && !/^-?\d+$/.test(arg)) {
    io.stderr(`bash: exit: ${arg}: numeric argument required\n`);
    ctx.exitStatus = 2;
    return 2;
  }
  const status = arg === undefined ? Number(ctx.vars['?'] ?? 0) : ((Number(arg) % 256) + 256) % 256;
  ctx.exitStatus = status;
  return status;
}

// biome-ignore lint/correctness/useYield: sets variables
function* exportBuiltin(args: readonly string[], io: Io, ctx: ShellContext): Proc {
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      io.stderr(`bash: export: \`${a}': not a valid identifier\n`);
      status = 1;
    } else if (eq >= 0) ctx.vars[name] = a.slice(eq + 1);
  }
  return status;
}

/** Runs `child` until it ends or `ms` of virtual time have passed since it started. */
export function* withDeadline(child: Proc, ms: number, now: () => number): Proc {
  const deadline = now() + ms;
  let finished = false;
  try {
    let step = child.next();
    while (!step.done) {
      const w: Wait = step.value;
      const remaining = deadline - now();
      if (remaining <= 0) return TIMEOUT_STATUS;
      let result: WaitResult;
      if (w.type === 'sleep' && w.ms > remaining) {
        yield { type: 'sleep', ms: remaining };
        return TIMEOUT_STATUS;
      }
      if (w.type === 'until' && (w.timeoutMs === undefined || w.timeoutMs > remaining)) {
        result = yield { type: 'until', done: w.done, timeoutMs: remaining };
        if (result.type === 'until' && !result.met) return TIMEOUT_STATUS;
      } else result = yield w;
      step = child.next(result);
    }
    finished = true;
    return step.value;
  } finally {
    // the command is killed (SIGTERM) when the time ran out or timeout itself was interrupted
    if (!finished) child.return(TIMEOUT_STATUS);
  }
}

const TIMEOUT_HELP = "Try 'timeout --help' for more information.\n";

function* timeout(args: readonly string[], io: Io, ctx: ShellContext): Proc {
  let i = 0;
  // accept and ignore the signal-related options tutorials sometimes pass
  while (i < args.length && /^-(s|k|-signal|-kill-after)$/.test(args[i] as string)) i += 2;
  while (i < args.length && /^(--preserve-status|--foreground|-v|--verbose)$/.test(args[i] as string)) i++;
  const durationText = args[i];
  const command = args[i + 1];
  if (durationText === undefined || command === undefined) {
    io.stderr(`timeout: missing operand\n${TIMEOUT_HELP}`);
    return 125;
  }
  const ms = parseDuration(durationText);
  if (ms === undefined) {
    io.stderr(`timeout: invalid time interval ‘${durationText}’\n${TIMEOUT_HELP}`);
    return 125;
  }
  // timeout runs programs, not shell builtins
  const def = ctx.commands.get(command);
  if (!def) {
    io.stderr(`timeout: failed to run command ‘${command}’: No such file or directory\n`);
    return 127;
  }
  const child = def.run(args.slice(i + 2), { io, session: ctx.session });
  if (ms === 0) return yield* child;
  return yield* withDeadline(child, ms, () => ctx.session.sim.now);
}

/** The shell's builtins, by name. */
export const SHELL_BUILTINS: Readonly<Record<string, Builtin>> = {
  history,
  exit,
  export: exportBuiltin,
  timeout,
};

/**
 * Runs parsed command lists the way bash does (bash `execute_cmd.c`): `;`, `&&`, `||` with `$?`,
 * pipelines whose status is the last command's, redirections (`>`, `>>`, `2>`, `2>&1`, `<`,
 * here-documents), command lookup (shell builtins, then the registry, else
 * `bash: NAME: command not found`, 127) and Ctrl-C (the foreground command is ended with
 * `proc.return()`, the rest of the list is dropped, `$?` = 130).
 *
 * Lab difference: the commands of a pipeline run one after another, each reading all of what the
 * previous one printed (a real pipe streams). The screen is the same once the pipeline ends; while a
 * `kubectl get -w | grep x` runs, the page shows its lines only when the watch ends. After Ctrl-C the
 * line filters (`grep`, `head`) still get what the killed command printed, as they would have shown it.
 */
import { expandHeredoc, expandWords } from './expand.ts';
import { LINE_FILTERS } from './filters.ts';
import type { ListItem, Pipeline, Redirect, SimpleCommand } from './parser.ts';
import type { CommandDef, CommandEnv, Io, Proc, SessionServices, Wait, WaitResult } from './process.ts';

/** What the shell's own driver may resume it with: a wait's result, or Ctrl-C. */
export type ShellResume = WaitResult | { type: 'interrupt' };
export type ShellProc<T> = Generator<Wait, T, ShellResume>;

/** A shell builtin: runs with the shell's own state (history, exit, export, timeout). */
export type Builtin = (args: readonly string[], io: Io, ctx: ShellContext) => Proc;

/** The state one host shell keeps between commands. */
export interface ShellContext {
  session: SessionServices;
  /** shell variables, including `?` (the last status) */
  vars: Record<string, string>;
  /** files written with `>` / `>>` in this session (read back by `cat`, `kubectl -f`, ...) */
  files: Record<string, string>;
  commands: ReadonlyMap<string, CommandDef>;
  builtins: Readonly<Record<string, Builtin>>;
  /** writes to the terminal (stdout and stderr interleaved) */
  write(text: string): void;
  /** set by `exit`: the session ends after the current line */
  exitStatus?: number;
}

export interface RunOutcome {
  status: number;
  interrupted: boolean;
}

/** Normalises a file path the learner typed (`./x.yaml` -> `x.yaml`). */
export function normalisePath(path: string): string {
  return path.replace(/^(\.\/)+/, '');
}

/**
 * Drives one process, forwarding its waits to the shell's driver. Ctrl-C ends it with `return()` so
 * its `finally` blocks run; an exception (a bug in a command) is reported and counts as status 1.
 */
export function* drive(name: string, child: Proc, io: Io): ShellProc<RunOutcome> {
  let step: IteratorResult<Wait, number>;
  try {
    step = child.next();
    while (!step.done) {
      const resumed = yield step.value;
      if (resumed.type === 'interrupt' && step.value.type === 'input' && step.value.passInterrupt) {
        // A shell inside a pod reads this line: Ctrl-C goes to it, as the pod's terminal sends SIGINT.
        step = child.next(resumed as unknown as WaitResult);
        continue;
      }
      if (resumed.type === 'interrupt') {
        child.return(130);
        return { status: 130, interrupted: true };
      }
      step = child.next(resumed);
    }
  } catch (err) {
    io.stderr(`${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return { status: 1, interrupted: false };
  }
  return { status: step.value, interrupted: false };
}

type Sink = { kind: 'term' } | { kind: 'pipe' } | { kind: 'null' } | { kind: 'file'; path: string };

/** Runs one command of a pipeline; `input` is what the previous command printed (if piped). */
function* runCommand(
  cmd: SimpleCommand,
  ctx: ShellContext,
  input: string | undefined,
  last: boolean,
): ShellProc<RunOutcome & { piped: string }> {
  let piped = '';
  const sinks: Record<1 | 2, Sink> = { 1: last ? { kind: 'term' } : { kind: 'pipe' }, 2: { kind: 'term' } };
  let stdin = input;
  for (const r of cmd.redirects) {
    const failure = applyRedirect(r, ctx, sinks, (text) => {
      stdin = text;
    });
    if (failure) {
      ctx.write(failure);
      return { status: 1, interrupted: false, piped };
    }
  }
  const emit = (fd: 1 | 2, text: string) => {
    const sink = sinks[fd];
    if (sink.kind === 'term') ctx.write(text);
    else if (sink.kind === 'pipe') piped += text;
    else if (sink.kind === 'file') ctx.files[sink.path] = (ctx.files[sink.path] ?? '') + text;
  };
  const io: Io = { stdout: (t) => emit(1, t), stderr: (t) => emit(2, t), stdin };
  const args = expandWords(cmd.words, ctx.vars);
  if (args.length === 0) return { status: 0, interrupted: false, piped };
  const [name, ...rest] = args as [string, ...string[]];
  if (args.every((a) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(a))) {
    for (const a of args) ctx.vars[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
    return { status: 0, interrupted: false, piped };
  }
  // Controllers react within milliseconds of a change, long before a person types the next command:
  // let them finish what the previous command caused (no virtual time passes).
  ctx.session.sim.drain();
  const proc = resolve(name, rest, io, ctx);
  if (!proc) {
    io.stderr(
      name.includes('/')
        ? `bash: ${name}: No such file or directory\n`
        : `bash: ${name}: command not found\n`,
    );
    return { status: 127, interrupted: false, piped };
  }
  const outcome = yield* drive(name, proc, io);
  return { ...outcome, piped };
}

/** The process for a command name: a shell builtin first, then the registry. */
export function resolve(name: string, args: readonly string[], io: Io, ctx: ShellContext): Proc | undefined {
  // own properties only: `valueOf` or `constructor` are not commands
  const builtin = Object.hasOwn(ctx.builtins, name) ? ctx.builtins[name] : undefined;
  if (builtin) return builtin(args, io, ctx);
  const def = ctx.commands.get(name);
  if (!def) return undefined;
  const env: CommandEnv = { io, session: ctx.session };
  return def.run(args, env);
}

/** Applies one redirection; returns bash's error text when it cannot. */
function applyRedirect(
  r: Redirect,
  ctx: ShellContext,
  sinks: Record<1 | 2, Sink>,
  setStdin: (t: string) => void,
): string | undefined {
  if (r.kind === 'heredoc') {
    setStdin(r.quoted ? r.body : expandHeredoc(r.body, ctx.vars));
    return undefined;
  }
  if (r.kind === 'dup') {
    sinks[r.fd] = sinks[r.to];
    return undefined;
  }
  const words = expandWords([r.kind === 'in' ? r.source : r.target], ctx.vars);
  const raw = words.join(' ');
  if (words.length !== 1) return `bash: ${raw || '$'}: ambiguous redirect\n`;
  const path = normalisePath(words[0] as string);
  if (r.kind === 'in') {
    const text = path === '/dev/null' ? '' : ctx.session.readFile(path);
    if (text === undefined) return `bash: ${words[0]}: No such file or directory\n`;
    setStdin(text);
    return undefined;
  }
  if (path === '/dev/null') {
    sinks[r.fd] = { kind: 'null' };
    return undefined;
  }
  if (!r.append || ctx.files[path] === undefined)
    ctx.files[path] = r.append ? (ctx.session.readFile(path) ?? '') : '';
  sinks[r.fd] = { kind: 'file', path };
  return undefined;
}

/** Runs a pipeline; its status is the last command's. */
export function* runPipeline(pipeline: Pipeline, ctx: ShellContext): ShellProc<RunOutcome> {
  let input: string | undefined;
  let outcome: RunOutcome = { status: 0, interrupted: false };
  for (let i = 0; i < pipeline.length; i++) {
    const cmd = pipeline[i] as SimpleCommand;
    const result = yield* runCommand(cmd, ctx, input, i === pipeline.length - 1);
    input = result.piped;
    outcome = { status: result.status, interrupted: result.interrupted };
    if (result.interrupted) {
      yield* finishAfterInterrupt(pipeline.slice(i + 1), ctx, input);
      return outcome;
    }
  }
  return outcome;
}

/** After Ctrl-C, line filters downstream still show what they had been given. */
function* finishAfterInterrupt(rest: Pipeline, ctx: ShellContext, input: string): ShellProc<void> {
  let text = input;
  for (let i = 0; i < rest.length; i++) {
    const cmd = rest[i] as SimpleCommand;
    const name = expandWords(cmd.words.slice(0, 1), ctx.vars)[0];
    if (!name || !LINE_FILTERS.has(name) || text === '') return;
    const result = yield* runCommand(cmd, ctx, text, i === rest.length - 1);
    text = result.piped;
  }
}

/** Runs a command list (`a; b && c || d`); stops at Ctrl-C or `exit`. */
export function* runList(list: readonly ListItem[], ctx: ShellContext): ShellProc<RunOutcome> {
  let skip = false;
  let last: RunOutcome = { status: Number(ctx.vars['?'] ?? 0), interrupted: false };
  for (const item of list) {
    if (!skip) {
      last = yield* runPipeline(item.pipeline, ctx);
      ctx.vars['?'] = String(last.status);
      if (last.interrupted || ctx.exitStatus !== undefined) return last;
    }
    const status = Number(ctx.vars['?']);
    skip = item.next === '&&' ? status !== 0 : item.next === '||' ? status === 0 : false;
  }
  return last;
}

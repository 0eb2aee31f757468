/**
 * The terminal session: the services every command sees (the cluster, namespace, files, history),
 * the host shell process, and the two drivers that meet its waits.
 *
 * - Interactive (the page): `submitLine`, `interrupt` (Ctrl-C), `tick` (after the page moved the
 *   virtual clock), `onOutput`, `currentPrompt`, `isBusy`. Time passes only when the page advances it.
 * - Headless ({@link runScript}): the screen as text; waits are met at once by moving the virtual clock
 *   (`sim.advance` for sleeps, `sim.runUntil` for conditions); a command that waits with no timeout is
 *   cut after 60 virtual seconds as if Ctrl-C was pressed (`^C` on the screen); input waits take the
 *   next script line; the end of the script ends the session (no trailing prompt is printed).
 *
 * Same lines + same seed = the same screen, byte for byte: nothing here reads the wall clock.
 */
import { createSimulation } from '../../core/simulation/createSimulation.ts';
import type { Simulation } from '../../core/simulation/simulation.ts';
import { readBuiltinExample } from '../examples/builtinExamples.ts';
import { SHELL_BUILTINS } from './builtins.ts';
import { normalisePath, type ShellContext, type ShellProc, type ShellResume } from './exec.ts';
import { hostShell } from './hostShell.ts';
import type { CommandDef, SessionServices, Wait } from './process.ts';
import { registeredCommands } from './registry.ts';

/** How long a wait without timeout may run in the headless runner before it is cut (Ctrl-C). */
export const HEADLESS_WATCH_LIMIT_MS = 60_000;

/** The environment of the lab's learner account (the prompt shows none of it). */
export const LEARNER_ENV: Readonly<Record<string, string>> = {
  HOME: '/home/learner',
  USER: 'learner',
  LOGNAME: 'learner',
  PWD: '/home/learner',
  SHELL: '/bin/bash',
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  TERM: 'xterm-256color',
};

export interface SessionOptions {
  /** seed of the cluster created for the session (default 0); ignored when `sim` is given */
  seed?: number;
  /** an existing cluster to talk to (the page may create it); default: a new minikube cluster */
  sim?: Simulation;
  /** files the learner refers to (the script's folder); built-in examples are tried after it */
  readFile?: (path: string) => string | undefined;
  /** the programs the shell can run (default: every command registered with registerCommand) */
  commands?: readonly CommandDef[];
  headless?: boolean;
  /**
   * Whether a submitted line is written to the output after its prompt (default true). A page whose
   * terminal already echoes keystrokes passes false: the session then writes only the newline.
   */
  echoInput?: boolean;
}

type Listener<T> = (value: T) => void;

export class Session {
  readonly services: SessionServices & { sim: Simulation };
  private readonly ctx: ShellContext;
  private readonly shell: ShellProc<number>;
  private readonly history: string[] = [];
  private readonly outputListeners = new Set<Listener<string>>();
  private readonly clusterListeners = new Set<Listener<Simulation>>();
  private readonly headless: boolean;
  private readonly echoInput: boolean;
  private pending: Wait | undefined;
  private waitStartedAt = 0;
  private lastSim: Simulation;
  private done = false;
  private loading = false;
  /** output written before anyone listened (the first prompt): given to the first listener */
  private unsentPrompt: string | undefined;

  constructor(opts: SessionOptions = {}) {
    const sim = opts.sim ?? createSimulation({ seed: opts.seed ?? 0 });
    this.headless = opts.headless ?? false;
    this.echoInput = opts.echoInput ?? true;
    this.lastSim = sim;
    const files: Record<string, string> = {};
    const history = this.history;
    const readExternal = opts.readFile;
    const services = {
      sim,
      namespace: 'default',
      readFile: (path: string) => {
        const p = normalisePath(path);
        return files[p] ?? readExternal?.(path) ?? readBuiltinExample(p);
      },
      get history(): readonly string[] {
        return history;
      },
      headless: this.headless,
      get clusterReachable(): boolean {
        return services.sim.state.minikube.host === 'Running';
      },
    };
    this.services = services;
    const commands = new Map((opts.commands ?? registeredCommands()).map((c) => [c.name, c] as const));
    this.ctx = {
      session: services,
      vars: { ...LEARNER_ENV, '?': '0' },
      files,
      commands,
      builtins: SHELL_BUILTINS,
      write: (text) => this.emit(text),
    };
    this.shell = hostShell(this.ctx, history);
    this.advance(this.shell.next());
  }

  /** The cluster the terminal talks to now (replaced by `minikube delete` / `minikube start`). */
  get sim(): Simulation {
    return this.services.sim;
  }

  /** The prompt shown while the session waits for a line, else undefined. */
  get currentPrompt(): string | undefined {
    return this.pending?.type === 'input' ? this.pending.prompt : undefined;
  }

  /** True while a command runs (waits for time, a condition or a load) instead of for input. */
  get isBusy(): boolean {
    return !this.done && this.pending !== undefined && this.pending.type !== 'input';
  }

  /** True once the host shell has exited. */
  get ended(): boolean {
    return this.done;
  }

  /** The wait the session is blocked on (for drivers), or undefined when it ended. */
  get currentWait(): Wait | undefined {
    return this.pending;
  }

  /** Subscribes to terminal output (prompts, echoed lines, command output); returns unsubscribe. */
  onOutput(cb: Listener<string>): () => void {
    this.outputListeners.add(cb);
    if (this.unsentPrompt !== undefined) {
      cb(this.unsentPrompt);
      this.unsentPrompt = undefined;
    }
    return () => this.outputListeners.delete(cb);
  }

  /** Called with the new Simulation when a command replaced the cluster; returns unsubscribe. */
  onClusterChange(cb: Listener<Simulation>): () => void {
    this.clusterListeners.add(cb);
    return () => this.clusterListeners.delete(cb);
  }

  /** Types `line` + Enter at the current prompt. Returns false (and does nothing) when none is shown. */
  submitLine(line: string): boolean {
    const w = this.pending;
    if (this.done || w?.type !== 'input') return false;
    if (this.headless) this.emit(w.prompt);
    this.emit(w.echo && this.echoInput ? `${line}\n` : '\n');
    this.resume({ type: 'input', line });
    return true;
  }

  /** Ctrl-C: ends the running command, or drops the line being typed. */
  interrupt(): void {
    if (this.done || this.pending === undefined) return;
    this.emit('^C\n');
    this.resume({ type: 'interrupt' });
  }

  /** After the page advanced virtual time: resumes a sleep or condition wait that is now met. */
  tick(): void {
    this.settle();
  }

  /** Resumes the shell with `value` and runs it until it blocks on a wait that is not met yet. */
  resume(value: ShellResume): void {
    if (this.done) return;
    this.advance(this.shell.next(value));
  }

  /** The virtual time at which the current wait began. */
  get waitStart(): number {
    return this.waitStartedAt;
  }

  private advance(step: IteratorResult<Wait, number>): void {
    this.checkCluster();
    if (step.done) {
      this.done = true;
      this.pending = undefined;
      return;
    }
    this.pending = step.value;
    this.waitStartedAt = this.sim.now;
    if (step.value.type === 'input' && !this.headless) this.emit(step.value.prompt);
    if (!this.headless) this.settle();
  }

  /** Interactive: resumes waits that hold already (time needed has passed, condition true). */
  private settle(): void {
    const w = this.pending;
    if (this.done || !w) return;
    const now = this.sim.now;
    if (w.type === 'sleep' && now - this.waitStartedAt >= w.ms) this.resume({ type: 'sleep' });
    else if (w.type === 'until') {
      if (w.done()) this.resume({ type: 'until', met: true });
      else if (w.timeoutMs !== undefined && now - this.waitStartedAt >= w.timeoutMs)
        this.resume({ type: 'until', met: false });
    } else if (w.type === 'load' && !this.loading) {
      this.loading = true;
      w.promise.then(
        (value) => this.finishLoad({ type: 'load', value }),
        (error) => this.finishLoad({ type: 'load', value: undefined, error }),
      );
    }
  }

  private finishLoad(result: ShellResume): void {
    this.loading = false;
    this.resume(result);
  }

  private emit(text: string): void {
    if (this.outputListeners.size === 0) {
      this.unsentPrompt = (this.unsentPrompt ?? '') + text;
      return;
    }
    for (const cb of this.outputListeners) cb(text);
  }

  private checkCluster(): void {
    if (this.services.sim === this.lastSim) return;
    this.lastSim = this.services.sim;
    for (const cb of this.clusterListeners) cb(this.lastSim);
  }
}

export interface RunScriptOptions {
  seed?: number;
  /** files relative to the script's folder (the built-in examples are tried after it) */
  readFile?: (path: string) => string | undefined;
  /** the programs the shell can run (default: the registered commands) */
  commands?: readonly CommandDef[];
}

/** The sequence `clear` prints; the headless screen keeps only what follows it. */
const CLEAR = '\x1b[H\x1b[2J\x1b[3J';

/**
 * Types `lines` into a new headless session and returns the whole screen: each prompt with the line
 * typed at it (only a newline at a prompt that does not echo), then what the commands printed.
 */
export async function runScript(lines: readonly string[], opts: RunScriptOptions = {}): Promise<string> {
  const session = new Session({
    seed: opts.seed ?? 0,
    readFile: opts.readFile,
    commands: opts.commands,
    headless: true,
  });
  let screen = '';
  session.onOutput((text) => {
    const at = text.lastIndexOf(CLEAR);
    screen = at >= 0 ? text.slice(at + CLEAR.length) : screen + text;
  });
  let next = 0;
  // a wait without timeout may run until this instant (reset whenever a new line is typed)
  let cutAt: number | undefined;
  for (;;) {
    const w = session.currentWait;
    if (!w) break;
    const sim = session.sim;
    if (w.type === 'input') {
      if (next >= lines.length) break;
      cutAt = undefined;
      session.submitLine(lines[next++] as string);
    } else if (w.type === 'sleep') {
      sim.advance(w.ms);
      session.resume({ type: 'sleep' });
    } else if (w.type === 'until') {
      if (w.timeoutMs !== undefined) {
        session.resume({ type: 'until', met: sim.runUntil(w.done, w.timeoutMs) });
        continue;
      }
      cutAt ??= sim.now + HEADLESS_WATCH_LIMIT_MS;
      if (sim.runUntil(w.done, Math.max(0, cutAt - sim.now))) session.resume({ type: 'until', met: true });
      else session.interrupt();
    } else {
      try {
        session.resume({ type: 'load', value: await w.promise });
      } catch (error) {
        session.resume({ type: 'load', value: undefined, error });
      }
    }
  }
  return screen;
}

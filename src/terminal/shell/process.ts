/**
 * The contract between the terminal's drivers (the page's terminal, the headless runner) and the
 * commands it runs. A command is a generator — a process — that writes to its Io and *yields* when it
 * must wait: for virtual time to pass, for a condition in the cluster, for a line typed by the
 * learner, or for something to load. The driver decides how the wait is met (the runner advances the
 * virtual clock at once; the page lets the playback clock run) and resumes the process with the
 * result. Interrupting (Ctrl-C, `timeout`) is `proc.return()`, so commands clean up in `finally`.
 */
import type { Simulation } from '../../core/simulation/simulation.ts';

export type Wait =
  /** Resume when `done()` holds (checked after each batch of cluster events), or after `timeoutMs`
   * virtual ms; without `timeoutMs` only an interrupt ends the wait (a watch, a pod shell). */
  | { type: 'until'; done: () => boolean; timeoutMs?: number }
  /** Resume after `ms` virtual milliseconds. */
  | { type: 'sleep'; ms: number }
  /** Show `prompt` and resume with the line the learner typed; `echo: false` at a password prompt.
   * `passInterrupt`: the program reading the line handles Ctrl-C itself (a shell in a pod's terminal
   * drops the line and prompts again), so the driver hands it the interrupt instead of ending it. */
  | { type: 'input'; prompt: string; echo: boolean; passInterrupt?: boolean }
  /** Resume when the promise settles (lazy loading of the SQL engine); takes no virtual time. */
  | { type: 'load'; promise: Promise<unknown> };

export type WaitResult =
  | { type: 'until'; met: boolean }
  | { type: 'sleep' }
  | { type: 'input'; line: string }
  | { type: 'load'; value: unknown; error?: unknown };

/** A running command. Its return value is its exit status. */
export type Proc = Generator<Wait, number, WaitResult>;

/** Where a command writes, and what it reads from standard input (a here-document or a pipe). */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** the whole standard input when it was redirected; undefined for the terminal */
  readonly stdin?: string;
}

/** What the session offers every command. */
export interface SessionServices {
  /** the cluster the terminal talks to (replaced by `minikube delete` / `minikube start`) */
  sim: Simulation;
  /** the namespace of kubectl's current context */
  namespace: string;
  /** a file the learner refers to: relative to the script's folder, then the built-in examples */
  readFile(path: string): string | undefined;
  /** lines typed so far at the host prompt, oldest first */
  readonly history: readonly string[];
  /** true in the headless runner (a watch without `timeout` is cut after 60 s there) */
  readonly headless: boolean;
  /**
   * false while no cluster answers (after `minikube stop` or `minikube delete`; `sim.state.minikube.host`
   * tells which). Optional so hand-built services in tests stay valid: undefined means reachable.
   */
  readonly clusterReachable?: boolean;
}

export interface CommandEnv {
  io: Io;
  session: SessionServices;
}

/** A program the shell can run by name (`kubectl`, `minikube`, `echo`, ...). */
export interface CommandDef {
  name: string;
  run(args: readonly string[], env: CommandEnv): Proc;
}

/** Sleeps `ms` virtual milliseconds: `yield* sleep(ms)`. */
export function* sleep(ms: number): Generator<Wait, void, WaitResult> {
  yield { type: 'sleep', ms };
}

/** Waits until `done()` or the timeout: `const met = yield* waitUntil(() => ..., 30_000)`. */
export function* waitUntil(done: () => boolean, timeoutMs?: number): Generator<Wait, boolean, WaitResult> {
  if (done()) return true;
  const r = yield { type: 'until', done, timeoutMs };
  return r.type === 'until' ? r.met : done();
}

/** Reads one line at a prompt: `const line = yield* readLine('Enter password: ', false)`. */
export function* readLine(prompt: string, echo = true): Generator<Wait, string, WaitResult> {
  const r = yield { type: 'input', prompt, echo };
  return r.type === 'input' ? r.line : '';
}

/**
 * Drives a headless terminal session one typed line at a time for the fuzz test, and records what
 * each program run by the line wrote to stderr and returned — the session itself only exposes the
 * merged screen. Waits are met the way the headless runner meets them (shell/session.ts runScript):
 * sleeps and conditions advance the virtual clock, a wait without timeout is cut after
 * HEADLESS_WATCH_LIMIT_MS as if Ctrl-C was pressed.
 */
import type { Simulation } from '../../core/simulation/simulation.ts';
import { HOST_COMMANDS } from '../commands.ts';
import type { CommandDef, Io } from '../shell/process.ts';
import { HEADLESS_WATCH_LIMIT_MS, Session } from '../shell/session.ts';

/** One program started by a typed line. `status` stays undefined when it was interrupted. */
export interface Invocation {
  name: string;
  args: readonly string[];
  stdout: string;
  stderr: string;
  status: number | undefined;
}

/** What happened when one line was typed. */
export interface LineResult {
  invocations: Invocation[];
  /** the prompt shown afterwards (after a Ctrl-C if the line left a continuation prompt) */
  prompt: string | undefined;
  /** true when the line left the shell at a continuation prompt and Ctrl-C was needed */
  interrupted: boolean;
}

function recording(def: CommandDef, log: Invocation[]): CommandDef {
  return {
    name: def.name,
    *run(args, env) {
      const inv: Invocation = { name: def.name, args, stdout: '', stderr: '', status: undefined };
      log.push(inv);
      const io: Io = {
        stdout: (t) => {
          inv.stdout += t;
          env.io.stdout(t);
        },
        stderr: (t) => {
          inv.stderr += t;
          env.io.stderr(t);
        },
        stdin: env.io.stdin,
      };
      inv.status = yield* def.run(args, { ...env, io });
      return inv.status;
    },
  };
}

export class FuzzSession {
  readonly session: Session;
  private readonly log: Invocation[] = [];
  /** the text `-f m.yaml` reads; the fuzz test replaces it between lines */
  manifest = '';

  constructor(seed: number) {
    this.session = new Session({
      seed,
      headless: true,
      commands: HOST_COMMANDS.map((c) => recording(c, this.log)),
      readFile: (path) => (path === 'm.yaml' ? this.manifest : undefined),
    });
    // the screen is not needed; a listener keeps the session from buffering it
    this.session.onOutput(() => {});
  }

  get sim(): Simulation {
    return this.session.sim;
  }

  /** Types `line` at the prompt and runs it to the next prompt. */
  type(line: string): LineResult {
    this.log.length = 0;
    if (!this.session.submitLine(line)) throw new Error(`no prompt to type ${JSON.stringify(line)} at`);
    this.settle();
    let interrupted = false;
    if (this.session.currentPrompt !== undefined && this.session.currentPrompt !== '$ ') {
      interrupted = true;
      this.session.interrupt();
      this.settle();
    }
    return { invocations: [...this.log], prompt: this.session.currentPrompt, interrupted };
  }

  private settle(): void {
    let cutAt: number | undefined;
    for (;;) {
      const w = this.session.currentWait;
      if (!w || w.type === 'input') return;
      const sim = this.session.sim;
      if (w.type === 'sleep') {
        sim.advance(w.ms);
        this.session.resume({ type: 'sleep' });
      } else if (w.type === 'until') {
        if (w.timeoutMs !== undefined) {
          this.session.resume({ type: 'until', met: sim.runUntil(w.done, w.timeoutMs) });
          continue;
        }
        cutAt ??= sim.now + HEADLESS_WATCH_LIMIT_MS;
        if (sim.runUntil(w.done, Math.max(0, cutAt - sim.now)))
          this.session.resume({ type: 'until', met: true });
        else this.session.interrupt();
      } else {
        // only pod shells load anything (the SQL engine); host commands never should
        throw new Error('a host command waited for a load');
      }
    }
  }
}

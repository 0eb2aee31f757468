/**
 * A tiny driver for kubectl's process in tests: runs `kubectl <args>` against a Simulation the way
 * the headless runner does (an `until` wait advances virtual time with sim.runUntil; a wait without
 * timeout is interrupted after 60 virtual seconds, as the runner cuts a bare watch), and returns
 * what the command wrote. Imported only by *.test.ts files.
 */
import type { Simulation } from '../../core/simulation/simulation.ts';
import type { SessionServices, WaitResult } from '../shell/process.ts';
import { kubectlCommand } from './kubectlCommand.ts';

export interface RunResult {
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved, as a terminal shows them */
  screen: string;
  code: number;
}

/** Runs one kubectl command line (already split into words). */
export function runKubectl(
  sim: Simulation,
  args: string[],
  opts: { files?: Record<string, string>; stdin?: string; namespace?: string } = {},
): RunResult {
  let stdout = '';
  let stderr = '';
  let screen = '';
  const session: SessionServices = {
    sim,
    namespace: opts.namespace ?? 'default',
    readFile: (p) => opts.files?.[p],
    history: [],
    headless: true,
  };
  const io = {
    stdout: (t: string) => {
      stdout += t;
      screen += t;
    },
    stderr: (t: string) => {
      stderr += t;
      screen += t;
    },
    stdin: opts.stdin,
  };
  const proc = kubectlCommand.run(args, { io, session });
  let input: WaitResult | undefined;
  for (;;) {
    const step = input === undefined ? proc.next() : proc.next(input);
    if (step.done) return { stdout, stderr, screen, code: step.value };
    const wait = step.value;
    if (wait.type === 'sleep') {
      sim.advance(wait.ms);
      input = { type: 'sleep' };
    } else if (wait.type === 'until') {
      const met = sim.runUntil(wait.done, wait.timeoutMs ?? 60_000);
      if (!met && wait.timeoutMs === undefined) {
        const end = proc.return(130);
        return { stdout, stderr, screen, code: end.done ? end.value : 130 };
      }
      input = { type: 'until', met };
    } else {
      throw new Error(`unexpected wait ${wait.type}`);
    }
  }
}

/** Splits a command line on spaces (tests use no quoting). */
export function words(line: string): string[] {
  return line.split(' ').filter((w) => w !== '');
}

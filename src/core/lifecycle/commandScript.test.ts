/**
 * commandScript.ts: the small `sh -c` scripts and programs learners give containers, read as POSIX sh
 * would run them (exit statuses, `&&`/`||`, sleeps, echo lines, endless loops), and the fallback
 * (undefined) for anything the lab does not interpret.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandPlan } from './commandScript.ts';

const sh = (script: string) => commandPlan({ command: ['sh', '-c', script] });

describe('commandPlan', () => {
  it('`sh -c "exit 1"` (kubectl run ... -- sh -c, as args) exits 1 at once', () => {
    expect(commandPlan({ args: ['sh', '-c', 'exit 1'] })).toEqual({
      output: [],
      exitsAfterMs: 0,
      exitCode: 1,
    });
    expect(commandPlan({ command: ['/bin/bash', '-c', 'exit 42'] })?.exitCode).toBe(42);
  });

  it('sleeps before exiting, and echo lines are written when the script reaches them', () => {
    expect(sh('echo starting; sleep 2; echo giving up; exit 3')).toEqual({
      output: [
        { afterMs: 0, text: 'starting' },
        { afterMs: 2000, text: 'giving up' },
      ],
      exitsAfterMs: 2000,
      exitCode: 3,
    });
    expect(sh("sleep 1m\necho 'done here'")).toEqual({
      output: [{ afterMs: 60_000, text: 'done here' }],
      exitsAfterMs: 60_000,
      exitCode: 0,
    });
  });

  it('false, true, && and || follow the last status; bare exit keeps it', () => {
    expect(sh('false')?.exitCode).toBe(1);
    expect(sh('true')?.exitCode).toBe(0);
    expect(sh('false && echo no')).toEqual({ output: [], exitsAfterMs: 0, exitCode: 1 });
    expect(sh('false || echo yes')?.output.map((l) => l.text)).toEqual(['yes']);
    expect(sh('false; exit')?.exitCode).toBe(1);
    expect(sh('exit 256')?.exitCode).toBe(0);
  });

  it('programs run directly: sleep 3600, false, true, echo', () => {
    expect(commandPlan({ command: ['sleep', '3600'] })?.exitsAfterMs).toBe(3_600_000);
    expect(commandPlan({ command: ['false'] })?.exitCode).toBe(1);
    expect(commandPlan({ command: ['/bin/true'] })?.exitCode).toBe(0);
    expect(commandPlan({ command: ['echo'], args: ['hello', 'world'] })?.output).toEqual([
      { afterMs: 0, text: 'hello world' },
    ]);
  });

  it('while true / sleep infinity run forever; a loop repeats its lines every period', () => {
    expect(sh('while true; do sleep 10; done')?.exitsAfterMs).toBeNull();
    expect(commandPlan({ command: ['sleep', 'infinity'] })?.exitsAfterMs).toBeNull();
    expect(sh('echo up\nwhile true\ndo\n  echo tick\n  sleep 5\ndone')).toEqual({
      output: [{ afterMs: 0, text: 'up' }],
      exitsAfterMs: null,
      exitCode: 0,
      loop: { startMs: 0, periodMs: 5000, output: [{ afterMs: 0, text: 'tick' }] },
    });
  });

  it('anything it does not interpret is unknown (the caller keeps its coarse behaviour)', () => {
    for (const script of [
      'echo $HOSTNAME',
      'sleep 5 | cat',
      'tail -f /dev/null',
      'while true; do echo spin; done',
      'echo "unterminated',
      'echo -n x',
      'exit abc',
    ])
      expect(sh(script), script).toBeUndefined();
    expect(commandPlan({})).toBeUndefined();
    expect(commandPlan({ command: ['sh'] })).toBeUndefined();
    expect(commandPlan({ command: ['nginx', '-g', 'daemon off;'] })).toBeUndefined();
  });

  it('any `exit N` ends the script with N mod 256, after the sleeps before it', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(100), (code, secs) => {
        const plan = sh(`sleep ${secs}; exit ${code}; echo never`);
        expect(plan?.exitCode).toBe(code % 256);
        expect(plan?.exitsAfterMs).toBe(secs * 1000);
        expect(plan?.output).toEqual([]);
      }),
    );
  });
});

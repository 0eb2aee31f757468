/**
 * Transcripts through the headless runner and the interactive driver: prompts and echo, continuation
 * prompts, `command not found`, `^C` after 60 virtual seconds, sleep and timeout moving virtual time,
 * history, files written with `>`, and determinism.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILTER_COMMANDS } from './filters.ts';
import type { CommandDef } from './process.ts';
import { readLine, waitUntil } from './process.ts';
import { HEADLESS_WATCH_LIMIT_MS, runScript, Session } from './session.ts';
import { TOOL_COMMANDS } from './tools.ts';

/** Prints the virtual clock in seconds: how the tests observe time passing. */
const clock: CommandDef = {
  name: 'clock',
  // biome-ignore lint/correctness/useYield: prints and returns
  *run(_args, { io, session }) {
    io.stdout(`t=${session.sim.now / 1000}s\n`);
    return 0;
  },
};

/** Waits forever (like a watch), printing when it starts and when it is cleaned up. */
const forever: CommandDef = {
  name: 'forever',
  *run(_args, { io }) {
    io.stdout('watching\n');
    try {
      yield* waitUntil(() => false);
      return 0;
    } finally {
      io.stdout('cleaned up\n');
    }
  },
};

/** Asks for a password at a prompt that does not echo, then says how long it was. */
const login: CommandDef = {
  name: 'login',
  *run(_args, { io }) {
    const pw = yield* readLine('Enter password: ', false);
    io.stdout(`got ${pw.length} chars\n`);
    return 0;
  },
};

const COMMANDS = [...TOOL_COMMANDS, ...FILTER_COMMANDS, clock, forever, login];
const run = (lines: string[], seed = 0) => runScript(lines, { commands: COMMANDS, seed });

describe('runScript', () => {
  it("shows each prompt with its line, then the output; unknown commands get bash's 127 error", async () => {
    const screen = await run(['echo hi', 'nosuch --flag', 'echo $?']);
    expect(screen).toBe('$ echo hi\nhi\n$ nosuch --flag\nbash: nosuch: command not found\n$ echo $?\n127\n');
  });

  it('does not echo what is typed at a password prompt', async () => {
    expect(await run(['login', 'secret'])).toBe('$ login\nEnter password: \ngot 6 chars\n');
  });

  it('reads continuation lines with PS2 for quotes, pipes and here-documents', async () => {
    const screen = await run([
      'echo "a',
      'b" |',
      'wc -l',
      'cat <<EOF',
      'x $USER',
      'EOF',
      "cat <<'EOF'",
      'x $USER',
      'EOF',
    ]);
    expect(screen).toBe(
      '$ echo "a\n> b" |\n> wc -l\n2\n$ cat <<EOF\n> x $USER\n> EOF\nx learner\n$ cat <<\'EOF\'\n> x $USER\n> EOF\nx $USER\n',
    );
  });

  it('prints bash syntax errors and keeps going', async () => {
    expect(await run(['| grep x', 'echo $?'])).toBe(
      "$ | grep x\nbash: syntax error near unexpected token `|'\n$ echo $?\n2\n",
    );
  });

  it('moves virtual time only when something waits: sleep N, Ns, Nm', async () => {
    const screen = await run(['clock', 'clock', 'sleep 5', 'clock', 'sleep 1m; clock', 'sleep 2s && clock']);
    expect(screen.split('\n').filter((l) => l.startsWith('t='))).toEqual([
      't=0s',
      't=0s',
      't=5s',
      't=65s',
      't=67s',
    ]);
  });

  it('timeout ends a waiting command after N virtual seconds with status 124', async () => {
    const screen = await run([
      'timeout 10 forever; echo $?',
      'clock',
      'timeout 10 sleep 3; echo $?',
      'clock',
    ]);
    expect(screen).toBe(
      '$ timeout 10 forever; echo $?\nwatching\ncleaned up\n124\n$ clock\nt=10s\n$ timeout 10 sleep 3; echo $?\n0\n$ clock\nt=13s\n',
    );
  });

  it('cuts a wait without timeout after 60 virtual seconds, as Ctrl-C, and drops the rest of the line', async () => {
    const screen = await run(['forever; echo not-run', 'echo $?', 'clock']);
    expect(screen).toBe(
      `$ forever; echo not-run\nwatching\n^C\ncleaned up\n$ echo $?\n130\n$ clock\nt=${HEADLESS_WATCH_LIMIT_MS / 1000}s\n`,
    );
  });

  it('keeps numbered history like bash with HISTCONTROL=ignoreboth', async () => {
    const screen = await run(['echo a', 'echo a', ' echo hidden', '', 'history']);
    expect(screen.endsWith('$ history\n    1  echo a\n    2  history\n')).toBe(true);
  });

  it('reads back files written with > and >>, and pipes through grep, head, sort', async () => {
    const screen = await run([
      'echo b > f.txt; echo a >> f.txt; echo c >> ./f.txt',
      'sort f.txt | head -n 2',
      'grep -c . f.txt; grep -v a f.txt',
      'cat missing.txt',
    ]);
    expect(screen).toContain('$ sort f.txt | head -n 2\na\nb\n');
    expect(screen).toContain('3\nb\nc\n');
    expect(screen).toContain('cat: missing.txt: No such file or directory\n');
  });

  it('clear leaves only what follows it on the screen; exit ends the session', async () => {
    expect(await run(['echo before', 'clear', 'echo after', 'exit', 'echo never'])).toBe(
      '$ echo after\nafter\n$ exit\nexit\n',
    );
  });

  it('is deterministic: same lines, same screen', async () => {
    const lines = ['sleep 3', 'clock', 'timeout 2 forever', 'forever'];
    expect(await run(lines, 7)).toBe(await run(lines, 7));
  });
});

describe('interactive driver', () => {
  it('shows the prompt, runs a sleep only when the page moves time, and interrupts on Ctrl-C', () => {
    const s = new Session({ commands: COMMANDS });
    let out = '';
    s.onOutput((t) => {
      out += t;
    });
    expect(s.currentPrompt).toBe('$ ');
    s.submitLine('sleep 10; clock');
    expect(s.isBusy).toBe(true);
    s.sim.advance(4000);
    s.tick();
    expect(s.isBusy).toBe(true);
    s.sim.advance(6000);
    s.tick();
    expect(s.isBusy).toBe(false);
    expect(out).toBe('$ sleep 10; clock\nt=10s\n$ ');
    s.submitLine('forever');
    s.sim.advance(600_000);
    s.tick();
    expect(s.isBusy).toBe(true);
    s.interrupt();
    expect(out.endsWith('watching\n^C\ncleaned up\n$ ')).toBe(true);
    expect(s.submitLine('exit')).toBe(true);
    expect(s.ended).toBe(true);
  });
});

describe('robustness', () => {
  it('random input never throws and always comes back to the $ prompt (Ctrl-C ends what is pending)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 3 }), (lines) => {
        const s = new Session({ commands: COMMANDS });
        for (const line of lines) {
          s.submitLine(line);
          if (s.ended) return;
          if (s.currentPrompt !== '$ ') s.interrupt();
          expect(s.currentPrompt).toBe('$ ');
        }
      }),
      { numRuns: 300 },
    );
  });
});

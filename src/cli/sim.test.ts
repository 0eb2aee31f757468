/** The runner CLI: a real process, its screen on stdout, exit statuses 0 and 2. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, scriptLines } from './simArgs.ts';

const sim = (args: string[], input?: string) =>
  spawnSync('npx', ['tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8', input, cwd: process.cwd() });

describe('sim runner', () => {
  it('prints the screen of a script (files next to it first) and exits 0 whatever the commands returned', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    writeFileSync(join(dir, 'notes.txt'), 'from the script folder\n');
    writeFileSync(join(dir, 's.txt'), 'cat notes.txt\nnosuch\nminikube version | head -n 1\n');
    const r = sim([join(dir, 's.txt'), '--seed', '3']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      '$ cat notes.txt\nfrom the script folder\n$ nosuch\nbash: nosuch: command not found\n$ minikube version | head -n 1\nminikube version: v1.33.1\n',
    );
  });

  it('a missing script is one line on stderr and exit 2', () => {
    const r = sim(['/nonexistent/script.txt']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('npm warn')),
    ).toEqual(['sim: cannot read /nonexistent/script.txt: No such file or directory']);
  });

  it('rejects bad options and a missing script before running anything', () => {
    expect(parseArgs(['s.txt', '--seed', 'x']).ok).toBe(false);
    expect(parseArgs(['s.txt', '--colour']).ok).toBe(false);
    expect(parseArgs([]).ok).toBe(false);
    expect(parseArgs(['-', '--seed=5'])).toEqual({ ok: true, script: '-', seed: 5 });
    expect(scriptLines('a\r\nb\n')).toEqual(['a', 'b']);
  });
});

/**
 * The headless runner: `npm run --silent sim -- SCRIPT [--seed N]` (SCRIPT `-` = standard input).
 * Types SCRIPT's lines into a new terminal session and prints the whole screen on stdout (contract:
 * shared/spec/terminal-contract.md). Files named by commands resolve relative to SCRIPT's folder
 * (the current folder for `-`), then to the built-in examples. A missing or unreadable SCRIPT or a bad
 * option: one line on stderr, exit status 2. Otherwise exit status 0, whatever the commands returned.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { HOST_COMMANDS } from '../terminal/commands.ts';
import { runScript } from '../terminal/shell/session.ts';
import { parseArgs, scriptLines } from './simArgs.ts';

function readScriptText(script: string): string {
  return script === '-' ? readFileSync(0, 'utf8') : readFileSync(script, 'utf8');
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readScriptText(parsed.script);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'No such file or directory'
        : code === 'EISDIR'
          ? 'Is a directory'
          : String(code ?? err);
    process.stderr.write(`sim: cannot read ${parsed.script}: ${why}\n`);
    return 2;
  }
  const folder = parsed.script === '-' ? process.cwd() : dirname(resolve(parsed.script));
  const readFile = (path: string): string | undefined => {
    const full = isAbsolute(path) ? path : resolve(folder, path);
    try {
      return statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
  const screen = await runScript(scriptLines(text), { seed: parsed.seed, readFile, commands: HOST_COMMANDS });
  process.stdout.write(screen);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`sim: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);

/**
 * The runner's command line: `SCRIPT [--seed N]` (SCRIPT `-` = standard input) and how a script's text
 * becomes the lines typed. Kept apart from sim.ts so tests can import it without starting a run.
 */

const USAGE = 'usage: npm run --silent sim -- SCRIPT [--seed N]';

export type Parsed = { ok: true; script: string; seed: number } | { ok: false; message: string };

/** Reads the runner's arguments; the message says what is wrong, on one line. */
export function parseArgs(argv: readonly string[]): Parsed {
  let script: string | undefined;
  let seed = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--seed' || a.startsWith('--seed=')) {
      const v = a === '--seed' ? argv[++i] : a.slice(7);
      if (v === undefined || !/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
        return {
          ok: false,
          message: `sim: invalid seed ${JSON.stringify(v ?? '')}: want a non-negative integer (${USAGE})`,
        };
      }
      seed = Number(v);
    } else if (a.startsWith('-') && a !== '-') {
      return { ok: false, message: `sim: unknown option ${a} (${USAGE})` };
    } else if (script !== undefined) {
      return { ok: false, message: `sim: more than one SCRIPT given (${USAGE})` };
    } else script = a;
  }
  if (script === undefined) return { ok: false, message: `sim: no SCRIPT given (${USAGE})` };
  return { ok: true, script, seed };
}

/** The lines typed: one per line of the file (a final newline does not add an empty line). */
export function scriptLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

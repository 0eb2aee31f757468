/**
 * Transcript tests: every `NAME.sh` in this folder is typed into a headless session with the runner's
 * default seed (0) and the screen must equal `NAME.screen` byte for byte. The screens were generated
 * with `npm run --silent sim -- src/terminal/transcripts/NAME.sh` and then read line by line against
 * shared/spec/kubectl-output.md, statefulset-semantics.md, conformance-cases.md and the chapter
 * (see chapter.md); cases where the lab differs from the real tools are left out of the screens and
 * listed in README.md. Files named by a script (`-f web.yaml`) resolve in this folder first, then to the
 * built-in examples, exactly as the runner resolves them.
 *
 * To regenerate after an intended change: `npm run --silent sim -- NAME.sh > NAME.screen`, then read
 * the diff as carefully as the first time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scriptLines } from '../../cli/simArgs.ts';
import { HOST_COMMANDS } from '../commands.ts';
import { runScript } from '../shell/session.ts';
import { lineDiff } from './lineDiff.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

function readHere(path: string): string | undefined {
  const full = path.startsWith('/') ? path : join(HERE, path);
  try {
    return statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

const SCRIPTS = readdirSync(HERE)
  .filter((f) => f.endsWith('.sh'))
  .sort();

describe('transcripts', () => {
  it('has a script and an expected screen for each transcript', () => {
    expect(SCRIPTS.length).toBeGreaterThanOrEqual(10);
    for (const s of SCRIPTS) expect(readHere(s.replace(/\.sh$/, '.screen')), s).toBeDefined();
  });

  it.each(SCRIPTS)('%s prints its expected screen byte for byte', async (script) => {
    const lines = scriptLines(readFileSync(join(HERE, script), 'utf8'));
    const expected = readFileSync(join(HERE, script.replace(/\.sh$/, '.screen')), 'utf8');
    const actual = await runScript(lines, { seed: 0, readFile: readHere, commands: HOST_COMMANDS });
    if (actual !== expected) {
      expect.fail(
        `${script}: the screen differs from ${script.replace(/\.sh$/, '.screen')}\n${lineDiff(expected, actual)}`,
      );
    }
  });
});

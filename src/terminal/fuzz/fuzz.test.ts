/**
 * The terminal fuzz test: 10 000 random and mutated command lines (commandGen.ts), with mutated copies
 * of the chapter's manifest behind `-f m.yaml` (manifestGen.ts), typed into fresh headless sessions in
 * runs of LINES_PER_SESSION. After every line:
 * - nothing threw, and the shell is back at its `$ ` prompt (after one Ctrl-C if the line left a
 *   continuation prompt, as a learner would press it);
 * - every kubectl / minikube run that exited non-zero printed an error whose first or last line has
 *   a shape the real tool prints (errorShapes.ts);
 * - a kubectl / minikube line that failed, reported nothing done on stdout and let no virtual time pass
 *   left the cluster byte-identical (JSON of sim.state apart from the random generator's position,
 *   see clusterJson; same Simulation object).
 * A failure names the seed and the line, so it can be replayed with the runner.
 */
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../core/simulation/simulation.ts';
import { HOST_COMMANDS } from '../commands.ts';
import { readBuiltinExample } from '../examples/builtinExamples.ts';
import { runScript } from '../shell/session.ts';
import { commandLine } from './commandGen.ts';
import { errorShapeOf } from './errorShapes.ts';
import { FuzzSession, type Invocation } from './fuzzDriver.ts';
import { mutatedManifest } from './manifestGen.ts';
import { Rand } from './rand.ts';

const TOTAL_LINES = 10_000;
const PARTS = 4;
const LINES_PER_SESSION = 50;

const CHECKED = new Set(['kubectl', 'minikube']);

/** How the session starts: empty, or with the chapter's objects created and running. */
const PRELUDES: readonly (readonly string[])[] = [
  [],
  ['kubectl apply -f minimal-sts.yaml', 'sleep 60'],
  [
    'minikube addons disable storage-provisioner',
    'minikube addons disable default-storageclass',
    'minikube addons enable csi-hostpath-driver',
    'kubectl apply -f minimal-sts.yaml',
    'sleep 60',
  ],
];

/**
 * kubectl writes its errors on stderr. minikube writes the mustload messages (no profile, host not
 * running) with out.Styled, i.e. on stdout, and exits non-zero: for it both streams are read.
 */
function stderrShapeOk(inv: Invocation): boolean {
  const text = inv.name === 'minikube' ? `${inv.stderr}${inv.stdout}` : inv.stderr;
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  return (
    errorShapeOf(lines[0] as string) !== undefined ||
    errorShapeOf(lines[lines.length - 1] as string) !== undefined
  );
}

/** The whole cluster as JSON, the random generator's position included. */
function clusterJson(sim: Simulation): string {
  return JSON.stringify(sim.state);
}

interface Problem {
  seed: number;
  line: string;
  what: string;
}

function runPart(part: number): { problems: Problem[]; lines: number; failures: number } {
  const problems: Problem[] = [];
  let lines = 0;
  let failures = 0;
  const perPart = TOTAL_LINES / PARTS;
  for (let s = 0; lines < perPart; s++) {
    const seed = part * 1000 + s;
    const rand = new Rand(seed);
    const fz = new FuzzSession(seed);
    for (const l of rand.pick(PRELUDES)) fz.type(l);
    for (let i = 0; i < LINES_PER_SESSION && lines < perPart; i++, lines++) {
      if (rand.chance(0.5)) fz.manifest = mutatedManifest(rand);
      const line = commandLine(rand);
      const report = (what: string) => problems.push({ seed, line, what });
      try {
        fz.sim.drain();
      } catch (err) {
        report(
          `the cluster threw after the previous line: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
        break;
      }
      const simBefore = fz.sim;
      const before = clusterJson(simBefore);
      const nowBefore = simBefore.now;
      let result: ReturnType<FuzzSession['type']>;
      try {
        result = fz.type(line);
      } catch (err) {
        report(`threw ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        break; // the session is in an unknown state: start a new one
      }
      if (result.prompt !== '$ ') {
        report(`left the shell at ${JSON.stringify(result.prompt)} (ended: ${fz.session.ended})`);
        break;
      }
      const checked = result.invocations.filter((inv) => CHECKED.has(inv.name));
      for (const inv of checked) {
        if (inv.status === undefined || inv.status === 0) continue;
        failures++;
        if (!stderrShapeOk(inv))
          report(`exit ${inv.status} with stderr ${JSON.stringify(inv.stderr.slice(0, 300))}`);
      }
      const only = result.invocations.length === 1 ? checked[0] : undefined;
      if (
        only &&
        only.status !== undefined &&
        only.status !== 0 &&
        only.stdout === '' &&
        !result.interrupted &&
        fz.sim === simBefore &&
        fz.sim.now === nowBefore &&
        clusterJson(fz.sim) !== before
      ) {
        report(
          `failed (${JSON.stringify(only.stderr.slice(0, 200))}), reported nothing done, yet changed the cluster`,
        );
      }
    }
  }
  return { problems, lines, failures };
}

describe('terminal fuzz: random and mutated command lines and manifests', () => {
  // The apiserver decodes request bodies into typed objects (src/core/apiserver/decode): a field of
  // the wrong JSON type is refused with the real decoding error, wrapped by kubectl's AddSourceToErr.
  it('a wrong-typed field gets the decoding error and changes nothing', async () => {
    const manifest = (readBuiltinExample('minimal-sts.yaml') as string).replace(
      'replicas: 1',
      'replicas: "three"',
    );
    const screen = await runScript(['kubectl apply -f m.yaml', 'kubectl get sts'], {
      readFile: (p) => (p === 'm.yaml' ? manifest : undefined),
      commands: HOST_COMMANDS,
    });
    expect(screen).toContain(
      'Error from server (BadRequest): error when creating "m.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32\n',
    );
    expect(screen).toContain('No resources found in default namespace.');
  });

  for (let part = 0; part < PARTS; part++) {
    it(`part ${part + 1}/${PARTS}: ${TOTAL_LINES / PARTS} lines — no exception, real error shapes, failed commands change nothing`, () => {
      const { problems, lines, failures } = runPart(part);
      expect(lines).toBe(TOTAL_LINES / PARTS);
      // the generator must really exercise failures, or the checks above prove nothing
      expect(failures).toBeGreaterThan(lines / 10);
      const shown = problems
        .slice(0, 15)
        .map((p) => `seed ${p.seed}: ${p.line}\n  ${p.what}`)
        .join('\n');
      expect(problems.length, `${problems.length} problems, first ones:\n${shown}`).toBe(0);
    }, 120_000);
  }
});

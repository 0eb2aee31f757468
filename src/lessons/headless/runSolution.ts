/**
 * Runs a lesson's solution script through the headless terminal runner (src/terminal/shell/session.ts
 * `runScript`) and follows the lesson's progress while it runs: every program of the session is
 * wrapped so that, when a command finishes, the runner (runner/lessonRunner.ts) is advanced on the
 * cluster as it is then. The lesson starts when the first line after its setup lines begins, on the
 * cluster the setup left. Predictions are answered with the lesson's own answers.
 * Used by the CI test that proves every shipped lesson can be completed, and by authors checking theirs.
 */
import type { Simulation } from '../../core/simulation/simulation.ts';
import { HOST_COMMANDS } from '../../terminal/commands.ts';
import type { CommandDef, Proc } from '../../terminal/shell/process.ts';
import { runScript } from '../../terminal/shell/session.ts';
import { autoAdvance, isFinished, type LessonProgress, startLesson } from '../runner/lessonRunner.ts';
import type { Lesson } from '../schema/lessonSchema.ts';

/** A step completion seen while the script ran. */
export interface CompletedStep {
  stepId: string;
  /** how many lines had been typed at the host prompt when it completed */
  afterLine: number;
}

export interface SolutionRun {
  /** the whole screen, as `npm run sim` prints it */
  screen: string;
  /** steps in the order they completed */
  completed: CompletedStep[];
  progress: LessonProgress | undefined;
  finished: boolean;
}

/** Splits a solution script into the lines typed (keeps blank lines and comments: they are typed too). */
export function solutionLines(script: string): string[] {
  const lines = script.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Types the lesson's setup lines and then `lines` into a headless session; reports progress. */
export async function runSolution(
  lesson: Lesson,
  lines: readonly string[],
  opts: { seed?: number; commands?: readonly CommandDef[] } = {},
): Promise<SolutionRun> {
  let progress: LessonProgress | undefined;
  const completed: CompletedStep[] = [];
  const answer = (s: Lesson['steps'][number]) => s.predict?.answer;

  const advance = (sim: Simulation, typed: number) => {
    if (!progress) return;
    const before = progress.step;
    progress = autoAdvance(lesson, progress, sim.state, answer);
    for (let i = before; i < progress.step; i++)
      completed.push({ stepId: lesson.steps[i].id, afterLine: typed });
  };

  const wrap = (def: CommandDef): CommandDef => ({
    name: def.name,
    *run(args, env): Proc {
      const typed = env.session.history.length;
      if (!progress && typed > lesson.setup.length) {
        progress = startLesson(lesson, env.session.sim.state);
        advance(env.session.sim, typed);
      }
      try {
        return yield* def.run(args, env);
      } finally {
        advance(env.session.sim, typed);
      }
    },
  });

  const screen = await runScript([...lesson.setup, ...lines], {
    seed: opts.seed ?? 0,
    readFile: (p) =>
      Object.hasOwn(lesson.files, p.replace(/^\.\//, '')) ? lesson.files[p.replace(/^\.\//, '')] : undefined,
    commands: (opts.commands ?? HOST_COMMANDS).map(wrap),
  });
  return { screen, completed, progress, finished: progress !== undefined && isFinished(lesson, progress) };
}

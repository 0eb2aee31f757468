/**
 * How the page starts: read the URL (embedParams.ts), pick the lesson (shipped, or given inline),
 * restore from a share link or this browser's autosave, or else build a fresh lab and type the lesson's
 * setup lines and the starting manifest. Whatever is wrong in the link, the lesson or the storage
 * becomes a notice for the learner and a clean start — never an exception out of here.
 */
import { loadShippedLesson } from '../../lessons/content/lessonCatalogue.ts';
import { createLessonSession, type LessonSession } from '../../lessons/runner/lessonSession.ts';
import type { Lesson } from '../../lessons/schema/lessonSchema.ts';
import { parseLesson } from '../../lessons/schema/parseLesson.ts';
import { applyLines } from '../../state/manifestApply.ts';
import { readBuiltinExample } from '../../terminal/examples/builtinExamples.ts';
import type { LabNotice } from '../../ui/lessons/LabBar.tsx';
import { labOptionsFrom } from '../createLab.ts';
import { autosaveKey, loadLab, type StorageLike } from './autosave.ts';
import { createEmbeddedLab, type EmbeddedLab, runLinesToCompletion } from './embeddedLab.ts';
import { type EmbedParams, parseEmbedParams } from './embedParams.ts';
import { replayActions } from './replay.ts';
import { decodeShareState, type ShareState } from './shareState.ts';

export interface StartInput {
  search: string;
  hash: string;
  /** this browser's storage; undefined when unavailable */
  storage?: StorageLike;
}

export interface StartedLab {
  lab: EmbeddedLab;
  params: EmbedParams;
  notices: LabNotice[];
  lesson?: Lesson;
  session?: LessonSession;
  /** the storage key this lab autosaves under */
  saveKey: string;
  /** the lab as a share state now */
  shareState(): ShareState;
}

function chooseLesson(params: EmbedParams, notices: LabNotice[]): Lesson | undefined {
  if (params.lessonData !== undefined) {
    const r = parseLesson(params.lessonData);
    if (r.ok) return r.lesson;
    notices.push({ key: 'lesson.invalid', details: r.errors.slice(0, 20) });
    return undefined;
  }
  if (params.lesson === undefined) return undefined;
  // only the lesson asked for is parsed (the page lists lessons from the static index)
  const found = loadShippedLesson(params.lesson);
  if (!found) notices.push({ key: 'lesson.notFound', params: { id: params.lesson } });
  else if (!found.ok) notices.push({ key: 'lesson.invalid', details: found.errors.slice(0, 20) });
  return found?.ok ? found.lesson : undefined;
}

function chooseRestore(
  params: EmbedParams,
  storage: StorageLike | undefined,
  key: string,
  base: { seed: number; scenario: string | null },
  notices: LabNotice[],
): { state: ShareState; notice: string } | undefined {
  if (params.share !== undefined) {
    const r = decodeShareState(params.share);
    if (r.ok) return { state: r.state, notice: 'lab.sharedRestored' };
    notices.push({ key: 'lab.badLink', details: [r.reason] });
    return undefined;
  }
  if (!params.autosave || !storage) return undefined;
  const saved = loadLab(storage, key);
  // work saved on another starting point (seed, scenario) belongs to another lab: leave it alone
  if (
    saved.kind === 'ok' &&
    (saved.state.seed !== base.seed || (saved.state.scenario ?? null) !== base.scenario)
  )
    return undefined;
  if (saved.kind === 'ok') return { state: saved.state, notice: 'lab.restored' };
  if (saved.kind === 'corrupt') notices.push({ key: 'lab.badSave', details: [saved.reason] });
  return undefined;
}

/** Builds the lab the URL asks for. Resolves once any replay has finished. */
export async function startLab(input: StartInput): Promise<StartedLab> {
  const { params, problems } = parseEmbedParams(input.search, input.hash, readBuiltinExample);
  const notices: LabNotice[] = [];
  if (problems.length > 0) notices.push({ key: 'lab.badParams', details: problems });
  const lesson = chooseLesson(params, notices);
  const saveKey = autosaveKey(lesson?.id);
  const base = labOptionsFrom(input.search);
  // share states carry seeds as non-negative 31-bit integers; anything else starts from the default
  if (!(base.seed >= 0 && base.seed < 2 ** 31)) {
    notices.push({ key: 'lab.badParams', details: [`seed: ${base.seed} is out of range`] });
    base.seed = 0;
  }
  const restore = chooseRestore(params, input.storage, saveKey, base, notices);

  const fresh = (seed: number, scenario: string | null) => {
    const lab = createEmbeddedLab({ seed, scenario });
    lab.setFiles(lesson?.files ?? {});
    return lab;
  };
  let lab: EmbeddedLab | undefined;
  let seed = base.seed;
  let scenario = base.scenario;
  let progress: unknown;
  if (restore) {
    try {
      seed = restore.state.seed;
      scenario = restore.state.scenario ?? null;
      lab = fresh(seed, scenario);
      const target = lab;
      const r = await replayActions(
        {
          getSim: () => target.app.host.getSim(),
          session: target.recorder.session,
          step: () => target.app.store.getState().stepOnce(),
          flush: () => target.app.bridge.flush(),
        },
        restore.state.actions,
        restore.state.t,
      );
      notices.push(r.stopped ? { key: 'lab.replayStopped', details: [r.stopped] } : { key: restore.notice });
      if (restore.state.lesson === lesson?.id) progress = restore.state.progress;
    } catch (e) {
      notices.push({ key: 'lab.badLink', details: [e instanceof Error ? e.message : String(e)] });
      lab = undefined;
      seed = base.seed;
      scenario = base.scenario;
    }
  }
  if (!lab) {
    lab = fresh(seed, scenario);
    const setup = [...(lesson?.setup ?? []), ...(params.manifest ? applyLines(params.manifest) : [])];
    runLinesToCompletion(lab.app, setup);
  }
  const built = lab;
  if (params.speed) built.app.store.getState().setSpeed(params.speed);
  const session =
    lesson &&
    createLessonSession(lesson, () => built.app.host.getSim().state, {
      saved: progress,
      startStep: params.step,
    });
  return {
    lab: built,
    params,
    notices,
    lesson,
    session,
    saveKey,
    shareState: () => ({
      v: 1,
      seed,
      ...(scenario ? { scenario } : {}),
      ...(lesson ? { lesson: lesson.id, progress: session?.progress() } : {}),
      actions: built.recorder.actions(),
      t: built.app.host.getSim().now,
    }),
  };
}

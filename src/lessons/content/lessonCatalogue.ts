/**
 * The lessons the lab ships: the YAML files beside this module, bundled as text (Vite's `?raw` through
 * `import.meta.glob`, which the page build and Vitest both understand, so a new file is picked up
 * without an edit here) and validated with the same parser course authors' own lessons go through.
 *
 * Parsing a lesson (YAML, then the zod schema) is the expensive part — all eight took ~100 ms on the
 * page's critical path — so the page lists lessons from LESSON_INDEX, a small static index of ids and
 * titles, and parses only the lesson it opens (`loadShippedLesson`). The index is written by hand; the
 * catalogue test fails when it misses a file or disagrees with one. A shipped lesson that fails
 * validation is a build-time bug: the test fails, and at run time opening it gives the parser's errors
 * instead of crashing the page.
 */
import type { LocalText } from '../schema/lessonSchema.ts';
import { type LessonResult, parseLesson } from '../schema/parseLesson.ts';

/** The raw text of every shipped lesson file, by file name (`01-chapter.yaml`), in file-name order. */
export const LESSON_FILES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(import.meta.glob<string>('./*.yaml', { query: '?raw', import: 'default', eager: true }))
    .map(([path, text]): [string, string] => [path.replace(/^\.\//, ''), text])
    .sort(([a], [b]) => a.localeCompare(b)),
);

/** What the page needs to list a lesson without parsing it. */
export interface LessonIndexEntry {
  /** the lesson's `id` (`?lesson=`) */
  id: string;
  /** its file beside this module */
  file: string;
  /** its `order` */
  order: number;
  /** its `title` */
  title: LocalText;
}

/** Every shipped lesson, in `order`: must match the files' own id, order and title (the test checks). */
export const LESSON_INDEX: readonly LessonIndexEntry[] = [
  {
    id: 'chapter',
    file: '01-chapter.yaml',
    order: 1,
    title: {
      ja: '章をたどる：minikube start から後片付けまで',
      en: 'The chapter: from minikube start to cleanup',
    },
  },
  {
    id: 'ordered-scaling',
    file: '02-ordered-scaling.yaml',
    order: 2,
    title: {
      ja: '順序どおりの作成とスケーリング：OrderedReady と Parallel',
      en: 'Ordered creation and scaling: OrderedReady against Parallel',
    },
  },
  {
    id: 'stable-identity',
    file: '03-stable-identity.yaml',
    order: 3,
    title: {
      ja: '安定した ID：名前、DNS、クレーム、そして変わる IP',
      en: 'Stable identity: name, DNS, claim, and the IP that changes',
    },
  },
  {
    id: 'rolling-update',
    file: '04-rolling-update.yaml',
    order: 4,
    title: {
      ja: 'ローリングアップデート、カナリアとしての partition、ロールバック',
      en: 'Rolling update, partition as a canary, rollback',
    },
  },
  {
    id: 'on-delete',
    file: '05-on-delete.yaml',
    order: 5,
    title: { ja: 'OnDelete：削除するまで何も起きない', en: 'OnDelete: nothing happens until you delete' },
  },
  {
    id: 'retention',
    file: '06-retention.yaml',
    order: 6,
    title: {
      ja: '保持ポリシー：スケールダウン時と削除時のクレーム',
      en: 'Retention policies: claims on scale-down and on delete',
    },
  },
  {
    id: 'broken-rollout',
    file: '07-broken-rollout.yaml',
    order: 7,
    title: { ja: '壊れたロールアウトと強制ロールバック', en: 'A broken rollout and the forced rollback' },
  },
  {
    id: 'no-replication',
    file: '08-no-replication.yaml',
    order: 8,
    title: { ja: 'ステートフルセットはデータを複製しない', en: 'A StatefulSet does not replicate data' },
  },
  {
    id: 'node-failure',
    file: '09-node-failure.yaml',
    order: 9,
    title: {
      ja: 'ノードが止まったとき：ポッドはすぐには移らない',
      en: 'When a node dies: the pod does not move right away',
    },
  },
];

const parsed = new Map<string, LessonResult>();

/** One shipped lesson file parsed (once), or undefined when there is no such file. */
export function shippedLessonResult(file: string): LessonResult | undefined {
  const text = LESSON_FILES[file];
  if (text === undefined) return undefined;
  let r = parsed.get(file);
  if (!r) {
    r = parseLesson(text);
    parsed.set(file, r);
  }
  return r;
}

/**
 * The shipped lesson with that id, parsed now (only that one): the parser's result — the lesson or
 * its validation errors — or undefined when the index has no such id.
 */
export function loadShippedLesson(id: string): LessonResult | undefined {
  const entry = LESSON_INDEX.find((e) => e.id === id);
  return entry && shippedLessonResult(entry.file);
}

/** Every shipped lesson file parsed, by file name. Parses them all: for tests and headless tools. */
export function shippedLessonResults(): ReadonlyMap<string, LessonResult> {
  return new Map(Object.keys(LESSON_FILES).map((file) => [file, shippedLessonResult(file) as LessonResult]));
}

/** The valid shipped lessons, ordered by their `order`. Parses them all: for tests and headless tools. */
export function shippedLessons() {
  return [...shippedLessonResults().values()]
    .flatMap((r) => (r.ok ? [r.lesson] : []))
    .sort((a, b) => a.order - b.order);
}

/** The valid shipped lesson with that id, or undefined (parses only that lesson). */
export function findShippedLesson(id: string) {
  const r = loadShippedLesson(id);
  return r?.ok ? r.lesson : undefined;
}

/**
 * The lessons the lab ships: the YAML files beside this module, bundled as text (Vite's `?raw`, which
 * the page build and Vitest both understand) and validated with the same parser course authors' own
 * lessons go through. A shipped lesson that fails validation is a build-time bug: the catalogue test
 * fails, and at run time the lesson is listed with its errors instead of crashing the page.
 */
import { type LessonResult, parseLesson } from '../schema/parseLesson.ts';
import chapter from './01-chapter.yaml?raw';
import orderedScaling from './02-ordered-scaling.yaml?raw';
import stableIdentity from './03-stable-identity.yaml?raw';
import rollingUpdate from './04-rolling-update.yaml?raw';
import onDelete from './05-on-delete.yaml?raw';
import retention from './06-retention.yaml?raw';
import brokenRollout from './07-broken-rollout.yaml?raw';
import noReplication from './08-no-replication.yaml?raw';

/** The raw text of every shipped lesson file, by file name, in lesson order. */
export const LESSON_FILES: Readonly<Record<string, string>> = {
  '01-chapter.yaml': chapter,
  '02-ordered-scaling.yaml': orderedScaling,
  '03-stable-identity.yaml': stableIdentity,
  '04-rolling-update.yaml': rollingUpdate,
  '05-on-delete.yaml': onDelete,
  '06-retention.yaml': retention,
  '07-broken-rollout.yaml': brokenRollout,
  '08-no-replication.yaml': noReplication,
};

let parsed: Map<string, LessonResult> | undefined;

/** Every shipped lesson file parsed (once), by file name. */
export function shippedLessonResults(): ReadonlyMap<string, LessonResult> {
  parsed ??= new Map(Object.entries(LESSON_FILES).map(([file, text]) => [file, parseLesson(text)]));
  return parsed;
}

/** The valid shipped lessons, ordered by their `order`. */
export function shippedLessons() {
  return [...shippedLessonResults().values()]
    .flatMap((r) => (r.ok ? [r.lesson] : []))
    .sort((a, b) => a.order - b.order);
}

/** The shipped lesson with that id, or undefined. */
export function findShippedLesson(id: string) {
  return shippedLessons().find((l) => l.id === id);
}

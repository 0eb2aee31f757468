/**
 * Reading a lesson file: YAML (JSON is YAML too) -> plain data -> the lesson schema. Errors come back
 * as lines an author can act on — where (`steps[2].check.field.path`) and what is wrong — never as an
 * exception, so a malformed lesson from a link or a course page gives a message, not a blank page.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { type Lesson, lessonSchema } from './lessonSchema.ts';

/** The result of reading a lesson: the lesson, or the reasons it was rejected. */
export type LessonResult = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

/** The longest lesson text accepted (a guard against pasting something huge into a link). */
export const MAX_LESSON_TEXT = 400_000;

/** `steps[2].check.field.path` for a zod issue path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(the lesson)' : out;
}

/** One readable line per zod issue (unknown keys are named; union failures list the first cause). */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const where = formatIssuePath(issue.path);
    if (issue.code === 'unrecognized_keys')
      return `${where}: unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    if (issue.code === 'invalid_union' && issue.errors[0]?.[0]) {
      const first = issue.errors[0][0];
      return `${formatIssuePath([...issue.path, ...first.path])}: ${first.message}`;
    }
    return `${where}: ${issue.message}`;
  });
}

/** Validates already-parsed data (e.g. a lesson object sent by a course page) as a lesson. */
export function validateLesson(data: unknown): LessonResult {
  const r = lessonSchema.safeParse(data);
  return r.success ? { ok: true, lesson: r.data } : { ok: false, errors: formatIssues(r.error.issues) };
}

/** Parses a lesson file's text (YAML or JSON) and validates it. Never throws. */
export function parseLesson(text: string): LessonResult {
  if (typeof text !== 'string' || text.trim() === '')
    return { ok: false, errors: ['the lesson file is empty'] };
  if (text.length > MAX_LESSON_TEXT)
    return { ok: false, errors: [`the lesson file is longer than ${MAX_LESSON_TEXT} characters`] };
  let data: unknown;
  try {
    // maxAliasCount guards against "billion laughs" alias bombs in hostile YAML
    data = parseYaml(text, { maxAliasCount: 50, prettyErrors: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ok: false, errors: [`the lesson file is not valid YAML: ${msg}`] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, errors: ['the lesson file must be a mapping (id:, title:, steps: ...)'] };
  return validateLesson(data);
}

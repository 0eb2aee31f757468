/**
 * Lesson text as React elements: paragraphs split on blank lines and `code` spans in backticks. Text
 * from lesson files (which may come from a course page or a link) is only ever rendered as text nodes,
 * never as HTML, so a lesson cannot inject markup or script.
 */
import type { LocalText } from '../../lessons/schema/lessonSchema.ts';

/** The text in the page's language (Japanese for `ja`, English otherwise). */
export function pick(text: LocalText, lang: string): string {
  return lang.startsWith('ja') ? text.ja : text.en;
}

/** Splits a line into plain and `code` parts; an unmatched backtick stays a plain backtick. Pure. */
export function inlineParts(line: string): { code: boolean; text: string }[] {
  const parts = line.split('`');
  if (parts.length % 2 === 0) {
    const last = parts.pop() ?? '';
    parts[parts.length - 1] += `\`${last}`;
  }
  return parts.map((text, i) => ({ code: i % 2 === 1, text })).filter((p) => p.code || p.text !== '');
}

/** One line with `code` spans. */
export function InlineText({ text }: { text: string }) {
  return (
    <>
      {inlineParts(text).map((p, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string never reorder
        p.code ? <code key={i}>{p.text}</code> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}

/** Paragraphs of lesson text. */
export function LessonText({ text, lang }: { text: LocalText; lang: string }) {
  const paragraphs = pick(text, lang).split(/\n\s*\n/);
  return (
    <>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one fixed text never reorder
        <p key={i}>
          <InlineText text={p} />
        </p>
      ))}
    </>
  );
}

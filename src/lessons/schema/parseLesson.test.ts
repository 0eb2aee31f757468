/** Lesson validation: clear errors (where and what) for every kind of mistake an author makes, and no exception for hostile text. */
import { describe, expect, it } from 'vitest';
import { parseLesson, validateLesson } from './parseLesson.ts';

const t = (en: string, ja = `${en}（日本語）`) => ({ ja, en });
const minimal = () => ({
  id: 'tiny',
  order: 1,
  title: t('Tiny'),
  summary: t('A tiny lesson'),
  steps: [
    {
      id: 'apply',
      title: t('Apply'),
      text: t('Apply the manifest.'),
      do: [{ command: 'kubectl apply -f minimal-sts.yaml' }],
      check: { exists: { kind: 'StatefulSet', name: 'mariadb-sts' } },
      explain: t('It exists.'),
    },
  ],
});

const errorsOf = (data: unknown) => {
  const r = validateLesson(data);
  if (r.ok) throw new Error('expected the lesson to be rejected');
  return r.errors;
};

describe('lesson validation', () => {
  it('accepts a minimal lesson and fills the defaults', () => {
    const r = validateLesson(minimal());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.lesson.files).toEqual({});
      expect(r.lesson.setup).toEqual([]);
      expect(r.lesson.steps[0].hints).toEqual([]);
    }
  });

  it('names the missing language and where it is missing', () => {
    const l = minimal();
    (l.steps[0].text as { ja?: string }).ja = undefined;
    expect(errorsOf(JSON.parse(JSON.stringify(l)))).toEqual([
      expect.stringMatching(/^steps\[0\]\.text\.ja: /),
    ]);
  });

  it('rejects unknown fields by name', () => {
    const l = { ...minimal(), colour: 'red' };
    expect(errorsOf(l)).toEqual(['(the lesson): unknown field(s) "colour"']);
  });

  it('rejects a check with two forms, or none', () => {
    const l = minimal();
    (l.steps[0] as { check: unknown }).check = {
      exists: { kind: 'Pod', name: 'a' },
      absent: { kind: 'Pod', name: 'b' },
    };
    expect(errorsOf(l).join('\n')).toMatch(
      /steps\[0\]\.check: a check has exactly one of: all, any, not, exists/,
    );
    (l.steps[0] as { check: unknown }).check = {};
    expect(errorsOf(l).join('\n')).toMatch(/steps\[0\]\.check: a check has exactly one of/);
  });

  it('rejects unknown kinds, bad paths, bad selectors and comparisons that compare nothing', () => {
    const l = minimal();
    (l.steps[0] as { check: unknown }).check = {
      all: [
        { exists: { kind: 'Deploymnet', name: 'x' } },
        { field: { kind: 'Pod', name: 'x', path: 'spec..containers', equals: 1 } },
        { count: { kind: 'Pod', selector: 'app in (', equals: 1 } },
        { field: { kind: 'Pod', name: 'x', path: 'status.phase' } },
      ],
    };
    const errors = errorsOf(l).join('\n');
    expect(errors).toMatch(/steps\[0\]\.check\.all\[0\]\.exists\.kind: is not a kind the lab serves/);
    expect(errors).toMatch(/all\[1\]\.field\.path: invalid field path "spec\.\.containers"/);
    expect(errors).toMatch(/all\[2\]\.count\.selector: invalid selector/);
    expect(errors).toMatch(/all\[3\]\.field: needs a comparison/);
  });

  it('checks predictions, duplicate step ids and variables used before they are remembered', () => {
    const l = minimal();
    const step = l.steps[0] as Record<string, unknown>;
    step.predict = {
      question: t('Q?'),
      choices: [
        { id: 'a', text: t('A') },
        { id: 'b', text: t('B') },
      ],
      answer: 'c',
    };
    step.check = { field: { kind: 'Pod', name: 'p', path: 'metadata.uid', notEquals: { var: 'uid0' } } };
    l.steps.push({ ...l.steps[0] });
    const errors = errorsOf(l).join('\n');
    expect(errors).toMatch(/steps\[0\]\.predict\.answer: "c" is not one of the choices \(a, b\)/);
    expect(errors).toMatch(/steps\[1\]\.id: "apply" is used twice/);
    expect(errors).toMatch(/steps\[0\]\.check: uses \{var: uid0\}, which no step up to this one remembers/);
  });

  it('gives a message, never an exception, for text that is not a lesson', () => {
    for (const text of ['', 'id: [unclosed', '- just\n- a list', 'null', 'x'.repeat(500_000)]) {
      const r = parseLesson(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]).toMatch(/lesson file/);
    }
  });

  it('refuses YAML alias bombs', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const r = parseLesson(lines.join('\n'));
    expect(r).toEqual({
      ok: false,
      errors: [expect.stringMatching(/not valid YAML: Excessive alias count/)],
    });
  });

  it('reads the same lesson from YAML and from JSON', () => {
    const json = JSON.stringify(minimal());
    expect(parseLesson(json)).toEqual(validateLesson(minimal()));
  });
});

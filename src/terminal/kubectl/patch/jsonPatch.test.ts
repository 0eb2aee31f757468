import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPatch } from './jsonPatch.ts';
import { formatPatchError, PatchError } from './patchErrors.ts';

const sts = () => ({
  spec: {
    replicas: 3,
    template: { spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.8' }] } },
  },
});

function failure(fn: () => unknown): PatchError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PatchError) return e;
    throw e;
  }
  throw new Error('expected a PatchError');
}

const GENERIC = 'The request is invalid: the server rejected our request due to an error in our request';

describe('jsonPatch (RFC 6902, kubectl patch --type json)', () => {
  it('replaces the image at a positional path (conformance "set image")', () => {
    const out = jsonPatch(sts(), [
      {
        op: 'replace',
        path: '/spec/template/spec/containers/0/image',
        value: 'registry.k8s.io/nginx-slim:0.9',
      },
    ]);
    expect(out.spec).toMatchObject({
      template: { spec: { containers: [{ image: 'registry.k8s.io/nginx-slim:0.9' }] } },
    });
  });

  it('adds with "-" at the end of a list, and at an index before the element there', () => {
    const out = jsonPatch({ a: [1, 2] }, [
      { op: 'add', path: '/a/-', value: 3 },
      { op: 'add', path: '/a/0', value: 0 },
    ]);
    expect(out).toEqual({ a: [0, 1, 2, 3] });
  });

  it('runs move, copy, remove and test in order', () => {
    const out = jsonPatch({ a: { b: 1 }, c: 2 }, [
      { op: 'test', path: '/c', value: 2 },
      { op: 'copy', from: '/a/b', path: '/d' },
      { op: 'move', from: '/c', path: '/e' },
      { op: 'remove', path: '/a' },
    ]);
    expect(out).toEqual({ d: 1, e: 2 });
  });

  it('decodes ~1 and ~0 in keys (annotation keys with slashes)', () => {
    const out = jsonPatch({ metadata: { annotations: {} } }, [
      { op: 'add', path: '/metadata/annotations/example.com~1a~0b', value: 'x' },
    ]);
    expect(out).toEqual({ metadata: { annotations: { 'example.com/a~b': 'x' } } });
  });

  it('an operation that does not apply is the generic 422 kubectl prints', () => {
    const cases: unknown[] = [
      [{ op: 'remove', path: '/spec/nothing' }],
      [{ op: 'add', path: '/spec/missing/child', value: 1 }],
      [{ op: 'replace', path: '/spec/template/spec/containers/5/image', value: 'x' }],
      [{ op: 'test', path: '/spec/replicas', value: 4 }],
      [{ op: 'frobnicate', path: '/spec' }],
    ];
    for (const patch of cases) expect(formatPatchError(failure(() => jsonPatch(sts(), patch)))).toBe(GENERIC);
  });

  it('a body that is not a list is a BadRequest with the Go decoding message', () => {
    expect(formatPatchError(failure(() => jsonPatch(sts(), { op: 'add' })))).toBe(
      'Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    );
    expect(formatPatchError(failure(() => jsonPatch(sts(), ['x'])))).toBe(
      'Error from server (BadRequest): json: cannot unmarshal string into Go value of type jsonpatch.Operation',
    );
  });

  it('a failed patch leaves the document unchanged', () => {
    const doc = sts();
    const before = JSON.stringify(doc);
    failure(() =>
      jsonPatch(doc, [
        { op: 'replace', path: '/spec/replicas', value: 9 },
        { op: 'remove', path: '/x' },
      ]),
    );
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('property: add then remove of a new key or list element is a round trip', () => {
    const key = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(
        fc.dictionary(key, fc.jsonValue({ maxDepth: 2 })),
        key,
        fc.jsonValue({ maxDepth: 2 }),
        fc.array(fc.integer(), { maxLength: 5 }),
        fc.nat(),
        (doc, k, value, list, at) => {
          fc.pre(!(k in doc) && k !== 'list');
          const start = { ...doc, list };
          const index = at % (list.length + 1);
          const out = jsonPatch(start, [
            { op: 'add', path: `/${k}`, value },
            { op: 'add', path: `/list/${index}`, value: 7 },
            { op: 'remove', path: `/list/${index}` },
            { op: 'remove', path: `/${k}` },
          ]);
          expect(out).toEqual(start);
        },
      ),
    );
  });
});

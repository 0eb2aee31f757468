import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonMergePatch, patchedObjectError } from './jsonMergePatch.ts';
import { formatPatchError, type PatchError } from './patchErrors.ts';

describe('jsonMergePatch (RFC 7386, kubectl patch --type merge)', () => {
  it('merges objects, removes null keys and replaces lists whole', () => {
    const doc = { spec: { replicas: 1, template: { containers: [{ name: 'a' }, { name: 'b' }] } }, x: 1 };
    expect(
      jsonMergePatch(doc, { spec: { replicas: 3, template: { containers: [{ name: 'c' }] } }, x: null }),
    ).toEqual({
      spec: { replicas: 3, template: { containers: [{ name: 'c' }] } },
    });
  });

  it('drops nulls inside values it adds (RFC 7386 section 2)', () => {
    expect(jsonMergePatch({}, { a: { b: null, c: 1 } })).toEqual({ a: { c: 1 } });
  });

  it('matches the RFC 7386 appendix examples', () => {
    expect(jsonMergePatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(jsonMergePatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(jsonMergePatch({ a: 'b', b: 'c' }, { a: null })).toEqual({ b: 'c' });
    expect(jsonMergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(jsonMergePatch({ a: { b: 'c' } }, { a: { b: 'd', c: null } })).toEqual({ a: { b: 'd' } });
  });

  it('a scalar patch is "Invalid JSON Patch" (BadRequest)', () => {
    let err: unknown;
    try {
      jsonMergePatch({ a: 1 }, 'x');
    } catch (e) {
      err = e;
    }
    expect(formatPatchError(err as PatchError)).toBe('Error from server (BadRequest): Invalid JSON Patch');
  });

  it('a list patch replaces the document, which the server cannot decode', () => {
    const out = jsonMergePatch({ a: 1 }, [1]);
    expect(out).toEqual([1]);
    expect(formatPatchError(patchedObjectError(out))).toBe(
      'The request is invalid: patch: Invalid value: "[1]": couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }',
    );
  });

  it('property: a document merged with itself is unchanged', () => {
    const json = fc.jsonValue({ maxDepth: 3 }).filter((v) => !JSON.stringify(v).includes('null'));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), (doc) => {
        expect(jsonMergePatch(doc, doc)).toEqual(doc);
      }),
    );
  });
});

/** Field paths of the check language: dotted, indexed and quoted keys; malformed paths rejected. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getField, parseFieldPath } from './fieldPath.ts';

describe('field paths', () => {
  const pod = {
    metadata: { labels: { 'controller-revision-hash': 'mariadb-sts-7d4b9c' } },
    spec: { containers: [{ image: 'mariadb:11.3.2-jammy' }] },
  };

  it('reads dotted, indexed and quoted-key paths', () => {
    expect(getField(pod, 'spec.containers[0].image')).toBe('mariadb:11.3.2-jammy');
    expect(getField(pod, "metadata.labels['controller-revision-hash']")).toBe('mariadb-sts-7d4b9c');
    expect(getField(pod, 'metadata.labels["controller-revision-hash"]')).toBe('mariadb-sts-7d4b9c');
  });

  it('gives undefined for missing steps instead of throwing', () => {
    expect(getField(pod, 'spec.containers[3].image')).toBeUndefined();
    expect(getField(pod, 'status.podIP')).toBeUndefined();
    expect(getField(pod, 'spec.containers.image')).toBeUndefined();
    expect(getField({ a: 'text' }, 'a.length')).toBeUndefined();
  });

  it('rejects malformed paths with a reason', () => {
    for (const bad of ['', 'spec..replicas', 'spec.', 'spec[0', 'spec[x]'])
      expect(parseFieldPath(bad)).toHaveProperty('error');
  });

  it('finds any value placed at a generated plain path', () => {
    const key = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,8}$/);
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 5 }), fc.integer(), (keys, value) => {
        const root: Record<string, unknown> = {};
        let cur = root;
        keys.forEach((k, i) => {
          cur[k] = i === keys.length - 1 ? value : {};
          cur = cur[k] as Record<string, unknown>;
        });
        // a later duplicate key overwrote an earlier level: only check paths that were built whole
        return new Set(keys).size !== keys.length || getField(root, keys.join('.')) === value;
      }),
    );
  });
});

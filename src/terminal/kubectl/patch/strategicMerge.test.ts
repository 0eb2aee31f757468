import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPatchError, PatchError } from './patchErrors.ts';
import { strategicMergePatch } from './strategicMerge.ts';

const pod = () => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-0', labels: { app: 'nginx' }, finalizers: ['a', 'b'] },
  spec: {
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.25',
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
        ports: [{ containerPort: 80, name: 'web' }],
      },
      { name: 'sidecar', image: 'busybox:1.36' },
    ],
    tolerations: [{ key: 'x', operator: 'Exists' }],
  },
});

function errorOf(fn: () => unknown): PatchError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PatchError) return e;
    throw e;
  }
  throw new Error('expected a PatchError');
}

describe('strategicMergePatch', () => {
  it('merges containers by name: only the named container changes', () => {
    const out = strategicMergePatch(
      pod(),
      { spec: { containers: [{ name: 'sidecar', image: 'busybox:1.37' }] } },
      'Pod',
    );
    expect(out.spec).toMatchObject({
      containers: [
        { name: 'nginx', image: 'nginx:1.25' },
        { name: 'sidecar', image: 'busybox:1.37' },
      ],
    });
  });

  it('merges env by name and ports by containerPort inside a container', () => {
    const out = strategicMergePatch(
      pod(),
      {
        spec: {
          containers: [
            {
              name: 'nginx',
              env: [{ name: 'B', value: '3' }],
              ports: [{ containerPort: 80, protocol: 'TCP' }],
            },
          ],
        },
      },
      'Pod',
    ) as { spec: { containers: Array<{ env: unknown; ports: unknown }> } };
    expect(out.spec.containers[0].env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '3' },
    ]);
    expect(out.spec.containers[0].ports).toEqual([{ containerPort: 80, name: 'web', protocol: 'TCP' }]);
  });

  it('puts a new list element before the live-only ones (upstream mergeSortedSlice order)', () => {
    const out = strategicMergePatch(
      pod(),
      { spec: { containers: [{ name: 'log', image: 'fluentd' }] } },
      'Pod',
    ) as {
      spec: { containers: Array<{ name: string }> };
    };
    expect(out.spec.containers.map((c) => c.name)).toEqual(['log', 'nginx', 'sidecar']);
  });

  it('replaces lists without a strategy (tolerations) whole', () => {
    const out = strategicMergePatch(
      pod(),
      { spec: { tolerations: [{ key: 'y', operator: 'Exists' }] } },
      'Pod',
    );
    expect((out.spec as { tolerations: unknown }).tolerations).toEqual([{ key: 'y', operator: 'Exists' }]);
  });

  it('$patch: delete removes a list element by merge key', () => {
    const out = strategicMergePatch(
      pod(),
      { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } },
      'Pod',
    ) as {
      spec: { containers: Array<{ name: string }> };
    };
    expect(out.spec.containers.map((c) => c.name)).toEqual(['nginx']);
  });

  it('$patch: replace on a list element replaces the whole list', () => {
    const out = strategicMergePatch(
      pod(),
      { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'x' }] } },
      'Pod',
    ) as { spec: { containers: unknown[] } };
    expect(out.spec.containers).toEqual([{ name: 'only', image: 'x' }]);
  });

  it('$patch: replace on a map replaces the map (as a ControllerRevision template patch does)', () => {
    const sts = { kind: 'StatefulSet', spec: { template: { metadata: { labels: { a: '1', b: '2' } } } } };
    const out = strategicMergePatch(
      sts,
      { spec: { template: { metadata: { labels: { c: '3' } }, $patch: 'replace' } } },
      'StatefulSet',
    );
    expect(out.spec).toEqual({ template: { metadata: { labels: { c: '3' } } } });
  });

  it('null removes a map key; labels merge key by key', () => {
    const out = strategicMergePatch(pod(), { metadata: { labels: { app: null, tier: 'db' } } }, 'Pod');
    expect((out.metadata as { labels: unknown }).labels).toEqual({ tier: 'db' });
  });

  it('finalizers merge as a set; $deleteFromPrimitiveList removes values', () => {
    const added = strategicMergePatch(pod(), { metadata: { finalizers: ['b', 'c'] } }, 'Pod');
    expect((added.metadata as { finalizers: unknown }).finalizers).toEqual(['a', 'b', 'c']);
    const removed = strategicMergePatch(
      pod(),
      { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } },
      'Pod',
    );
    expect((removed.metadata as { finalizers: unknown }).finalizers).toEqual(['b']);
  });

  it('$setElementOrder orders the merged list', () => {
    const out = strategicMergePatch(
      pod(),
      {
        spec: {
          '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'nginx' }],
          containers: [{ name: 'nginx', image: 'nginx:1.26' }],
        },
      },
      'Pod',
    ) as { spec: { containers: Array<{ name: string; image: string }> } };
    expect(out.spec.containers.map((c) => `${c.name}=${c.image}`)).toEqual([
      'sidecar=busybox:1.36',
      'nginx=nginx:1.26',
    ]);
  });

  it('$retainKeys clears the keys it does not list (volumes use retainKeys)', () => {
    const p = { kind: 'Pod', spec: { volumes: [{ name: 'data', emptyDir: {} }] } };
    const out = strategicMergePatch(
      p,
      {
        spec: {
          volumes: [
            {
              name: 'data',
              persistentVolumeClaim: { claimName: 'c' },
              $retainKeys: ['name', 'persistentVolumeClaim'],
            },
          ],
        },
      },
      'Pod',
    );
    expect(out.spec).toEqual({ volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'c' } }] });
  });

  it('volumeClaimTemplates of a StatefulSet have no merge key upstream: the list is replaced', () => {
    const sts = {
      kind: 'StatefulSet',
      spec: {
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'] } }],
      },
    };
    const out = strategicMergePatch(
      sts,
      { spec: { volumeClaimTemplates: [{ metadata: { name: 'www' } }] } },
      'StatefulSet',
    );
    expect(out.spec).toEqual({ volumeClaimTemplates: [{ metadata: { name: 'www' } }] });
  });

  it('does not change its inputs', () => {
    const original = pod();
    const copy = JSON.parse(JSON.stringify(original));
    strategicMergePatch(original, { spec: { containers: [{ name: 'nginx', image: 'x' }] } }, 'Pod');
    expect(original).toEqual(copy);
  });

  it('a list element without its merge key is the apiserver error kubectl shows as "Error from server:"', () => {
    const err = errorOf(() =>
      strategicMergePatch(pod(), { spec: { containers: [{ image: 'nginx:latest' }] } }, 'Pod'),
    );
    expect(formatPatchError(err)).toBe(
      'Error from server: map: map[image:nginx:latest] does not contain declared merge key: name',
    );
  });

  it('a patch that is not an object is a BadRequest', () => {
    const err = errorOf(() => strategicMergePatch(pod(), [1], 'Pod'));
    expect(formatPatchError(err)).toBe(
      'Error from server (BadRequest): json: cannot unmarshal array into Go value of type map[string]interface {}',
    );
  });

  it('an unknown $patch directive is rejected', () => {
    const err = errorOf(() => strategicMergePatch(pod(), { metadata: { $patch: 'bogus' } }, 'Pod'));
    expect(err.message).toBe('unknown patch type: bogus in map: map[$patch:bogus]');
  });

  it('property: a document patched with itself is unchanged (StatefulSet-like docs)', () => {
    const name = fc.stringMatching(/^[a-z]{1,6}$/);
    const containers = fc.uniqueArray(fc.record({ name, image: name }), {
      selector: (c) => c.name,
      maxLength: 4,
    });
    const labels = fc.dictionary(name, name, { maxKeys: 4 });
    fc.assert(
      fc.property(containers, labels, fc.nat(10), (cs, ls, replicas) => {
        const doc = {
          kind: 'StatefulSet',
          metadata: { name: 'web', labels: ls },
          spec: { replicas, template: { spec: { containers: cs } } },
        };
        expect(strategicMergePatch(doc, doc, 'StatefulSet')).toEqual(doc);
      }),
    );
  });
});

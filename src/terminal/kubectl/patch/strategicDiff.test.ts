import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createThreeWayMergePatch, createTwoWayMergePatch } from './strategicDiff.ts';
import { strategicMergePatch } from './strategicMerge.ts';

type Container = { name: string; image: string; imagePullPolicy?: string };

const manifest = (containers: Container[], labels?: Record<string, string>) => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: labels ? { name: 'web', labels } : { name: 'web' },
  spec: { replicas: 3, template: { spec: { containers } } },
});

/** The live object: the manifest plus what the apiserver and the controller added to it. */
const live = (containers: Container[], labels?: Record<string, string>) => ({
  ...manifest(
    containers.map((c) => ({ ...c, imagePullPolicy: 'IfNotPresent' })),
    labels,
  ),
  spec: {
    replicas: 3,
    podManagementPolicy: 'OrderedReady',
    template: { spec: { containers: containers.map((c) => ({ ...c, imagePullPolicy: 'IfNotPresent' })) } },
  },
  status: { replicas: 3 },
});

const nginx = (image = 'nginx:1.25') => ({ name: 'nginx', image });
const sidecar = { name: 'sidecar', image: 'busybox:1.36' };

describe('createThreeWayMergePatch (kubectl apply)', () => {
  it('is {} when the manifest did not change, so apply prints "unchanged"', () => {
    expect(
      createThreeWayMergePatch(manifest([nginx()]), manifest([nginx()]), live([nginx()]), 'StatefulSet'),
    ).toEqual({});
  });

  it('sends the changed image with $setElementOrder/containers, and nothing the server defaulted', () => {
    const patch = createThreeWayMergePatch(
      manifest([nginx()]),
      manifest([nginx('nginx:1.26')]),
      live([nginx()]),
      'StatefulSet',
    );
    expect(patch).toEqual({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }],
            containers: [{ name: 'nginx', image: 'nginx:1.26' }],
          },
        },
      },
    });
  });

  it('deletes a container that left the manifest with a $patch: delete element', () => {
    const patch = createThreeWayMergePatch(
      manifest([nginx(), sidecar]),
      manifest([nginx()]),
      live([nginx(), sidecar]),
      'StatefulSet',
    );
    expect(patch).toEqual({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }],
            containers: [{ name: 'sidecar', $patch: 'delete' }],
          },
        },
      },
    });
    const patched = strategicMergePatch(live([nginx(), sidecar]), patch, 'StatefulSet') as {
      spec: { template: { spec: { containers: Container[] } } };
    };
    expect(patched.spec.template.spec.containers).toEqual([{ ...nginx(), imagePullPolicy: 'IfNotPresent' }]);
  });

  it('clears a field removed from the manifest with null, but keeps fields others set', () => {
    const patch = createThreeWayMergePatch(
      manifest([nginx()], { app: 'web' }),
      manifest([nginx()]),
      live([nginx()], { app: 'web' }),
      'StatefulSet',
    );
    expect(patch).toEqual({ metadata: { labels: null } });
  });

  it('applied to the live object, gives the manifest plus the server defaults', () => {
    const current = live([nginx(), sidecar]);
    const patch = createThreeWayMergePatch(
      manifest([nginx(), sidecar]),
      manifest([sidecar, nginx('nginx:1.26')]),
      current,
      'StatefulSet',
    );
    const patched = strategicMergePatch(current, patch, 'StatefulSet') as {
      spec: { podManagementPolicy: string; template: { spec: { containers: Container[] } } };
    };
    expect(patched.spec.podManagementPolicy).toBe('OrderedReady');
    expect(patched.spec.template.spec.containers.map((c) => `${c.name}=${c.image}`)).toEqual([
      'sidecar=busybox:1.36',
      'nginx=nginx:1.26',
    ]);
  });
});

describe('createTwoWayMergePatch', () => {
  it('property: applying the patch from a to b to a gives b', () => {
    const word = fc.stringMatching(/^[a-z]{1,5}$/);
    const containers = fc.uniqueArray(fc.record({ name: word, image: word }), {
      selector: (c) => c.name,
      maxLength: 4,
    });
    const doc = fc.record({
      kind: fc.constant('StatefulSet'),
      metadata: fc.record({ name: fc.constant('web'), labels: fc.dictionary(word, word, { maxKeys: 3 }) }),
      spec: fc.record({ replicas: fc.nat(5), template: fc.record({ spec: fc.record({ containers }) }) }),
    });
    fc.assert(
      fc.property(doc, doc, (a, b) => {
        const patch = createTwoWayMergePatch(a, b, 'StatefulSet');
        expect(strategicMergePatch(a, patch, 'StatefulSet')).toEqual(b);
      }),
    );
  });
});

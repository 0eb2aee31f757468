import { describe, expect, it } from 'vitest';
import type { StatefulSet } from '../../api/types.ts';
import { formatFieldError } from '../../apiserver/fieldErrors.ts';
import { applyWeb, getSet, podNames, webManifest } from '../../testing/statefulsetFixtures.ts';
import { fakeHarness } from '../../testing/statefulsetHarness.ts';
import { FORBIDDEN_UPDATE_MSG } from './statefulSetValidation.ts';

const kubectlInvalid = (msg: string) =>
  msg.replace(/^StatefulSet\.apps "(.*?)" is invalid: /, 'The StatefulSet "$1" is invalid: ');

describe('StatefulSet apiserver strategy', () => {
  it('[case 2] fills in the apps/v1 defaults for omitted fields', () => {
    const sim = fakeHarness.create();
    applyWeb(sim, { omitDefaults: true });
    const spec = (getSet(sim) as StatefulSet).spec;
    expect(spec.replicas).toBe(1);
    expect(spec.podManagementPolicy).toBe('OrderedReady');
    expect(spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.persistentVolumeClaimRetentionPolicy).toEqual({
      whenDeleted: 'Retain',
      whenScaled: 'Retain',
    });
    expect(spec.ordinals).toBeUndefined();
    expect(spec.template.spec.restartPolicy).toBe('Always');
    expect(spec.template.spec.dnsPolicy).toBe('ClusterFirst');
    expect(spec.volumeClaimTemplates?.[0].spec.volumeMode).toBe('Filesystem');
    expect(getSet(sim)?.metadata.generation).toBe(1);
    sim.advance(30_000);
    expect(podNames(sim)).toEqual(['web-0']);
    expect(sim.store.list('PersistentVolumeClaim').map((c) => c.metadata.name)).toEqual(['www-web-0']);
  });

  it('OnDelete gets no rollingUpdate, and an explicit RollingUpdate type alone gets none either', () => {
    const sim = fakeHarness.create();
    applyWeb(sim, { updateStrategy: { type: 'OnDelete' } });
    expect(getSet(sim)?.spec.updateStrategy).toEqual({ type: 'OnDelete' });
    applyWeb(sim, { name: 'web2', updateStrategy: { type: 'RollingUpdate' } });
    expect(getSet(sim, 'web2')?.spec.updateStrategy).toEqual({ type: 'RollingUpdate' });
  });

  const cases: Array<[string, Record<string, unknown>, string]> = [
    [
      'podManagementPolicy',
      { podManagementPolicy: 'Foo' },
      `spec.podManagementPolicy: Invalid value: "Foo": must be 'OrderedReady' or 'Parallel'`,
    ],
    [
      'negative partition',
      { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: -1 } } },
      'spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'retention value',
      { persistentVolumeClaimRetentionPolicy: { whenScaled: 'Foo' } },
      'spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: "Foo": supported values: "Retain", "Delete"',
    ],
    [
      'negative replicas',
      { replicas: -1 },
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'negative minReadySeconds',
      { minReadySeconds: -1 },
      'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'negative ordinals.start',
      { ordinals: { start: -1 } },
      'spec.ordinals.start: Invalid value: -1: must be greater than or equal to 0',
    ],
  ];
  it.each(cases)('rejects bad %s with the real text and stores nothing', (_n, patch, text) => {
    const sim = fakeHarness.create();
    const m = webManifest();
    const before = JSON.stringify(sim.snapshot());
    const res = sim.api.create({ ...m, spec: { ...(m.spec as object), ...patch } });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(kubectlInvalid(res.error.message)).toBe(`The StatefulSet "web" is invalid: ${text}`);
    expect(JSON.stringify(sim.snapshot())).toBe(before);
  });

  it('rejects a name that is not a DNS label', () => {
    const sim = fakeHarness.create();
    const m = webManifest();
    const res = sim.api.create({ ...m, metadata: { name: 'web.v1', namespace: 'default' } });
    expect(res.ok ? '' : res.error.message).toContain(
      `metadata.name: Invalid value: "web.v1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    );
  });

  it('rejects rollingUpdate under OnDelete, restartPolicy and activeDeadlineSeconds', () => {
    const sim = fakeHarness.create();
    const m = webManifest() as { spec: Record<string, unknown> } & ReturnType<typeof webManifest>;
    const tmpl = m.spec.template as { spec: Record<string, unknown> };
    const res = sim.api.create({
      ...m,
      spec: {
        ...m.spec,
        updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } },
        template: {
          ...(m.spec.template as object),
          spec: { ...tmpl.spec, restartPolicy: 'OnFailure', activeDeadlineSeconds: 5 },
        },
      },
    });
    const texts = res.ok ? [] : (res.error.details?.causes ?? []).map(formatFieldError);
    expect(texts[0]).toMatch(
      /^spec\.updateStrategy\.rollingUpdate: Invalid value: .*: only allowed for updateStrategy 'RollingUpdate'$/,
    );
    expect(texts).toContain(
      'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    );
    expect(texts).toContain(
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported',
    );
  });

  it('[case 39] selector not matching the template labels is rejected and nothing is created', () => {
    const sim = fakeHarness.create();
    const m = webManifest();
    const spec = m.spec as { template: { metadata: unknown } };
    const res = sim.api.create({
      ...m,
      spec: { ...spec, template: { ...spec.template, metadata: { labels: { app: 'web' } } } },
    });
    expect(res.ok ? '' : kubectlInvalid(res.error.message)).toBe(
      'The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    );
    sim.advance(30_000);
    expect(sim.store.list('Pod')).toHaveLength(0);
    expect(sim.store.list('StatefulSet')).toHaveLength(0);
  });

  it('a missing selector gives Required and the mismatch error; an empty one is invalid', () => {
    const sim = fakeHarness.create();
    const m = webManifest();
    const { selector: _s, ...rest } = m.spec as Record<string, unknown>;
    const res = sim.api.create({ ...m, spec: rest });
    const texts = res.ok ? [] : (res.error.details?.causes ?? []).map(formatFieldError);
    expect(texts).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
    ]);
    const empty = sim.api.create({ ...m, spec: { ...(m.spec as object), selector: {} } });
    // Go renders the value as a struct (v1.LabelSelector{...}); only the field and detail are checked.
    expect(empty.ok ? '' : empty.error.message).toMatch(
      /spec\.selector: Invalid value: .*: empty selector is invalid for statefulset$/,
    );
  });

  const forbidden: Array<[string, (s: StatefulSet) => StatefulSet['spec']]> = [
    [
      'volumeClaimTemplates storage',
      (s) => ({
        ...s.spec,
        volumeClaimTemplates: s.spec.volumeClaimTemplates?.map((t) => ({
          ...t,
          spec: { ...t.spec, resources: { requests: { storage: '2Gi' } } },
        })),
      }),
    ],
    ['serviceName', (s) => ({ ...s.spec, serviceName: 'other' })],
    ['podManagementPolicy', (s) => ({ ...s.spec, podManagementPolicy: 'Parallel' })],
    [
      'selector',
      (s) => ({
        ...s.spec,
        selector: { matchLabels: { app: 'nginx', tier: 'x' } },
        template: { ...s.spec.template, metadata: { labels: { app: 'nginx', tier: 'x' } } },
      }),
    ],
    ['revisionHistoryLimit (immutable in 1.30)', (s) => ({ ...s.spec, revisionHistoryLimit: 3 })],
  ];
  it.each(forbidden)('[case 37] forbids changing %s and leaves the object byte-identical', (_n, change) => {
    const sim = fakeHarness.create();
    applyWeb(sim);
    sim.advance(20_000);
    const set = getSet(sim) as StatefulSet;
    const before = JSON.stringify(sim.snapshot());
    const res = sim.api.update({ ...set, spec: change(set) });
    expect(res.ok ? '' : kubectlInvalid(res.error.message)).toBe(
      `The StatefulSet "web" is invalid: spec: Forbidden: ${FORBIDDEN_UPDATE_MSG}`,
    );
    expect(FORBIDDEN_UPDATE_MSG).toBe(
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
    expect(JSON.stringify(sim.snapshot())).toBe(before);
    expect(getSet(sim)?.metadata.generation).toBe(1);
  });

  it('allowed changes bump generation; status is only written through the subresource', () => {
    const sim = fakeHarness.create();
    applyWeb(sim);
    const set = getSet(sim) as StatefulSet;
    const res = sim.api.update({
      ...set,
      spec: { ...set.spec, replicas: 5, minReadySeconds: 3 },
      status: { replicas: 99, availableReplicas: 0 },
    });
    expect(res.ok).toBe(true);
    expect(getSet(sim)?.metadata.generation).toBe(2);
    expect(getSet(sim)?.status?.replicas).not.toBe(99);
  });
});

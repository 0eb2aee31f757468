/**
 * The decoding step inside ApiServer.create/update: an ill-typed or (Strict) unknown field is
 * refused before anything else and changes nothing; a fast-check property puts random JSON values
 * into typed fields of the chapter's objects and checks that nothing ill-typed is ever stored and
 * that no request throws.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { KubeObject, ObjectInput } from '../../api/types.ts';
import { createSimulation } from '../../simulation/createSimulation.ts';
import { decodeObject } from './decodeObject.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests reach into and mutate manifests freely
type Manifest = Record<string, any>;

const CHAPTER = readFileSync(new URL('../../../../../shared/seed/minimal-sts.yaml', import.meta.url), 'utf8');
const chapter = (kind: string) => {
  const doc = parseAllDocuments(CHAPTER)
    .map((d) => d.toJS() as ObjectInput)
    .find((o) => o?.kind === kind);
  if (!doc) throw new Error(`the chapter manifest has a ${kind}`);
  return structuredClone(doc) as ObjectInput & Manifest;
};

const stateText = (sim: ReturnType<typeof createSimulation>) => JSON.stringify(sim.snapshot());

/** Sets `path` (dot-separated, numbers index arrays) of `obj` to `value`, creating objects on the way. */
function setPath(obj: Manifest, path: string, value: unknown): void {
  const keys = path.split('.');
  let at: Manifest = obj;
  for (const k of keys.slice(0, -1)) {
    at[k] ??= {};
    at = at[k];
  }
  at[keys[keys.length - 1]] = value;
}

describe('ApiServer decodes what it is given', () => {
  it('the chapter manifest still creates its Service and StatefulSet', () => {
    const sim = createSimulation();
    for (const kind of ['Service', 'StatefulSet']) {
      const r = sim.api.create(chapter(kind));
      expect(r.ok, JSON.stringify(!r.ok && r.error)).toBe(true);
      expect(r.ok && r.warnings).toBeUndefined();
    }
    expect(
      sim.store.get('StatefulSet', 'default', chapter('StatefulSet').metadata.name as string),
    ).toBeDefined();
  });

  it('a wrong-typed field is a BadRequest on create and on update, and changes nothing', () => {
    const sim = createSimulation();
    const sts = chapter('StatefulSet');
    sts.spec.replicas = 'three';
    const before = stateText(sim);
    const created = sim.api.create(sts);
    expect(created.ok ? '' : created.error.message).toBe(
      'StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32',
    );
    expect(stateText(sim)).toBe(before);

    const good = sim.api.create<KubeObject>(chapter('StatefulSet'));
    if (!good.ok) throw new Error(good.error.message);
    const beforeUpdate = stateText(sim);
    const updated = sim.api.update({ ...good.value, spec: { ...good.value.spec, replicas: 'two' } });
    expect(updated.ok ? '' : updated.error.reason).toBe('BadRequest');
    expect(stateText(sim)).toBe(beforeUpdate);
  });

  it('fieldValidation: Strict (default) refuses, Warn stores without the field and warns, Ignore stays quiet', () => {
    const sim = createSimulation();
    const svc = chapter('Service');
    svc.spec.foo = 'bar';
    const strict = sim.api.create(svc);
    expect(strict.ok ? '' : strict.error.message).toBe(
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.foo"',
    );
    const warn = sim.api.create<KubeObject>(svc, { fieldValidation: 'Warn' });
    expect(warn.ok && warn.warnings).toEqual(['unknown field "spec.foo"']);
    const stored = sim.store.get<KubeObject>('Service', 'default', svc.metadata.name as string);
    expect(stored?.spec).not.toHaveProperty('foo');
    const other = { ...svc, metadata: { ...svc.metadata, name: 'other' } };
    const ignore = sim.api.create(other, { fieldValidation: 'Ignore' });
    expect(ignore.ok && ignore.warnings).toBeUndefined();
  });

  it('property: random JSON in typed fields never reaches the store ill-typed and never throws', () => {
    const paths: Array<[string, string]> = [
      ['StatefulSet', 'spec.replicas'],
      ['StatefulSet', 'spec.selector'],
      ['StatefulSet', 'spec.selector.matchLabels'],
      ['StatefulSet', 'spec.serviceName'],
      ['StatefulSet', 'spec.template'],
      ['StatefulSet', 'spec.template.metadata.labels'],
      ['StatefulSet', 'spec.template.spec.containers'],
      ['StatefulSet', 'spec.template.spec.containers.0'],
      ['StatefulSet', 'spec.template.spec.containers.0.image'],
      ['StatefulSet', 'spec.template.spec.containers.0.ports'],
      ['StatefulSet', 'spec.template.spec.containers.0.env'],
      ['StatefulSet', 'spec.template.spec.terminationGracePeriodSeconds'],
      ['StatefulSet', 'spec.volumeClaimTemplates'],
      ['StatefulSet', 'spec.volumeClaimTemplates.0.spec.resources.requests.storage'],
      ['StatefulSet', 'spec.volumeClaimTemplates.0.spec.accessModes'],
      ['StatefulSet', 'spec.updateStrategy.rollingUpdate.partition'],
      ['StatefulSet', 'spec.updateStrategy.rollingUpdate.maxUnavailable'],
      ['StatefulSet', 'metadata.labels'],
      ['StatefulSet', 'metadata.annotations'],
      ['Service', 'spec.ports'],
      ['Service', 'spec.ports.0.port'],
      ['Service', 'spec.ports.0.targetPort'],
      ['Service', 'spec.selector'],
      ['Service', 'spec.clusterIP'],
      ['Service', 'spec.publishNotReadyAddresses'],
    ];
    const sim = createSimulation();
    let n = 0;
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), ([kind, path], value) => {
        const obj = chapter(kind);
        obj.metadata.name = `x${n++}`;
        setPath(obj, path, value);
        const before = stateText(sim);
        const r = sim.api.create<KubeObject>(obj);
        if (!r.ok) {
          expect(stateText(sim)).toBe(before);
          return;
        }
        const stored = sim.store.get(kind, 'default', r.value.metadata.name);
        expect(stored).toBeDefined();
        const again = decodeObject(kind, stored, { fieldValidation: 'Strict' });
        expect(again.ok, JSON.stringify(!again.ok && again.error.message)).toBe(true);
      }),
      { numRuns: 300, seed: 1 },
    );
    // what got stored is something the controllers can work with
    expect(() => sim.advance(120_000)).not.toThrow();
  });
});

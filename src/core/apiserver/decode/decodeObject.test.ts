/**
 * The decoding step's texts, checked against what a 1.30 apiserver answers (the messages of the
 * spec/brief and of real transcripts: kubernetes/website#52675, kubernetes issue threads quoting
 * `strict decoding error` and `cannot unmarshal ... Go struct field ObjectMeta.metadata.labels`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { decodeObject } from './decodeObject.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests reach into and mutate manifests freely
type Manifest = Record<string, any>;

const CHAPTER = readFileSync(new URL('../../../../../shared/seed/minimal-sts.yaml', import.meta.url), 'utf8');
const chapterObjects = () =>
  parseAllDocuments(CHAPTER)
    .map((d) => d.toJS() as Record<string, unknown>)
    .filter(Boolean);
const chapterSts = () => {
  const sts = chapterObjects().find((o) => o.kind === 'StatefulSet');
  if (!sts) throw new Error('the chapter manifest has a StatefulSet');
  return structuredClone(sts) as Manifest;
};

function errorOf(kind: string, obj: unknown, fieldValidation?: 'Strict' | 'Warn' | 'Ignore') {
  const r = decodeObject(kind, obj, { fieldValidation });
  if (r.ok) throw new Error('expected the decoder to reject the object');
  return r.error;
}

const pod = (spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
});

describe('decodeObject: request bodies (create, update)', () => {
  it('the chapter manifest decodes unchanged, without warnings', () => {
    for (const obj of chapterObjects()) {
      const r = decodeObject(String(obj.kind), obj);
      expect(r).toEqual({ ok: true, value: obj, warnings: [] });
    }
  });

  it('replicas: "three" is the BadRequest of the real apiserver', () => {
    const sts = chapterSts();
    sts.spec.replicas = 'three';
    const err = errorOf('StatefulSet', sts);
    expect(err.reason).toBe('BadRequest');
    expect(err.code).toBe(400);
    expect(err.message).toBe(
      'StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32',
    );
  });

  it('numbers that are not int32 name the literal; other JSON types name their type', () => {
    const sts = chapterSts();
    sts.spec.replicas = 1.5;
    expect(errorOf('StatefulSet', sts).message).toContain(
      'json: cannot unmarshal number 1.5 into Go struct field StatefulSetSpec.spec.replicas of type int32',
    );
    sts.spec.replicas = 3000000000;
    expect(errorOf('StatefulSet', sts).message).toContain('cannot unmarshal number 3000000000 into');
    sts.spec.replicas = true;
    expect(errorOf('StatefulSet', sts).message).toContain('cannot unmarshal bool into');
  });

  it('a number label value: the well-known ObjectMeta.metadata.labels error (map values name no key)', () => {
    const sts = chapterSts();
    sts.metadata.labels = { app: 1 };
    expect(errorOf('StatefulSet', sts).message).toBe(
      'StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
  });

  it('array paths carry no indices in type errors; Go type names are package-qualified', () => {
    const sts = chapterSts();
    sts.spec.template.spec.containers = { name: 'x' };
    expect(errorOf('StatefulSet', sts).message).toContain(
      'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
    );
    const p = pod({ restartPolicy: 1 });
    expect(errorOf('Pod', p).message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy',
    );
    const port = pod({ containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: '80' }] }] });
    expect(errorOf('Pod', port).message).toContain(
      'cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
  });

  it('IntOrString accepts strings and int32 and reports the rest as int32', () => {
    const svc = (targetPort: unknown) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { ports: [{ port: 80, targetPort }] },
    });
    expect(decodeObject('Service', svc('http')).ok).toBe(true);
    expect(decodeObject('Service', svc(8080)).ok).toBe(true);
    expect(errorOf('Service', svc(true)).message).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32',
    );
  });

  it('quantities: numbers are accepted (kept as their text), bad texts get ParseQuantity errors', () => {
    const sts = chapterSts();
    const claim = sts.spec.volumeClaimTemplates[0];
    claim.spec.resources.requests.storage = 20;
    const r = decodeObject<typeof sts>('StatefulSet', sts);
    expect(r.ok && r.value.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('20');
    claim.spec.resources.requests.storage = '20MB';
    expect(errorOf('StatefulSet', sts).message).toBe(
      'StatefulSet in version "v1" cannot be handled as a StatefulSet: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    );
    claim.spec.resources.requests.storage = '20mi';
    expect(errorOf('StatefulSet', sts).message).toMatch(/: unable to parse quantity's suffix$/);
  });

  it('unknown fields: strict decoding error, paths with [i], several joined by ", "', () => {
    const svcFields = pod({ ports: [{ port: 80 }], selector: { app: 'x' } });
    expect(errorOf('Pod', svcFields).message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.ports", unknown field "spec.selector"',
    );
    const sts = chapterSts();
    sts.spec.template.spec.containers[0].restartPolicyy = 'Always';
    expect(errorOf('StatefulSet', sts).message).toBe(
      'StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.template.spec.containers[0].restartPolicyy"',
    );
  });

  it('field names are case-sensitive', () => {
    const sts = chapterSts();
    sts.spec.Replicas = 2;
    expect(errorOf('StatefulSet', sts).message).toMatch(
      /strict decoding error: unknown field "spec.Replicas"$/,
    );
  });

  it('a type error wins over unknown fields', () => {
    const p = pod({ foo: 1, hostNetwork: 'yes' });
    expect(errorOf('Pod', p).message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool',
    );
  });

  it('Warn drops unknown fields and returns one warning each; Ignore drops them silently', () => {
    const p = pod({ foo: 1 });
    const warn = decodeObject<ReturnType<typeof pod>>('Pod', p, { fieldValidation: 'Warn' });
    expect(warn.ok && warn.warnings).toEqual(['unknown field "spec.foo"']);
    expect(warn.ok && 'foo' in warn.value.spec).toBe(false);
    const ignore = decodeObject<ReturnType<typeof pod>>('Pod', p, { fieldValidation: 'Ignore' });
    expect(ignore.ok && ignore.warnings).toEqual([]);
    expect(ignore.ok && 'foo' in ignore.value.spec).toBe(false);
    // a type error fails the request whatever the directive
    expect(decodeObject('Pod', pod({ hostNetwork: 'x' }), { fieldValidation: 'Ignore' }).ok).toBe(false);
  });

  it('null fields are dropped as Go leaves them unset; null times stay null', () => {
    const p = { ...pod({ nodeName: null }), metadata: { name: 'p', creationTimestamp: null } };
    const r = decodeObject<Manifest>('Pod', p);
    expect(r.ok && 'nodeName' in r.value.spec).toBe(false);
    expect(r.ok && r.value.metadata.creationTimestamp).toBeNull();
  });
});

describe('decodeObject: patched objects (kubectl apply on an existing object, kubectl patch)', () => {
  it('a wrong type is the patch handler Invalid error with the patch as Go prints a map', () => {
    const sts = chapterSts();
    const patch = { spec: { replicas: 'two' } };
    sts.spec.replicas = 'two';
    const r = decodeObject('StatefulSet', sts, { patch });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.reason).toBe('Invalid');
    expect(r.error.code).toBe(422);
    expect(r.error.message).toBe(
      ' "" is invalid: patch: Invalid value: "map[spec:map[replicas:two]]": unrecognized type: int32',
    );
    expect(r.error.details).toMatchObject({ kind: '', name: '' });
  });

  it('converter messages: int64 into a string, float into int32, a string where a list belongs', () => {
    const sts = chapterSts();
    sts.metadata.labels = { app: 7 };
    const m = (patch: unknown) => {
      const r = decodeObject('StatefulSet', sts, { patch });
      return r.ok ? '' : r.error.message;
    };
    expect(m({ metadata: { labels: { app: 7 } } })).toBe(
      ' "" is invalid: patch: Invalid value: "map[metadata:map[labels:map[app:7]]]": cannot convert int64 to string',
    );
    sts.metadata.labels = { app: 'x' };
    sts.spec.replicas = 1.5;
    expect(m({})).toMatch(/cannot convert float64 to int32$/);
    sts.spec.replicas = 1;
    sts.spec.template.spec.containers = 'nginx';
    expect(m({})).toMatch(/cannot restore slice from string$/);
  });

  it('unknown fields: sorted, inside the Invalid error under Strict, warnings under Warn', () => {
    const sts = chapterSts();
    sts.spec.zeta = 1;
    sts.spec.alpha = 2;
    const patch = { spec: { zeta: 1, alpha: 2 } };
    const strict = decodeObject('StatefulSet', sts, { patch });
    expect(strict.ok ? '' : strict.error.message).toBe(
      ' "" is invalid: patch: Invalid value: "map[spec:map[alpha:2 zeta:1]]": strict decoding error: unknown field "spec.alpha", unknown field "spec.zeta"',
    );
    const warn = decodeObject<Manifest>('StatefulSet', sts, { patch, fieldValidation: 'Warn' });
    expect(warn.ok && warn.warnings).toEqual(['unknown field "spec.alpha"', 'unknown field "spec.zeta"']);
    expect(warn.ok && Object.keys(warn.value.spec)).not.toContain('zeta');
  });
});

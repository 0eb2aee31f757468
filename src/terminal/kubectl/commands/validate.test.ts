/**
 * `--validate` and the apiserver's decoding errors as kubectl shows them: create/apply bodies get
 * the BadRequest `<Kind> in version "v1" cannot be handled as a <Kind>: ...` with AddSourceToErr's
 * `error when creating "<file>": `, apply on an existing object and `kubectl patch` get the patch
 * handler's `The request is invalid: patch: Invalid value: ...`, and warn/ignore behave as kubectl
 * 1.30 documents them. Every refused request leaves the cluster as it was.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../core/simulation/createSimulation.ts';
import { runKubectl } from '../kubectlTestDriver.ts';

const MANIFEST = readFileSync(
  new URL('../../../../../shared/seed/minimal-sts.yaml', import.meta.url),
  'utf8',
);
const SERVICE = MANIFEST.split('\n---\n')[0];
const withUnknown = SERVICE.replace('  clusterIP: None\n', '  clusterIP: None\n  zzz: 1\n');

function session() {
  const sim = createSimulation();
  const k = (line: string, files: Record<string, string> = {}) => runKubectl(sim, line.split(' '), { files });
  const state = () => JSON.stringify(sim.snapshot());
  return { sim, k, state };
}

describe('kubectl create/apply --validate and the decoding errors', () => {
  it('a wrong-typed field: the BadRequest with the file named, nothing created', () => {
    const { k } = session();
    const bad = MANIFEST.replace('replicas: 1', 'replicas: "three"');
    const r = k('apply -f m.yaml', { 'm.yaml': bad });
    expect(r.stdout).toBe('service/mariadb-svc created\n');
    expect(r.stderr).toBe(
      'Error from server (BadRequest): error when creating "m.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32\n',
    );
    expect(r.code).toBe(1);
    expect(k('get sts').stderr).toBe('No resources found in default namespace.\n');
  });

  it('unknown fields: strict (default) refuses, warn prints a Warning and creates, ignore is silent', () => {
    const { k, state } = session();
    const before = state();
    const strict = k('create -f s.yaml', { 's.yaml': withUnknown });
    expect(strict.stderr).toBe(
      'Error from server (BadRequest): error when creating "s.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.zzz"\n',
    );
    expect(state()).toBe(before);
    const warn = k('create -f s.yaml --validate=warn', { 's.yaml': withUnknown });
    expect(warn.screen).toBe('Warning: unknown field "spec.zzz"\nservice/mariadb-svc created\n');
    const ignore = k('apply -f s.yaml --validate=false', {
      's.yaml': withUnknown.replace('name: mariadb-svc', 'name: other'),
    });
    expect(ignore.screen).toBe('service/other created\n');
  });

  it('a --validate value kubectl does not know is its own error, before anything is sent', () => {
    const { k, state } = session();
    const before = state();
    const r = k('apply -f s.yaml --validate=yes', { 's.yaml': SERVICE });
    expect(r.stderr).toBe(
      'error: invalid - validate option "yes"; must be one of: strict (or true), warn, ignore (or false)\n',
    );
    expect(state()).toBe(before);
  });

  it('apply to an existing object: the patch handler names the patch it was sent', () => {
    const { k, state } = session();
    k('apply -f s.yaml', { 's.yaml': SERVICE });
    const before = state();
    const r = k('apply -f s.yaml', { 's.yaml': withUnknown });
    expect(
      r.stderr.startsWith('The request is invalid: patch: Invalid value: "map[metadata:map[annotations:map['),
    ).toBe(true);
    expect(r.stderr.endsWith(' spec:map[zzz:1]]": strict decoding error: unknown field "spec.zzz"\n')).toBe(
      true,
    );
    expect(state()).toBe(before);
  });
});

describe('kubectl patch and the decoding errors', () => {
  it('a wrong type is the Invalid patch error; an unknown field is a Warning (the server default)', () => {
    const { sim, k, state } = session();
    k('apply -f s.yaml', { 's.yaml': SERVICE });
    const before = state();
    const patch = (body: string) => runKubectl(sim, ['patch', 'svc', 'mariadb-svc', '-p', body]);
    expect(patch('{"spec":{"publishNotReadyAddresses":"yes"}}').stderr).toBe(
      'The request is invalid: patch: Invalid value: "map[spec:map[publishNotReadyAddresses:yes]]": unrecognized type: bool\n',
    );
    expect(state()).toBe(before);
    expect(patch('{"spec":{"yyy":1}}').screen).toBe(
      'Warning: unknown field "spec.yyy"\nservice/mariadb-svc patched (no change)\n',
    );
  });
});

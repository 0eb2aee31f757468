import { describe, expect, it } from 'vitest';
import { addStatefulSet, bareSim, kubectl, stateText } from './verbTestKit.ts';

type Sts = {
  spec: { replicas: number; template: { spec: { containers: Array<{ name: string; image: string }> } } };
};
const sts = (sim: ReturnType<typeof bareSim>) =>
  sim.store.get('StatefulSet', 'default', 'web') as unknown as Sts;

describe('kubectl patch', () => {
  it('strategic (default): `{"spec":{"replicas":3}}` prints "patched" (conformance case 8)', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 5);
    const r = kubectl(sim, `patch sts web -p '{"spec":{"replicas":3}}'`);
    expect(r).toEqual({ stdout: 'statefulset.apps/web patched\n', stderr: '', code: 0 });
    expect(sts(sim).spec.replicas).toBe(3);
  });

  it('prints "patched (no change)" when nothing changed', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3);
    expect(kubectl(sim, `patch sts web -p '{"spec":{"replicas":3}}'`).stdout).toBe(
      'statefulset.apps/web patched (no change)\n',
    );
  });

  it('accepts YAML and merges containers by name', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3);
    kubectl(
      sim,
      `patch sts web -p 'spec: {template: {spec: {containers: [{name: nginx, image: "registry.k8s.io/nginx-slim:0.9"}]}}}'`,
    );
    expect(sts(sim).spec.template.spec.containers).toMatchObject([
      { name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.9' },
    ]);
  });

  it('--type json replaces by position ("set image" of the conformance cases)', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3);
    const r = kubectl(
      sim,
      `patch sts web --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"registry.k8s.io/nginx-slim:0.9"}]'`,
    );
    expect(r.stdout).toBe('statefulset.apps/web patched\n');
    expect(sts(sim).spec.template.spec.containers[0].image).toBe('registry.k8s.io/nginx-slim:0.9');
  });

  it('--type merge replaces lists whole (partition patch of case 26)', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3);
    const r = kubectl(
      sim,
      `patch sts web --type merge -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}}'`,
    );
    expect(r.stdout).toBe('statefulset.apps/web patched\n');
  });

  it('errors are the real texts and change nothing', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3);
    const before = stateText(sim);
    expect(kubectl(sim, 'patch sts web').stderr).toBe(
      'error: must specify --patch or --patch-file containing the contents of the patch\n',
    );
    expect(kubectl(sim, `patch sts web --type=bogus -p '{}'`).stderr).toBe(
      'error: --type must be one of [json merge strategic], not "bogus"\n',
    );
    expect(
      kubectl(sim, `patch sts web --type=json -p '[{"op":"remove","path":"/spec/nothing"}]'`).stderr,
    ).toBe('The request is invalid: the server rejected our request due to an error in our request\n');
    expect(kubectl(sim, `patch sts web --type=json -p '{"op":"remove"}'`).stderr).toBe(
      'Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n',
    );
    expect(
      kubectl(sim, `patch sts web -p '{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}'`).stderr,
    ).toBe('Error from server: map: map[image:x] does not contain declared merge key: name\n');
    expect(kubectl(sim, `patch sts nope -p '{}'`).stderr).toBe(
      'Error from server (NotFound): statefulsets.apps "nope" not found\n',
    );
    expect(stateText(sim)).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { addPod, addStatefulSet, bareSim, kubectl, stateText } from './verbTestKit.ts';

describe('kubectl scale', () => {
  it('scales a StatefulSet and prints "statefulset.apps/web scaled" (kubectl-output §4)', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3);
    const r = kubectl(sim, 'scale sts web --replicas=5');
    expect(r).toEqual({ stdout: 'statefulset.apps/web scaled\n', stderr: '', code: 0 });
    expect(sim.store.get('StatefulSet', 'default', 'web')?.spec.replicas).toBe(5);
  });

  it('accepts TYPE/NAME and prints "scaled" even when the count is unchanged', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3);
    expect(kubectl(sim, 'scale statefulset/web --replicas 3').stdout).toBe('statefulset.apps/web scaled\n');
  });

  it('requires --replicas (cobra required flag) and rejects negative counts, changing nothing', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3);
    const before = stateText(sim);
    expect(kubectl(sim, 'scale sts web')).toEqual({
      stdout: '',
      stderr: 'error: required flag(s) "replicas" not set\n',
      code: 1,
    });
    expect(kubectl(sim, 'scale sts web --replicas=-1').stderr).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    );
    expect(stateText(sim)).toBe(before);
  });

  it('--current-replicas is a precondition', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3);
    const before = stateText(sim);
    expect(kubectl(sim, 'scale sts web --current-replicas=2 --replicas=1').stderr).toBe(
      'error: Expected replicas to be 2, was 3\n',
    );
    expect(stateText(sim)).toBe(before);
    expect(kubectl(sim, 'scale sts web --current-replicas=3 --replicas=1').stdout).toBe(
      'statefulset.apps/web scaled\n',
    );
  });

  it('a missing set is NotFound; a kind without a scale subresource is refused', () => {
    const sim = bareSim();
    addPod(sim, 'web-0');
    const before = stateText(sim);
    expect(kubectl(sim, 'scale sts nope --replicas=1').stderr).toBe(
      'Error from server (NotFound): statefulsets.apps "nope" not found\n',
    );
    expect(kubectl(sim, 'scale pod web-0 --replicas=1').stderr).toBe(
      'Error from server (NotFound): the server could not find the requested resource\n',
    );
    expect(kubectl(sim, 'scale sts --replicas=1').stderr).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    );
    expect(stateText(sim)).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { addPod, addStatefulSet, bareSim, kubectl, stateText } from './verbTestKit.ts';

describe('kubectl set image', () => {
  it('updates the template image and prints "statefulset.apps/web image updated"', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3);
    const r = kubectl(sim, 'set image sts/web nginx=registry.k8s.io/nginx-slim:0.9');
    expect(r).toEqual({ stdout: 'statefulset.apps/web image updated\n', stderr: '', code: 0 });
    expect(sim.store.get('StatefulSet', 'default', 'web')?.spec.template.spec.containers[0].image).toBe(
      'registry.k8s.io/nginx-slim:0.9',
    );
  });

  it('prints nothing when the image is already that one', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3);
    expect(kubectl(sim, 'set image statefulset web nginx=registry.k8s.io/nginx-slim:0.8')).toEqual({
      stdout: '',
      stderr: '',
      code: 0,
    });
  });

  it('sets a pod container image too, and * means every container', () => {
    const sim = bareSim();
    addPod(sim, 'web-0');
    expect(kubectl(sim, 'set image pod/web-0 *=nginx:1.27').stdout).toBe('pod/web-0 image updated\n');
  });

  it('unknown container and missing pairs are errors that change nothing', () => {
    const sim = bareSim();
    addStatefulSet(sim, 'web', 3);
    const before = stateText(sim);
    expect(kubectl(sim, 'set image sts/web mariadb=mariadb:11.4')).toEqual({
      stdout: '',
      stderr: 'error: unable to find container named "mariadb"\n',
      code: 1,
    });
    expect(kubectl(sim, 'set image sts/web').stderr).toBe('error: at least one image update is required\n');
    expect(stateText(sim)).toBe(before);
  });
});

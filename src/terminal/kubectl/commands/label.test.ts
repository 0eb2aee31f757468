import { describe, expect, it } from 'vitest';
import { addPod, bareSim, kubectl, stateText } from './verbTestKit.ts';

const labels = (sim: ReturnType<typeof bareSim>) => sim.store.get('Pod', 'default', 'web-0')?.metadata.labels;
const annotations = (sim: ReturnType<typeof bareSim>) =>
  sim.store.get('Pod', 'default', 'web-0')?.metadata.annotations;

describe('kubectl label', () => {
  it('adds a label: "pod/web-0 labeled"', () => {
    const sim = bareSim();
    addPod(sim, 'web-0');
    expect(kubectl(sim, 'label pod web-0 tier=db')).toEqual({
      stdout: 'pod/web-0 labeled\n',
      stderr: '',
      code: 0,
    });
    expect(labels(sim)).toEqual({ app: 'nginx', tier: 'db' });
  });

  it('refuses to change a value without --overwrite, allows it with', () => {
    const sim = bareSim();
    addPod(sim, 'web-0');
    const before = stateText(sim);
    expect(kubectl(sim, 'label pod web-0 app=web').stderr).toBe(
      "error: 'app' already has a value (nginx), and --overwrite is false\n",
    );
    expect(stateText(sim)).toBe(before);
    expect(kubectl(sim, 'label pod web-0 app=web --overwrite').stdout).toBe('pod/web-0 labeled\n');
    expect(labels(sim)).toEqual({ app: 'web' });
  });

  it('key- removes ("unlabeled"), a missing key says not found, same value is "not labeled"', () => {
    const sim = bareSim();
    addPod(sim, 'web-0');
    expect(kubectl(sim, 'label pod web-0 app-').stdout).toBe('pod/web-0 unlabeled\n');
    expect(labels(sim)).toEqual({});
    expect(kubectl(sim, 'label pod web-0 app-').stdout).toBe(
      'label "app" not found.\npod/web-0 not labeled\n',
    );
  });

  it('argument errors', () => {
    const sim = bareSim();
    addPod(sim, 'web-0');
    const before = stateText(sim);
    expect(kubectl(sim, 'label pod web-0').stderr).toBe('error: at least one label update is required\n');
    expect(kubectl(sim, 'label pod a=b web-0').stderr).toBe(
      'error: all resources must be specified before label changes: web-0\n',
    );
    expect(kubectl(sim, 'label pod web-0 a=b a-').stderr).toBe(
      'error: can not both modify and remove a label in the same command\n',
    );
    expect(kubectl(sim, 'label pod nope a=b').stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
    expect(stateText(sim)).toBe(before);
  });
});

describe('kubectl annotate', () => {
  it('adds and removes annotations, always printing "annotated"', () => {
    const sim = bareSim();
    addPod(sim, 'web-0');
    expect(kubectl(sim, 'annotate pod web-0 note=hello').stdout).toBe('pod/web-0 annotated\n');
    expect(annotations(sim)).toEqual({ note: 'hello' });
    expect(kubectl(sim, 'annotate pod web-0 note-').stdout).toBe('pod/web-0 annotated\n');
    expect(annotations(sim)).toEqual({});
  });

  it('--overwrite rule in annotate words', () => {
    const sim = bareSim();
    addPod(sim, 'web-0');
    kubectl(sim, 'annotate pod web-0 note=a');
    expect(kubectl(sim, 'annotate pod web-0 note=b').stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (a)\n",
    );
    expect(kubectl(sim, 'annotate pod web-0').stderr).toBe(
      'error: at least one annotation update is required\n',
    );
  });
});

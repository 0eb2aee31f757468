import { describe, expect, it } from 'vitest';
import { createSimulation } from '../core/simulation/createSimulation.ts';
import { kubectlCommand } from '../terminal/kubectl/kubectlCommand.ts';
import { runScript } from '../terminal/shell/session.ts';
import { inspectYaml } from './inspect.ts';

describe('the inspector', () => {
  it('shows what `kubectl get -o yaml` prints in the terminal, byte for byte', async () => {
    const sim = createSimulation({ seed: 0 });
    const captured = inspectYaml(sim, 'Namespace', 'default');
    const screen = await runScript(['kubectl get namespace default -o yaml'], {
      seed: 0,
      commands: [kubectlCommand],
    });
    expect(captured.status).toBe(0);
    expect(screen).toBe(`$ kubectl get namespace default -o yaml\n${captured.stdout}${captured.stderr}`);
  });

  it('reports a missing object with kubectl’s error and changes nothing', () => {
    const sim = createSimulation({ seed: 0 });
    const before = JSON.stringify(sim.snapshot());
    const captured = inspectYaml(sim, 'Pod', 'nope');
    expect(captured.stderr).toContain('"nope" not found');
    expect(captured.status).not.toBe(0);
    expect(JSON.stringify(sim.snapshot())).toBe(before);
  });
});

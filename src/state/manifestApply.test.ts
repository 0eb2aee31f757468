import { describe, expect, it } from 'vitest';
import { createSimulation } from '../core/simulation/createSimulation.ts';
import { kubectlCommand } from '../terminal/kubectl/kubectlCommand.ts';
import { Session } from '../terminal/shell/session.ts';
import { createAppStore } from './createAppStore.ts';
import { applyLines, applyOutput, heredocDelimiter } from './manifestApply.ts';

const manifest = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n';

describe('applying the editor’s manifest', () => {
  it('picks a delimiter that no manifest line equals', () => {
    expect(heredocDelimiter(manifest)).toBe('EOF');
    expect(heredocDelimiter('a\nEOF\nEOF1\n')).toBe('EOF2');
  });

  it('types a quoted here-document into kubectl apply and creates the object', () => {
    const sim = createSimulation({ seed: 0 });
    const session = new Session({ sim, commands: [kubectlCommand] });
    const { store } = createAppStore({ getSim: () => session.sim, session });
    const lines = applyLines(manifest);
    expect(lines[0]).toBe("kubectl apply -f - <<'EOF'");
    for (const l of lines) store.getState().submitCommand(l);
    const text = store
      .getState()
      .terminal.chunks.map((c) => c.text)
      .join('');
    expect(text).toContain('> kind: Namespace\n');
    expect(sim.store.get('Namespace', undefined, 'team-a')).toBeDefined();
    expect(applyOutput(text, lines, '$ ')).toBe('namespace/team-a created\n');
  });
});

/** Ctrl-C in a pod's shell goes to that shell, as the pod's terminal sends it SIGINT: bash drops the line. */
import { describe, expect, it } from 'vitest';
import { HOST_COMMANDS } from '../commands.ts';
import { Session } from '../shell/session.ts';

function interactive() {
  const s = new Session({ seed: 0, commands: HOST_COMMANDS, headless: false });
  let out = '';
  s.onOutput((t) => {
    out += t;
  });
  return { s, screen: () => out };
}

describe('Ctrl-C inside kubectl run -it', () => {
  it('keeps the pod shell running and shows a fresh prompt', () => {
    const { s, screen } = interactive();
    s.submitLine('kubectl run -it c --image=ubuntu:22.04 -- bash');
    for (let i = 0; i < 120 && s.currentPrompt !== 'root@c:/# '; i++) {
      s.sim.advance(1000);
      s.tick();
    }
    expect(s.currentPrompt).toBe('root@c:/# ');
    s.interrupt();
    expect(s.currentPrompt).toBe('root@c:/# ');
    s.submitLine('hostname');
    expect(screen()).toContain('root@c:/# ^C\nroot@c:/# hostname\nc\n');
    s.submitLine('exit');
    expect(s.currentPrompt).toBe('$ ');
  });

  it('still ends a host command such as a watch', () => {
    const { s } = interactive();
    s.submitLine('kubectl get pods -A -w');
    expect(s.isBusy).toBe(true);
    s.interrupt();
    expect(s.currentPrompt).toBe('$ ');
  });
});

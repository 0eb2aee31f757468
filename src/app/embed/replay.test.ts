/**
 * A shared link reproduces the cluster: actions recorded in one lab, encoded, decoded and replayed on a
 * new lab with the same seed give the same cluster state, byte for byte, and the same terminal screen,
 * however the first lab's clock moved (frames of odd sizes, single steps, commands that waited).
 */
import { describe, expect, it } from 'vitest';
import { createEmbeddedLab, type EmbeddedLab, runLinesToCompletion } from './embeddedLab.ts';
import { replayActions } from './replay.ts';
import { decodeShareState, encodeShareState, type ShareState } from './shareState.ts';

const screen = (lab: EmbeddedLab) =>
  lab.app.store
    .getState()
    .terminal.chunks.map((c) => c.text)
    .join('');

function shareOf(lab: EmbeddedLab, seed: number): ShareState {
  return { v: 1, seed, actions: lab.recorder.actions(), t: lab.app.host.getSim().now };
}

async function replayed(link: string): Promise<EmbeddedLab> {
  const decoded = decodeShareState(link);
  if (!decoded.ok) throw new Error(decoded.reason);
  const lab = createEmbeddedLab({ seed: decoded.state.seed, scenario: null });
  const r = await replayActions(
    {
      getSim: () => lab.app.host.getSim(),
      session: lab.recorder.session,
      step: () => lab.app.store.getState().stepOnce(),
      flush: () => lab.app.bridge.flush(),
    },
    decoded.state.actions,
    decoded.state.t,
  );
  expect(r.stopped).toBeUndefined();
  lab.app.bridge.flush();
  return lab;
}

describe('share links replay the lab', () => {
  it('reproduces the cluster and the screen after typing, waiting, frames and single steps', async () => {
    const lab = createEmbeddedLab({ seed: 7, scenario: null });
    const s = () => lab.app.store.getState();
    runLinesToCompletion(lab.app, ['minikube addons enable csi-hostpath-driver']);
    s().submitCommand('kubectl apply -f minimal-sts.yaml');
    // the page's frames: uneven real-time slices of virtual time
    for (const dt of [16, 250, 33, 1000, 17, 4000, 90]) s().skip(dt);
    s().stepOnce();
    s().stepOnce();
    s().submitCommand('sleep 2');
    for (let i = 0; i < 40; i++) s().skip(77);
    s().submitCommand('kubectl scale sts mariadb-sts --replicas=2');
    s().submitCommand('kubectl get pods -w');
    for (let i = 0; i < 30; i++) s().skip(1000);
    s().interruptCommand();
    s().skip(12_345);
    s().submitCommand('kubectl get pods');

    // the log holds every kind of action this test made: typed lines, resumed waits, steps, Ctrl-C
    expect(new Set(lab.recorder.actions().map((a) => a[0]))).toEqual(new Set(['c', 'k', 's', 'i']));
    const link = encodeShareState(shareOf(lab, 7));
    const copy = await replayed(link);
    expect(JSON.stringify(copy.app.host.getSim().snapshot())).toBe(
      JSON.stringify(lab.app.host.getSim().snapshot()),
    );
    expect(screen(copy)).toBe(screen(lab));
    // the replayed lab records the same actions, so sharing it again gives the same link
    expect(encodeShareState(shareOf(copy, 7))).toBe(link);
    // and it really ran: the set exists with the pods the learner asked for
    expect(copy.app.host.getSim().state.objects.StatefulSet?.['default/mariadb-sts']).toBeDefined();
  });

  it('stops with a reason when a recorded line cannot be typed, keeping what was replayed', async () => {
    const lab = createEmbeddedLab({ seed: 1, scenario: null });
    const r = await replayActions(
      {
        getSim: () => lab.app.host.getSim(),
        session: lab.recorder.session,
        step: () => lab.app.store.getState().stepOnce(),
      },
      [
        ['c', 0, 'sleep 100'],
        ['c', 10, 'kubectl get pods'],
      ],
      20,
    );
    expect(r).toEqual({ applied: 1, stopped: expect.stringMatching(/did not accept a recorded line/) });
  });
});

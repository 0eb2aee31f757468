import { describe, expect, it } from 'vitest';
import { createSimulation } from '../core/simulation/createSimulation.ts';
import { Session } from '../terminal/shell/session.ts';
import { TOOL_COMMANDS } from '../terminal/shell/tools.ts';
import { createAppStore } from './createAppStore.ts';
import { MAX_FRAME_MS, virtualDelta } from './slices/playbackSlice.ts';
import { FakeSession } from './testing.ts';

const ns = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

describe('the app store and its bridge', () => {
  it('batches many watch events into one setState per flush', () => {
    const sim = createSimulation({ seed: 1 });
    const { store, bridge } = createAppStore({ getSim: () => sim });
    let notifications = 0;
    store.subscribe(() => notifications++);
    for (const n of ['a', 'b', 'c', 'd']) sim.api.create(ns(n));
    expect(notifications).toBe(0);
    const before = store.getState().clusterVersion;
    bridge.flush();
    expect(notifications).toBe(1);
    expect(store.getState().clusterVersion).toBe(before + 1);
    bridge.flush();
    expect(notifications).toBe(1);
  });

  it('keeps plain data: the view survives a JSON round trip unchanged', () => {
    const sim = createSimulation({ seed: 2 });
    sim.api.create(ns('team-a'));
    const { store } = createAppStore({ getSim: () => sim });
    const view = store.getState().cluster;
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('moves virtual time by real time × speed, and not at all while paused', () => {
    const sim = createSimulation({ seed: 3 });
    const session = new FakeSession();
    const { store } = createAppStore({ getSim: () => sim, session });
    store.getState().setSpeed(20);
    store.getState().frame(100);
    expect(sim.now).toBe(2000);
    expect(store.getState().now).toBe(2000);
    expect(session.ticks).toBe(1);
    store.getState().pause();
    store.getState().frame(100);
    expect(sim.now).toBe(2000);
    store.getState().play();
    store.getState().skip(10_000);
    expect(store.getState().now).toBe(12_000);
  });

  it('caps a long real frame so a sleeping tab does not jump ahead', () => {
    expect(virtualDelta(60_000, 1, false)).toBe(MAX_FRAME_MS);
    expect(virtualDelta(16, 60, false)).toBe(960);
    expect(virtualDelta(16, 60, true)).toBe(0);
  });

  it('shows the prompt, the echoed command and its output from the real terminal session', () => {
    const sim = createSimulation({ seed: 4 });
    const session = new Session({ sim, commands: TOOL_COMMANDS });
    const { store } = createAppStore({ getSim: () => session.sim, session });
    expect(store.getState().terminal.prompt).toBe('$ ');
    expect(store.getState().submitCommand('echo hi')).toBe(true);
    const text = store
      .getState()
      .terminal.chunks.map((c) => c.text)
      .join('');
    expect(text).toBe('$ echo hi\nhi\n$ ');
    expect(store.getState().terminal.history).toEqual(['echo hi']);
  });

  it('lets a sleeping command finish only when playback moves virtual time', () => {
    const sim = createSimulation({ seed: 9 });
    const session = new Session({ sim, commands: TOOL_COMMANDS });
    const { store } = createAppStore({ getSim: () => session.sim, session });
    store.getState().submitCommand('sleep 5');
    expect(store.getState().terminal.busy).toBe(true);
    expect(store.getState().submitCommand('echo too early')).toBe(false);
    store.getState().setSpeed(20);
    store.getState().frame(200);
    store.getState().frame(200);
    expect(store.getState().terminal.busy).toBe(false);
    expect(store.getState().terminal.prompt).toBe('$ ');
  });

  it('prints Ctrl-C as ^C and ends the running command', () => {
    const sim = createSimulation({ seed: 5 });
    const session = new Session({ sim, commands: TOOL_COMMANDS });
    const { store } = createAppStore({ getSim: () => session.sim, session });
    store.getState().submitCommand('sleep 60');
    store.getState().interruptCommand();
    const text = store
      .getState()
      .terminal.chunks.map((c) => c.text)
      .join('');
    expect(text.endsWith('sleep 60\n^C\n$ ')).toBe(true);
    expect(store.getState().terminal.busy).toBe(false);
  });

  it('says there is no terminal rather than pretending when no session is wired', () => {
    const sim = createSimulation({ seed: 6 });
    const { store } = createAppStore({ getSim: () => sim });
    expect(store.getState().terminal.available).toBe(false);
    expect(store.getState().submitCommand('kubectl get pods')).toBe(false);
  });

  it('re-subscribes when the session replaces the cluster', () => {
    let sim = createSimulation({ seed: 7 });
    const { store, bridge } = createAppStore({ getSim: () => sim });
    sim = createSimulation({ seed: 7 });
    sim.api.create(ns('fresh'));
    bridge.flush();
    const v = store.getState().clusterVersion;
    sim.api.create(ns('later'));
    bridge.flush();
    expect(store.getState().clusterVersion).toBe(v + 1);
  });
});

describe('faults without a kubectl command', () => {
  it('calls the kubelet helper and prints a comment line saying so', () => {
    const sim = createSimulation({ seed: 8 });
    const calls: string[] = [];
    const faults = {
      failReadiness: (_s: unknown, ns: string, name: string, failing: boolean) =>
        calls.push(`ready ${ns}/${name} ${failing}`),
      crashContainer: (_s: unknown, ns: string, name: string) => calls.push(`crash ${ns}/${name}`),
    };
    const { store } = createAppStore({ getSim: () => sim, session: new FakeSession(), faults });
    expect(store.getState().faultsAvailable).toBe(true);
    store.getState().setReadinessFailing('default', 'web-0', true, 'lab: web-0 readiness fails');
    store.getState().crashContainer('default', 'web-1', 'lab: web-1 crashed');
    expect(calls).toEqual(['ready default/web-0 true', 'crash default/web-1']);
    expect(
      store
        .getState()
        .terminal.chunks.map((c) => c.text)
        .join(''),
    ).toBe('$ # lab: web-0 readiness fails\n$ # lab: web-1 crashed\n$ ');
  });
});

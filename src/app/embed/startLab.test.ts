/**
 * Starting the page from its URL: a lesson's setup, a shared link that rebuilds the same cluster and
 * progress, and a clean start with a message for a corrupt link, a malformed lesson or corrupt storage.
 */
import { describe, expect, it } from 'vitest';
import { autosaveKey, type StorageLike, saveLab } from './autosave.ts';
import { encodeShareState, encodeText } from './shareState.ts';
import { startLab } from './startLab.ts';

const memory = (): StorageLike => {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
};
const snapshotOf = (s: Awaited<ReturnType<typeof startLab>>) =>
  JSON.stringify(s.lab.app.host.getSim().snapshot());

describe('starting the lab from its URL', () => {
  it('opens a shipped lesson on the cluster its setup builds, at the step asked for', async () => {
    const s = await startLab({ search: '?lesson=rolling-update&step=2&speed=20', hash: '' });
    expect(s.notices).toEqual([]);
    expect(s.lesson?.id).toBe('rolling-update');
    expect(s.session?.progress()).toMatchObject({ step: 1 });
    expect(s.lab.app.store.getState().speed).toBe(20);
    const pods = Object.keys(s.lab.app.host.getSim().state.objects.Pod ?? {}).filter((k) =>
      k.startsWith('default/'),
    );
    expect(pods.sort()).toEqual(['default/mariadb-sts-0', 'default/mariadb-sts-1', 'default/mariadb-sts-2']);
    // the setup was typed where the learner can see it
    const screen = s.lab.app.store
      .getState()
      .terminal.chunks.map((c) => c.text)
      .join('');
    for (const line of s.lesson?.setup ?? []) expect(screen).toContain(line);
  });

  it('rebuilds the same cluster and lesson progress from a shared link', async () => {
    const a = await startLab({ search: '?lesson=rolling-update', hash: '' });
    const st = () => a.lab.app.store.getState();
    st().submitCommand(
      `kubectl patch sts mariadb-sts -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}}}}'`,
    );
    for (let i = 0; i < 20; i++) st().skip(250);
    a.session?.evaluate();
    a.session?.answer('at-or-above');
    expect(a.session?.progress()).toMatchObject({ step: 0, stepDone: true });
    a.session?.next();
    const link = encodeShareState(a.shareState());

    const b = await startLab({ search: '?lesson=rolling-update', hash: `#lab=${link}` });
    expect(b.notices).toEqual([{ key: 'lab.sharedRestored' }]);
    expect(snapshotOf(b)).toBe(snapshotOf(a));
    expect(b.session?.progress()).toEqual(a.session?.progress());
  });

  it('starts clean, with a message, from a corrupt link', async () => {
    const s = await startLab({ search: '', hash: '#lab=not*base64' });
    expect(s.notices).toEqual([{ key: 'lab.badLink', details: ['the link is not valid base64url text'] }]);
    expect(s.lab.recorder.actions()).toEqual([]);
    expect(s.lab.app.host.getSim().state.objects.StatefulSet ?? {}).toEqual({});
  });

  it('starts without the lesson, listing what is wrong, for a malformed lesson', async () => {
    const bad = encodeText('id: Bad Id\norder: 1\nsteps: []\n');
    const s = await startLab({ search: `?lessonData=${bad}`, hash: '' });
    expect(s.lesson).toBeUndefined();
    expect(s.notices[0]?.key).toBe('lesson.invalid');
    expect(s.notices[0]?.details?.join('\n')).toMatch(/^id: must be lower-case/m);
  });

  it('restores autosaved work, and discards corrupt saves with a message', async () => {
    const storage = memory();
    saveLab(storage, autosaveKey(undefined), {
      v: 1,
      seed: 0,
      actions: [['c', 0, 'echo saved-before']],
      t: 5000,
    });
    const s = await startLab({ search: '', hash: '', storage });
    expect(s.notices).toEqual([{ key: 'lab.restored' }]);
    expect(s.lab.app.host.getSim().now).toBe(5000);
    storage.setItem(autosaveKey(undefined), '{"v":1,"seed":"x"}');
    const c = await startLab({ search: '', hash: '', storage });
    expect(c.notices.map((n) => n.key)).toEqual(['lab.badSave']);
    expect(storage.getItem(autosaveKey(undefined))).toBeNull();
  });

  it('leaves work saved on another starting point alone', async () => {
    const storage = memory();
    saveLab(storage, autosaveKey(undefined), { v: 1, seed: 3, actions: [], t: 5000 });
    const s = await startLab({ search: '?seed=4', hash: '', storage });
    expect(s.notices).toEqual([]);
    expect(s.lab.app.host.getSim().now).toBe(0);
    expect(storage.getItem(autosaveKey(undefined))).not.toBeNull();
  });

  it('ignores autosave when the page asks it to', async () => {
    const storage = memory();
    saveLab(storage, autosaveKey(undefined), { v: 1, seed: 0, actions: [], t: 5000 });
    const s = await startLab({ search: '?autosave=0', hash: '', storage });
    expect(s.notices).toEqual([]);
    expect(s.lab.app.host.getSim().now).toBe(0);
  });
});

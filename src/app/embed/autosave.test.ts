/** Autosave to browser storage: per-lesson keys, corrupt data removed with a message, a refusing storage survived. */
import { describe, expect, it } from 'vitest';
import { autosaveKey, clearLab, loadLab, type StorageLike, saveLab } from './autosave.ts';
import type { ShareState } from './shareState.ts';

function memoryStorage(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const state: ShareState = {
  v: 1,
  seed: 4,
  lesson: 'chapter',
  actions: [['c', 0, 'minikube start']],
  t: 1500,
};

describe('autosave', () => {
  it('saves and restores per lesson', () => {
    const st = memoryStorage();
    expect(saveLab(st, autosaveKey('chapter'), state)).toBe(true);
    expect(loadLab(st, autosaveKey('chapter'))).toEqual({ kind: 'ok', state });
    expect(loadLab(st, autosaveKey(undefined))).toEqual({ kind: 'none' });
    clearLab(st, autosaveKey('chapter'));
    expect(loadLab(st, autosaveKey('chapter'))).toEqual({ kind: 'none' });
  });

  it('reports corrupt or tampered data and removes it, so the next visit starts clean', () => {
    const st = memoryStorage();
    const key = autosaveKey('chapter');
    st.setItem(key, '{"v":1,');
    expect(loadLab(st, key)).toEqual({ kind: 'corrupt', reason: 'the saved data is not JSON' });
    expect(st.map.has(key)).toBe(false);
    st.setItem(key, JSON.stringify({ ...state, actions: [['c', 'soon', 'x']] }));
    expect(loadLab(st, key).kind).toBe('corrupt');
    expect(loadLab(st, key)).toEqual({ kind: 'none' });
  });

  it('survives a storage that refuses to work', () => {
    const broken: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(saveLab(broken, 'k', state)).toBe(false);
    expect(loadLab(broken, 'k')).toEqual({ kind: 'none' });
    expect(() => clearLab(broken, 'k')).not.toThrow();
  });
});

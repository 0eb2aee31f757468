/**
 * Keeping work in this browser: the lab's share state (shareState.ts) saved under a key per lesson,
 * read back on the next visit, and cleared on reset. Storage is passed in (localStorage in the page, a
 * map in tests); a full or blocked storage only means nothing is saved. What is read back is validated
 * like a share link: corrupt or tampered data is removed and reported, and the lab starts clean.
 */
import { type ShareState, validateShareState } from './shareState.ts';

/** The part of the Web Storage API used here. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type LoadResult =
  | { kind: 'none' }
  | { kind: 'ok'; state: ShareState }
  | { kind: 'corrupt'; reason: string };

/** The storage key for work on a lesson (or on the free lab). */
export function autosaveKey(lessonId: string | undefined): string {
  return `statefulset-lab:autosave:v1:${lessonId ?? 'free'}`;
}

/** Saves the state; false when storage refused (quota, privacy mode). */
export function saveLab(storage: StorageLike, key: string, state: ShareState): boolean {
  try {
    storage.setItem(key, JSON.stringify(state));
    return true;
  } catch {
    return false;
  }
}

/** Reads the saved state. Corrupt data is removed so the next visit starts clean without a message. */
export function loadLab(storage: StorageLike, key: string): LoadResult {
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return { kind: 'none' };
  }
  if (text === null) return { kind: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    clearLab(storage, key);
    return { kind: 'corrupt', reason: 'the saved data is not JSON' };
  }
  const r = validateShareState(data);
  if (r.ok) return { kind: 'ok', state: r.state };
  clearLab(storage, key);
  return { kind: 'corrupt', reason: r.reason };
}

/** Forgets the saved state. */
export function clearLab(storage: StorageLike, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // storage blocked: nothing was saved either
  }
}

/** UI slice: page-wide preferences that are not cluster state (language, reduced motion, inspector tab). */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../createAppStore.ts';

export type Language = 'en' | 'ja';
export type InspectorTab = 'yaml' | 'describe';

export interface UiSlice {
  language: Language;
  reducedMotion: boolean;
  inspectorTab: InspectorTab;
  setLanguage(lang: Language): void;
  setReducedMotion(on: boolean): void;
  setInspectorTab(tab: InspectorTab): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  language: 'en',
  reducedMotion: false,
  inspectorTab: 'describe',
  setLanguage: (language) => set({ language }),
  setReducedMotion: (reducedMotion) => set({ reducedMotion }),
  setInspectorTab: (inspectorTab) => set({ inspectorTab }),
});

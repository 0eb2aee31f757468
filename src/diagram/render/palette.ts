/**
 * Colours and cues of the diagram. Revisions use the Okabe–Ito palette (safe for the common colour
 * vision deficiencies) and are always doubled by text (`rev 2`) and, for pods on the update revision,
 * a hatch pattern — colour is never the only cue. Stages are told by outline style and a word.
 */
import type { PodStage } from '../../state/podStatus.ts';

/** Okabe & Ito (2008) "Color Universal Design" palette, without black. */
export const REVISION_COLOURS = ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#0072B2', '#D55E00', '#F0E442'];

/** The fill colour of a revision number (1-based); grey when unknown. */
export function revisionColour(revision: number | undefined): string {
  if (!revision || revision < 1) return '#bbbbbb';
  return REVISION_COLOURS[(revision - 1) % REVISION_COLOURS.length];
}

/** Outline dash pattern per stage: dashed while pending, dotted while creating, solid once running. */
export function stageDash(stage: PodStage | undefined): string {
  switch (stage) {
    case 'pending':
      return '6 4';
    case 'creating':
      return '2 3';
    case 'terminating':
      return '10 3 2 3';
    default:
      return '';
  }
}

/** Outline width per stage: thick once Ready or failed, so the state reads without colour. */
export function stageStrokeWidth(stage: PodStage | undefined): number {
  return stage === 'ready' || stage === 'failed' ? 3 : 1.5;
}

/** A short symbol per stage, drawn before the status text. */
export function stageSymbol(stage: PodStage | undefined): string {
  switch (stage) {
    case 'ready':
      return '✓';
    case 'failed':
      return '✗';
    case 'terminating':
      return '↓';
    case 'pending':
    case 'creating':
      return '…';
    default:
      return '○';
  }
}

/**
 * An hourglass, 10 × 12 units from the origin: what the diagram draws next to "waiting" (an SVG path,
 * because the emoji ⏳ needs an emoji font that many machines lack).
 */
export const WAIT_ICON_PATH = 'M0 0h10v1.5L6.5 6l3.5 4.5V12H0v-1.5L3.5 6 0 1.5z';

/** Base duration of one diagram transition at 1x: slow enough to follow a pod's change. */
export const BASE_TRANSITION_MS = 700;

/** The transition duration at a playback speed; 0 when the learner prefers reduced motion. */
export function transitionMs(speed: number, reducedMotion: boolean): number {
  if (reducedMotion) return 0;
  return Math.round(BASE_TRANSITION_MS / Math.max(1, speed));
}

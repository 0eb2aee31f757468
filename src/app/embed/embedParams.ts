/**
 * The URL parameters that choose how the lab opens, for course pages that embed it in an iframe and
 * for shared links. All optional; a bad value is ignored with a problem text (shown to the learner),
 * never an error page. The documented list is docs/EMBEDDING.md.
 *
 *   ?embed=1            compact layout for an iframe (no header; panels stacked)
 *   ?lesson=ID          open a shipped lesson (e.g. `chapter`, `rolling-update`)
 *   ?lessonData=B64     open a lesson given inline: base64url of its YAML or JSON
 *   ?step=N             start the lesson at step N (1-based)
 *   ?lang=ja|en         language (else the browser's)
 *   ?panels=a,b,...     which panels to show: lesson, terminal, diagram, controls, editor, inspector,
 *                       timeline, playback
 *   ?speed=1|5|20|60    playback speed (virtual seconds per real second)
 *   ?seed=N             the cluster's random seed
 *   ?scenario=NAME      a named starting cluster (app/scenarios.ts)
 *   ?manifest=NAME|B64  a manifest applied before the learner begins: a built-in example's name, or
 *                       base64url of YAML
 *   ?autosave=0         do not save to or restore from this browser's storage
 *   ?parentOrigin=URL   the only origin progress events are posted to (default: any, "*")
 *   #lab=B64            a shared lab (see shareState.ts); takes precedence over autosave
 */
import { decodeText } from './shareState.ts';

export const PANELS = [
  'lesson',
  'terminal',
  'diagram',
  'controls',
  'editor',
  'inspector',
  'timeline',
  'playback',
] as const;
export type Panel = (typeof PANELS)[number];

export const EMBED_SPEEDS = [1, 5, 20, 60] as const;

export interface EmbedParams {
  embed: boolean;
  lesson?: string;
  /** the text of a lesson given inline (still to be validated) */
  lessonData?: string;
  /** 0-based step to start at */
  step?: number;
  /** panels to show; undefined = all */
  panels?: Panel[];
  speed?: (typeof EMBED_SPEEDS)[number];
  /** a manifest to apply before the learner begins (YAML text) */
  manifest?: string;
  autosave: boolean;
  parentOrigin?: string;
  /** the encoded shared lab from the fragment, still to be decoded */
  share?: string;
}

/** Parsed parameters, and one problem text per value that was ignored. */
export interface ParsedParams {
  params: EmbedParams;
  problems: string[];
}

/**
 * Reads `search` (`?a=b`) and `hash` (`#lab=...`). `builtinFile` resolves a built-in example by name.
 * Pure: no access to the page.
 */
export function parseEmbedParams(
  search: string,
  hash: string,
  builtinFile: (name: string) => string | undefined,
): ParsedParams {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const params: EmbedParams = {
    embed: q.get('embed') === '1' || q.get('embed') === 'true',
    autosave: q.get('autosave') !== '0',
  };

  const lesson = q.get('lesson');
  if (lesson !== null) {
    if (/^[a-z0-9][a-z0-9-]{0,62}$/.test(lesson)) params.lesson = lesson;
    else problems.push(`lesson: "${lesson.slice(0, 80)}" is not a lesson id`);
  }
  const lessonData = q.get('lessonData');
  if (lessonData !== null) {
    const text = decodeText(lessonData);
    if (text === undefined) problems.push('lessonData: not valid base64url text');
    else params.lessonData = text;
  }
  const step = q.get('step');
  if (step !== null) {
    const n = Number(step);
    if (Number.isInteger(n) && n >= 1 && n <= 1000) params.step = n - 1;
    else problems.push(`step: "${step.slice(0, 20)}" is not a step number (1, 2, ...)`);
  }
  const panels = q.get('panels');
  if (panels !== null) {
    const names = panels
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const known = names.filter((p): p is Panel => (PANELS as readonly string[]).includes(p));
    const unknown = names.filter((p) => !(PANELS as readonly string[]).includes(p));
    if (unknown.length > 0)
      problems.push(`panels: unknown ${unknown.map((u) => `"${u.slice(0, 30)}"`).join(', ')}`);
    if (known.length > 0) params.panels = known;
  }
  const speed = q.get('speed');
  if (speed !== null) {
    const n = Number(speed);
    const ok = EMBED_SPEEDS.find((s) => s === n);
    if (ok !== undefined) params.speed = ok;
    else problems.push(`speed: "${speed.slice(0, 20)}" is not one of ${EMBED_SPEEDS.join(', ')}`);
  }
  const manifest = q.get('manifest');
  if (manifest !== null) {
    const builtin = builtinFile(manifest);
    const text = builtin ?? decodeText(manifest);
    if (text === undefined || text.trim() === '')
      problems.push('manifest: neither a built-in example nor base64url YAML');
    else params.manifest = text;
  }
  const origin = q.get('parentOrigin');
  if (origin !== null) {
    try {
      const u = new URL(origin);
      if (u.protocol === 'http:' || u.protocol === 'https:') params.parentOrigin = u.origin;
      else problems.push('parentOrigin: not an http(s) origin');
    } catch {
      problems.push('parentOrigin: not an origin');
    }
  }
  const h = new URLSearchParams(hash.replace(/^#/, ''));
  const share = h.get('lab');
  if (share !== null && share !== '') params.share = share;
  return { params, problems };
}

/** True when the panel is shown under these parameters. */
export function showsPanel(params: Pick<EmbedParams, 'panels'>, panel: Panel): boolean {
  return params.panels === undefined || params.panels.includes(panel);
}

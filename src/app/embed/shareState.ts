/**
 * What a share link and the autosave hold: the lab's starting point (seed, scenario, starting manifest,
 * lesson) plus every action the learner took, each at the virtual time it happened, and the virtual
 * time reached. Replaying the actions on a new lab with the same seed gives the same cluster, because
 * the simulation is deterministic (same seed + same actions at the same virtual times = same state).
 *
 * Encoded as JSON in base64url (URL-safe, no padding) so it fits in a URL fragment. Decoding never
 * throws: anything malformed, oversized or hostile comes back as a reason, and the caller starts clean.
 */
import { z } from 'zod';

/**
 * One recorded action, as a compact tuple:
 * - `['c', at, line]` a line typed at the terminal's prompt (typed, or by a control or the editor)
 * - `['i', at]` Ctrl-C
 * - `['k', at]` a moment the page's clock let a waiting command go on (sleep, watch, rollout status)
 * - `['s', at]` one single step of the controllers (the Step button)
 * - `['f', at, 'fail' | 'pass' | 'crash', namespace, name]` a fault from the diagram's controls
 */
export type LabAction =
  | ['c', number, string]
  | ['i', number]
  | ['k', number]
  | ['s', number]
  | ['f', number, 'fail' | 'pass' | 'crash', string, string];

export interface ShareState {
  v: 1;
  seed: number;
  scenario?: string;
  /** a manifest applied before the learner began (the `?manifest=` starting point) */
  manifest?: string;
  /** the shipped lesson the learner was taking, and where they were in it */
  lesson?: string;
  progress?: unknown;
  actions: LabAction[];
  /** virtual ms reached when the state was taken */
  t: number;
}

/** Bounds on what a link may ask the page to do (a hostile link must not freeze the tab). */
export const SHARE_LIMITS = {
  encodedChars: 400_000,
  actions: 5_000,
  lineChars: 20_000,
  manifestChars: 100_000,
  /** 30 virtual days */
  maxTime: 30 * 24 * 3600_000,
} as const;

const time = z.number().int().min(0).max(SHARE_LIMITS.maxTime);
const k8sName = z.string().regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/);
const action = z.union([
  z.tuple([z.literal('c'), time, z.string().max(SHARE_LIMITS.lineChars)]),
  z.tuple([z.literal('i'), time]),
  z.tuple([z.literal('k'), time]),
  z.tuple([z.literal('s'), time]),
  z.tuple([z.literal('f'), time, z.enum(['fail', 'pass', 'crash']), k8sName, k8sName]),
]);

const shareSchema = z
  .strictObject({
    v: z.literal(1),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    scenario: z.string().max(64).optional(),
    manifest: z.string().max(SHARE_LIMITS.manifestChars).optional(),
    lesson: z.string().max(64).optional(),
    progress: z.unknown().optional(),
    actions: z.array(action).max(SHARE_LIMITS.actions),
    t: time,
  })
  .refine((s) => s.actions.every((a, i) => i === 0 || a[1] >= s.actions[i - 1][1]), {
    message: 'actions are not in time order',
  });

/** The decoded state, or why it could not be read. */
export type DecodeResult = { ok: true; state: ShareState } | { ok: false; reason: string };

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Encodes text (UTF-8) as base64url. */
export function encodeText(text: string): string {
  return toBase64Url(new TextEncoder().encode(text));
}

/** Decodes base64url to text; undefined when it is not valid base64url or not UTF-8. */
export function decodeText(encoded: string): string | undefined {
  const bytes = fromBase64Url(encoded);
  if (!bytes) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The state as a base64url string. */
export function encodeShareState(state: ShareState): string {
  return encodeText(JSON.stringify(state));
}

/** Checks already-parsed data (e.g. from storage) as a share state. */
export function validateShareState(data: unknown): DecodeResult {
  const r = shareSchema.safeParse(data);
  if (r.success) return { ok: true, state: r.data as ShareState };
  const first = r.error.issues[0];
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return { ok: false, reason: `${where}${first.message}` };
}

/** Reads a base64url share state. Never throws. */
export function decodeShareState(encoded: string): DecodeResult {
  if (encoded.length > SHARE_LIMITS.encodedChars) return { ok: false, reason: 'the link is too long' };
  const text = decodeText(encoded);
  if (text === undefined) return { ok: false, reason: 'the link is not valid base64url text' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the link does not hold JSON' };
  }
  return validateShareState(data);
}

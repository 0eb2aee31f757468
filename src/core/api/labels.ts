/**
 * Label selectors: matching (apimachinery labels.Selector semantics) and parsing the `-l` syntax kubectl
 * accepts (`app=nginx`, `app!=x`, `env in (a,b)`, `!key`, `key`).
 */
import type { LabelSelector, Labels } from './types.ts';

export type Requirement =
  | { key: string; op: '=' | '!='; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!exists' };

/** True when the labels satisfy every requirement. An empty requirement list matches everything. */
export function matchesRequirements(labels: Labels | undefined, reqs: readonly Requirement[]): boolean {
  const l = labels ?? {};
  for (const r of reqs) {
    const has = Object.hasOwn(l, r.key);
    switch (r.op) {
      case '=':
        if (l[r.key] !== r.value) return false;
        break;
      case '!=':
        if (has && l[r.key] === r.value) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(l[r.key])) return false;
        break;
      case 'notin':
        if (has && r.values.includes(l[r.key])) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case '!exists':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** Converts a metav1.LabelSelector to requirements. A nil selector matches nothing: returns null. */
export function selectorRequirements(sel: LabelSelector | undefined | null): Requirement[] | null {
  if (!sel) return null;
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key, op: '=', value });
  for (const e of sel.matchExpressions ?? []) {
    if (e.operator === 'In') reqs.push({ key: e.key, op: 'in', values: e.values ?? [] });
    else if (e.operator === 'NotIn') reqs.push({ key: e.key, op: 'notin', values: e.values ?? [] });
    else if (e.operator === 'Exists') reqs.push({ key: e.key, op: 'exists' });
    else reqs.push({ key: e.key, op: '!exists' });
  }
  return reqs;
}

/** True when the labels match the LabelSelector (nil selector: false; empty selector: true). */
export function matchesSelector(labels: Labels | undefined, sel: LabelSelector | undefined | null): boolean {
  const reqs = selectorRequirements(sel);
  return reqs !== null && matchesRequirements(labels, reqs);
}

/** True when a Service-style map selector (all pairs equal) matches the labels; empty map: false. */
export function matchesMapSelector(labels: Labels | undefined, sel: Labels | undefined): boolean {
  if (!sel || Object.keys(sel).length === 0) return false;
  const l = labels ?? {};
  return Object.entries(sel).every(([k, v]) => l[k] === v);
}

/**
 * Parses kubectl's `-l` selector text. Returns the requirements, or an error text in the words of
 * apimachinery's parser (`unable to parse requirement: ...`).
 */
export function parseSelector(text: string): { reqs: Requirement[] } | { error: string } {
  const reqs: Requirement[] = [];
  const parts = splitTopLevel(text.trim());
  for (const raw of parts) {
    const p = raw.trim();
    if (p === '') continue;
    const notKey = p.match(/^!\s*([A-Za-z0-9._/-]+)$/);
    const eq = p.match(/^([A-Za-z0-9._/-]+)\s*(!=|==|=)\s*([A-Za-z0-9._-]*)$/);
    const set = p.match(/^([A-Za-z0-9._/-]+)\s+(in|notin)\s+\(([^)]*)\)$/);
    const key = p.match(/^([A-Za-z0-9._/-]+)$/);
    if (notKey) reqs.push({ key: notKey[1], op: '!exists' });
    else if (eq) reqs.push({ key: eq[1], op: eq[2] === '!=' ? '!=' : '=', value: eq[3] });
    else if (set)
      reqs.push({
        key: set[1],
        op: set[2] as 'in' | 'notin',
        values: set[3]
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== ''),
      });
    else if (key) reqs.push({ key: key[1], op: 'exists' });
    else
      return { error: `unable to parse requirement: found '${p}', expected: in, notin, =, ==, !=, gt, lt` };
  }
  return { reqs };
}

function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** `k=v,k2=v2` in key order, or `<none>` — how kubectl prints a label map. */
export function formatLabels(labels: Labels | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${(labels as Labels)[k]}`).join(',');
}

/**
 * kubectl's JSONPath templates (`-o jsonpath=...`, `--sort-by`, custom columns). Follows client-go
 * util/jsonpath (parser.go, jsonpath.go; 1.30): text outside `{}` is copied; inside, `.a.b` fields,
 * `['a']`, `[0]`, `[-1:]`, `[1:3:1]`, `[*]`, `.*`, `..name`, unions `[0,2]`, filters `[?(@.x=="y")]`
 * with == != < > <= >= and existence, quoted literals `{"\n"}`, and `{range ...}...{end}`.
 * Results of one action are printed separated by a space; maps and lists print as compact JSON.
 *
 * Deliberate differences: Go struct-field lookups and reflection corner cases (comparing an int
 * with a float) are not reproduced; a JSON null prints as nothing. Parse error texts are Go's.
 */
import { goJsonCompact } from './json.ts';
import { type ArrayParam, JsonPathError, type ListNode, type Node, Parser } from './jsonpathParser.ts';

/** A parsed template. */
export interface JsonPathTemplate {
  readonly source: string;
  readonly root: ListNode;
}

/** Parses a template; returns Go's error text (e.g. `unclosed action`) for a bad one. */
export function parseJsonPath(template: string): JsonPathTemplate | { error: string } {
  try {
    return { source: template, root: new Parser(template).parse() };
  } catch (e) {
    if (e instanceof JsonPathError) return { error: e.message };
    throw e;
  }
}

export interface JsonPathOptions {
  /** kubectl's --allow-missing-template-keys, default true: a missing field yields nothing */
  allowMissingKeys?: boolean;
}

type Value = unknown;
const isObj = (v: Value): v is Record<string, Value> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function goTypeName(v: Value): string {
  if (isObj(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return 'interface {}';
}

class Evaluator {
  constructor(private readonly allowMissing: boolean) {}
  beginRange = 0;
  endRange = 0;
  inRange = 0;

  walk(values: Value[], node: Node): Value[] {
    switch (node.t) {
      case 'list': {
        let cur = values;
        for (const n of node.nodes) cur = this.walk(cur, n);
        return cur;
      }
      case 'text':
        return [node.text];
      case 'number':
        return [node.value];
      case 'bool':
        return [node.value];
      case 'ident':
        if (node.name === 'range') this.beginRange++;
        else if (node.name === 'end') this.endRange++;
        else throw new JsonPathError(`unrecognized identifier ${node.name}`);
        return values;
      case 'field':
        return this.field(values, node.name);
      case 'wildcard':
        return values.flatMap((v) => (isObj(v) ? Object.values(v) : Array.isArray(v) ? v : []));
      case 'recursive':
        return values.flatMap((v) => descendants(v));
      case 'array':
        return values.flatMap((v) => this.array(v, node.params));
      case 'union':
        return node.lists.flatMap((l) => this.walk(values, l));
      case 'filter':
        return this.filter(values, node.left, node.right, node.op);
    }
  }

  private field(values: Value[], name: string): Value[] {
    if (values.length === 0) return [];
    const out: Value[] = [];
    for (const v of values) {
      if (isObj(v) && name in v && v[name] !== undefined && v[name] !== null) out.push(v[name]);
    }
    if (out.length === 0 && !this.allowMissing) throw new JsonPathError(`${name} is not found`);
    return out;
  }

  private array(v: Value, p: [ArrayParam, ArrayParam, ArrayParam]): Value[] {
    if (!Array.isArray(v)) throw new JsonPathError(`${goTypeName(v)} is not array or slice`);
    const len = v.length;
    let from = p[0].known ? p[0].value : 0;
    if (from < 0) from += len;
    let to = p[1].known ? p[1].value : len;
    if (to < 0 || (to === 0 && p[1].derived)) to += len;
    if (to === from) return [];
    if (from >= len || from < 0)
      throw new JsonPathError(`array index out of bounds: index ${from}, length ${len}`);
    if (to > len || to < 0)
      throw new JsonPathError(`array index out of bounds: index ${to - 1}, length ${len}`);
    if (from > to) throw new JsonPathError(`starting index ${from} is greater than ending index ${to}`);
    let step = 1;
    if (p[2].known) {
      if (p[2].value <= 0) throw new JsonPathError('step must be > 0');
      step = p[2].value;
    }
    const slice = v.slice(from, to);
    return slice.filter((_, i) => i % step === 0);
  }

  private filter(values: Value[], left: ListNode, right: ListNode, op: string): Value[] {
    const out: Value[] = [];
    for (const v of values) {
      if (!Array.isArray(v))
        throw new JsonPathError(`${goJsonCompact(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        if (op === 'exists') {
          let lefts: Value[] = [];
          try {
            lefts = this.walk([item], left);
          } catch (e) {
            if (!(e instanceof JsonPathError)) throw e;
          }
          if (lefts.length > 0) out.push(item);
          continue;
        }
        const lefts = this.walk([item], left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time');
        const rights = this.walk([item], right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathError('can only compare one element at a time');
        if (compare(lefts[0], rights[0], op)) out.push(item);
      }
    }
    return out;
  }
}

function descendants(v: Value): Value[] {
  const out: Value[] = [v];
  const kids = isObj(v) ? Object.values(v) : Array.isArray(v) ? v : [];
  for (const k of kids) out.push(...descendants(k));
  return out;
}

function compare(a: Value, b: Value, op: string): boolean {
  const sameKind =
    typeof a === typeof b && (typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean');
  if (!sameKind) throw new JsonPathError('incompatible types for comparison');
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
  if (typeof a === 'boolean') throw new JsonPathError('invalid type for comparison');
  const x = a as string | number;
  const y = b as string | number;
  switch (op) {
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    case '>=':
      return x >= y;
  }
  throw new JsonPathError(`unrecognized filter operator ${op}`);
}

/** How a single result prints: strings as is, numbers/bools Go style, maps and lists as JSON. */
function resultText(v: Value): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return goJsonCompact(v);
  return String(v);
}

/** Finds the results of every action (and text) of the template, handling range/end blocks. */
function findResults(
  ev: Evaluator,
  nodes: Node[],
  from: number,
  data: Value,
): { out: Value[][]; next: number } {
  const out: Value[][] = [];
  for (let i = from; i < nodes.length; i++) {
    const results = ev.walk([data], nodes[i]);
    if (ev.endRange > 0 && ev.endRange <= ev.inRange) {
      ev.endRange--;
      return { out, next: i + 1 };
    }
    if (ev.beginRange > 0) {
      ev.beginRange--;
      ev.inRange++;
      let next = nodes.length;
      if (results.length > 0) {
        for (const value of results) {
          const r = findResults(ev, nodes, i + 1, value);
          out.push(...r.out);
          next = r.next;
        }
      } else {
        // the body still has to be scanned to find where the block ends; its output is dropped
        next = findResults(ev, nodes, i + 1, undefined).next;
      }
      ev.inRange--;
      i = next - 1;
      continue;
    }
    out.push(results);
  }
  return { out, next: nodes.length };
}

/**
 * Runs a template on a JSON value. Returns the text kubectl prints or the execution error's text
 * (e.g. `array index out of bounds: index 5, length 3`, or `status is not found` when missing keys
 * are not allowed).
 */
export function executeJsonPath(
  tpl: JsonPathTemplate,
  data: unknown,
  options: JsonPathOptions = {},
): { text: string } | { error: string } {
  const ev = new Evaluator(options.allowMissingKeys ?? true);
  try {
    const { out } = findResults(ev, tpl.root.nodes, 0, data);
    return { text: out.map((vals) => vals.map(resultText).join(' ')).join('') };
  } catch (e) {
    if (e instanceof JsonPathError) return { error: e.message };
    throw e;
  }
}

/**
 * The values a template's first action finds (used by --sort-by and custom columns, which both
 * take one field path). Errors yield an empty list.
 */
export function findValues(tpl: JsonPathTemplate, data: unknown, options: JsonPathOptions = {}): unknown[] {
  const ev = new Evaluator(options.allowMissingKeys ?? true);
  try {
    const { out } = findResults(ev, tpl.root.nodes, 0, data);
    return out.flat();
  } catch (e) {
    if (e instanceof JsonPathError) return [];
    throw e;
  }
}

/**
 * kubectl's RelaxedJSONPathExpression: accepts `a.b`, `.a.b`, `{a.b}` or `{.a.b}` and returns
 * `{.a.b}`; anything else is an error with kubectl's text.
 */
export function relaxedJsonPath(expr: string): { path: string } | { error: string } {
  if (expr.length === 0) return { path: expr };
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) {
    return {
      error:
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    };
  }
  return { path: `{.${m[1] ?? m[2]}}` };
}

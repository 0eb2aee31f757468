/**
 * Decoding a request body (create, update) against a structural schema the way the apiserver's
 * strict JSON serializer does: sigs.k8s.io/json `UnmarshalStrict` (a fork of Go's encoding/json
 * decode.go, case-sensitive) as vendored by Kubernetes 1.30. What it reproduces:
 * - keys are visited in the order kubectl sends them (json.Marshal of a map: sorted);
 * - a value of the wrong JSON type is skipped and the FIRST such error is kept:
 *   `json: cannot unmarshal <string|number|number 1.5|bool|array|object> into Go struct field
 *   <Struct>.<json.path.without.indices> of type <go type>`; decoding goes on;
 * - IntOrString, Quantity and Time decode themselves (UnmarshalJSON): their error ends decoding at
 *   once and wins over an earlier saved one; IntOrString's errors name `int32`, Time's `string`;
 * - a `[]byte` string that is not base64 saves `illegal base64 data at input byte N`;
 * - unknown fields are strict errors `unknown field "<path with [i] indices>"`, deduplicated, at most
 *   100, reported only when there was no other error.
 * The output is the input normalised the way the Go struct would hold it: unknown fields dropped,
 * null fields dropped (Go leaves zero values, written back as absent), null list and map entries
 * replaced by the element's zero value, numeric quantities turned into strings.
 * Lab difference: Time strings are not parsed; numbers are checked as JS numbers (beyond 2^53 the
 * literal is not exact).
 */
import { base64Error } from './goBase64.ts';
import { quantityError } from './goQuantity.ts';
import { goName, type TypeNode } from './schemaTypes.ts';

/** What decoding a body found. */
export interface JsonDecodeResult {
  /** the normalised value (undefined only if the root was null) */
  value: unknown;
  /** the decode error that fails the request, if any */
  error?: string;
  /** unknown-field errors, in the order found */
  strict: string[];
}

const MAX_STRICT = 100;

interface Ctx {
  /** the Go struct whose field is being decoded ('' at the top) */
  struct: string;
  /** JSON field names from the root, without indices or map keys (Go's errorContext.FieldStack) */
  fields: string[];
  /** the strict-error path: `spec.containers[0].name` */
  path: string;
}

interface State {
  saved?: string;
  fatal?: string;
  strict: string[];
}

/** Go's description of a JSON value in UnmarshalTypeError (`number` without the literal). */
function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  return Array.isArray(v) ? 'array' : 'object';
}

function typeError(ctx: Ctx, what: string, goType: string): string {
  const where = ctx.struct ? `Go struct field ${ctx.struct}.${ctx.fields.join('.')}` : 'Go value';
  return `json: cannot unmarshal ${what} into ${where} of type ${goType}`;
}

/** Whether a JSON number literal fits a Go integer of `bits` (strconv.ParseInt + overflow). */
function fitsInt(n: number, bits: 32 | 64): boolean {
  if (!Number.isInteger(n)) return false;
  const max = bits === 32 ? 2 ** 31 : 2 ** 63;
  return n >= -max && n < max;
}

/** The zero value Go leaves in a list element or map entry decoded from null. */
function zeroOf(node: TypeNode): unknown {
  switch (node.t) {
    case 'string':
      return '';
    case 'int':
      return 0;
    case 'bool':
      return false;
    case 'struct':
      return {};
    case 'quantity':
      return '0';
    case 'intOrString':
      return 0;
    case 'bytes':
      return '';
    default:
      return null;
  }
}

const DROP = Symbol('drop');

function decodeValue(v: unknown, node: TypeNode, ctx: Ctx, st: State): unknown {
  if (st.fatal !== undefined) return DROP;
  if (v === null) return node.t === 'time' || node.t === 'open' ? null : DROP;
  const save = (what: string) => {
    st.saved ??= typeError(ctx, what, goName(node));
    return DROP;
  };
  switch (node.t) {
    case 'open':
      return v;
    case 'string':
      return typeof v === 'string' ? v : save(jsonKind(v));
    case 'bool':
      return typeof v === 'boolean' ? v : save(jsonKind(v));
    case 'int':
      if (typeof v !== 'number') return save(jsonKind(v));
      return fitsInt(v, node.bits) ? v : save(`number ${JSON.stringify(v)}`);
    case 'intOrString':
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && fitsInt(v, 32)) return v;
      st.fatal = typeError(ctx, typeof v === 'number' ? `number ${JSON.stringify(v)}` : jsonKind(v), 'int32');
      return DROP;
    case 'time':
      if (typeof v === 'string') return v;
      st.fatal = typeError(ctx, jsonKind(v), 'string');
      return DROP;
    case 'bytes': {
      // literalStore: a bad base64 string is a saved error like a type error (decoding goes on)
      if (typeof v !== 'string') return save(jsonKind(v));
      const err = base64Error(v);
      if (err !== undefined) {
        st.saved ??= err;
        return DROP;
      }
      return v.replace(/[\r\n]/g, '');
    }
    case 'quantity': {
      const text = typeof v === 'string' ? v.trim() : JSON.stringify(v);
      const err = quantityError(text);
      if (err !== undefined) {
        st.fatal = err;
        return DROP;
      }
      return typeof v === 'string' ? v : text;
    }
    case 'list': {
      if (!Array.isArray(v)) return save(jsonKind(v));
      const out: unknown[] = [];
      for (let i = 0; i < v.length; i++) {
        const item = v[i] === null ? zeroOf(node.of) : v[i];
        const r = decodeValue(item, node.of, { ...ctx, path: `${ctx.path}[${i}]` }, st);
        out.push(r === DROP ? zeroOf(node.of) : r);
      }
      return out;
    }
    case 'map': {
      if (typeof v !== 'object' || Array.isArray(v)) return save(jsonKind(v));
      const src = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(src).sort()) {
        const item = src[key] === null ? zeroOf(node.of) : src[key];
        const r = decodeValue(item, node.of, { ...ctx, path: joinKey(ctx.path, key) }, st);
        putKey(out, key, r === DROP ? zeroOf(node.of) : r);
      }
      return inOrder(src, out);
    }
    case 'struct': {
      if (typeof v !== 'object' || Array.isArray(v)) return save(jsonKind(v));
      const src = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(src).sort()) {
        const path = joinKey(ctx.path, key);
        const field = node.byName[key];
        if (!field) {
          const msg = `unknown field "${path}"`;
          if (st.strict.length < MAX_STRICT && !st.strict.includes(msg)) st.strict.push(msg);
          continue;
        }
        const child = { struct: node.name, fields: [...ctx.fields, key], path };
        const r = decodeValue(src[key], field.type, child, st);
        if (r !== DROP) putKey(out, key, r);
      }
      return inOrder(src, out);
    }
  }
}

function joinKey(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Sets an own property, even for keys such as `__proto__` that plain assignment would not store. */
export function putKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `out`'s entries in the key order of `src` (decoding visits keys sorted; storage keeps theirs). */
function inOrder(src: Record<string, unknown>, out: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(src)) if (Object.hasOwn(out, key)) putKey(ordered, key, out[key]);
  return ordered;
}

/** Decodes a JSON body into `schema`; see the file comment for the rules. */
export function decodeJsonBody(body: unknown, schema: TypeNode): JsonDecodeResult {
  const st: State = { strict: [] };
  const value = decodeValue(body, schema, { struct: '', fields: [], path: '' }, st);
  return {
    value: value === DROP ? undefined : value,
    error: st.fatal ?? st.saved,
    strict: st.strict,
  };
}

/**
 * Decoding an object produced by applying a patch, the way the apiserver's patch handler does it:
 * runtime.DefaultUnstructuredConverter.FromUnstructuredWithValidation
 * (k8s.io/apimachinery/pkg/runtime/converter.go, 1.30) on the patched map. Unlike a request body:
 * - struct fields are visited in Go declaration order and the FIRST error ends the walk;
 * - the messages are the converter's: `unrecognized type: int32` (a string or bool where a number
 *   belongs), `cannot convert int64 to string`, `cannot convert float64 to int32`,
 *   `cannot restore struct from: string`, `cannot restore slice from map`, `cannot restore map from
 *   slice`, `error decoding from json: illegal base64 data at input byte N` (a []byte string);
 *   IntOrString/Quantity/Time go through their UnmarshalJSON (`json: cannot unmarshal bool
 *   into Go value of type int32`, the quantity regex message);
 * - unknown fields are collected everywhere (`unknown field "spec.foo"`, indices as `[i]`) and
 *   sorted by message.
 * Numbers decoded from a patch are int64 when they are integers, float64 otherwise (PreserveInts).
 * The output is normalised as in jsonDecode.ts; an int64 put into an int32 wraps as Go's
 * conversion does.
 */
import { base64Error } from './goBase64.ts';
import { quantityError } from './goQuantity.ts';
import { putKey } from './jsonDecode.ts';
import { goKind, type TypeNode } from './schemaTypes.ts';

/** What converting a patched object found. */
export interface PatchDecodeResult {
  value: unknown;
  /** the conversion error that fails the request, if any */
  error?: string;
  /** unknown-field errors, sorted */
  strict: string[];
}

class ConvertError extends Error {}

/** reflect.Kind of the Go value the patch map holds for `v`. */
function sourceKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return Array.isArray(v) ? 'slice' : 'map';
}

function wrapInt(n: number, bits: 32 | 64): number {
  if (bits === 64) return n;
  const m = 2 ** 32;
  const r = (((n + 2 ** 31) % m) + m) % m;
  return r - 2 ** 31;
}

/** The error Go's encoding/json gives for a top-level JSON value into `goType`. */
function jsonValueError(v: unknown, goType: string): string {
  let what: string;
  if (typeof v === 'number') what = goType === 'int32' ? `number ${JSON.stringify(v)}` : 'number';
  else if (typeof v === 'string') what = 'string';
  else if (typeof v === 'boolean') what = 'bool';
  else what = Array.isArray(v) ? 'array' : 'object';
  return `json: cannot unmarshal ${what} into Go value of type ${goType}`;
}

function convertPrimitive(v: unknown, node: TypeNode & { t: 'string' | 'int' | 'bool' }): unknown {
  const src = sourceKind(v);
  if (node.t === 'string') {
    if (src === 'string') return v;
    if (src === 'int64') throw new ConvertError(`cannot convert int64 to ${node.go}`);
    throw new ConvertError(`unrecognized type: ${goKind(node)}`);
  }
  if (node.t === 'bool') {
    if (src === 'bool') return v;
    throw new ConvertError(`unrecognized type: ${goKind(node)}`);
  }
  if (src === 'int64') return wrapInt(v as number, node.bits);
  if (src === 'float64') {
    if (Number.isInteger(v)) return wrapInt(v as number, node.bits);
    throw new ConvertError(`cannot convert float64 to ${node.go}`);
  }
  throw new ConvertError(`unrecognized type: ${goKind(node)}`);
}

function convert(v: unknown, node: TypeNode, path: string, unknown: string[]): unknown {
  if (v === null || v === undefined) return undefined;
  switch (node.t) {
    case 'open':
      return v;
    case 'string':
    case 'int':
    case 'bool':
      return convertPrimitive(v, node);
    case 'intOrString':
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31) return v;
      throw new ConvertError(jsonValueError(v, 'int32'));
    case 'time':
      if (typeof v === 'string') return v;
      throw new ConvertError(jsonValueError(v, 'string'));
    case 'quantity': {
      const text = typeof v === 'string' ? v.trim() : JSON.stringify(v);
      const err = quantityError(text);
      if (err !== undefined) throw new ConvertError(err);
      return typeof v === 'string' ? v : text;
    }
    case 'bytes': {
      // sliceFromUnstructured: a string into []byte goes through json.Unmarshal (base64)
      if (typeof v !== 'string') throw new ConvertError(`cannot restore slice from ${sourceKind(v)}`);
      const err = base64Error(v);
      if (err !== undefined) throw new ConvertError(`error decoding from json: ${err}`);
      return v.replace(/[\r\n]/g, '');
    }
    case 'list': {
      if (!Array.isArray(v)) throw new ConvertError(`cannot restore slice from ${sourceKind(v)}`);
      return v.map((item, i) => convert(item, node.of, `${path}[${i}]`, unknown) ?? zeroOf(node.of));
    }
    case 'map': {
      if (sourceKind(v) !== 'map') throw new ConvertError(`cannot restore map from ${sourceKind(v)}`);
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v as Record<string, unknown>))
        putKey(out, key, convert(item, node.of, `${path}.${key}`, unknown) ?? zeroOf(node.of));
      return out;
    }
    case 'struct': {
      if (sourceKind(v) !== 'map') throw new ConvertError(`cannot restore struct from: ${sourceKind(v)}`);
      const src = v as Record<string, unknown>;
      const converted: Record<string, unknown> = {};
      for (const field of node.fields) {
        if (!Object.hasOwn(src, field.name)) continue;
        const r = convert(src[field.name], field.type, path ? `${path}.${field.name}` : field.name, unknown);
        if (r !== undefined) converted[field.name] = r;
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(src)) {
        if (Object.hasOwn(converted, key)) out[key] = converted[key];
        else if (!node.byName[key]) unknown.push(`unknown field "${path ? `${path}.${key}` : key}"`);
      }
      return out;
    }
  }
}

function zeroOf(node: TypeNode): unknown {
  if (node.t === 'string') return '';
  if (node.t === 'int' || node.t === 'intOrString') return 0;
  if (node.t === 'bool') return false;
  if (node.t === 'struct') return {};
  return null;
}

/** Converts a patched object into `schema`; see the file comment for the rules. */
export function decodePatchedObject(obj: unknown, schema: TypeNode): PatchDecodeResult {
  const unknown: string[] = [];
  try {
    const value = convert(obj, schema, '', unknown);
    return { value, strict: [...new Set(unknown)].sort() };
  } catch (e) {
    if (e instanceof ConvertError) return { value: undefined, error: e.message, strict: [] };
    throw e;
  }
}

/**
 * The shape of a structural schema: what a JSON value must be to decode into the Go type the
 * kube-apiserver 1.30 decodes a request body into (k8s.io/api types, decoded by sigs.k8s.io/json).
 * Each node carries the Go type's name as `reflect.Type.String()` prints it (`int32`,
 * `v1.RestartPolicy`, `[]v1.Container`, `map[string]string`) and, for structs, the bare struct name
 * that `json: cannot unmarshal ... into Go struct field <Struct>.<path>` uses. Fields are listed in
 * Go declaration order (the order runtime.DefaultUnstructuredConverter walks them).
 * Lab difference: a few rarely used subtrees are `open` (any JSON accepted, nothing checked inside);
 * the schema files say where.
 */

/** A JSON-decodable Go type. Plain data: the schema is built once and never mutated. */
export type TypeNode =
  /** a Go string kind; `go` is `string` or a named type such as `v1.Protocol` */
  | { t: 'string'; go: string }
  /** int32 / int64 (also pointers to them: the error names the pointee) */
  | { t: 'int'; go: string; bits: 32 | 64 }
  | { t: 'bool'; go: string }
  | {
      t: 'struct';
      go: string;
      name: string;
      fields: readonly FieldNode[];
      /** the same fields by JSON name, for the decoder's lookups */
      byName: Readonly<Record<string, FieldNode>>;
    }
  | { t: 'list'; go: string; of: TypeNode }
  /** a Go map with string keys: labels, annotations, ResourceList... (an open set of keys) */
  | { t: 'map'; go: string; of: TypeNode }
  /** resource.Quantity: a string or a number, parsed by ParseQuantity */
  | { t: 'quantity' }
  /** intstr.IntOrString: a string or an int32 */
  | { t: 'intOrString' }
  /** metav1.Time: an RFC 3339 string or null (null is kept: Go writes it back as null) */
  | { t: 'time' }
  /** []byte: a base64 string (encoding/json decodes it with base64.StdEncoding) */
  | { t: 'bytes' }
  /** runtime.RawExtension, interface{} or a subtree the lab does not type: anything goes */
  | { t: 'open' };

/** One JSON field of a struct. */
export interface FieldNode {
  name: string;
  type: TypeNode;
}

/** Go's `string`. */
export const str: TypeNode = { t: 'string', go: 'string' };
/** A named Go string type, e.g. `named('v1.Protocol')`. */
export const named = (go: string): TypeNode => ({ t: 'string', go });
export const int32: TypeNode = { t: 'int', go: 'int32', bits: 32 };
export const int64: TypeNode = { t: 'int', go: 'int64', bits: 64 };
export const bool: TypeNode = { t: 'bool', go: 'bool' };
export const quantity: TypeNode = { t: 'quantity' };
export const intOrString: TypeNode = { t: 'intOrString' };
export const time: TypeNode = { t: 'time' };
export const open: TypeNode = { t: 'open' };
/** Go's `[]byte` (reflect names it `[]uint8`), e.g. Secret.data values. */
export const bytes: TypeNode = { t: 'bytes' };

/** `[]T` with the element's Go name. */
export function list(of: TypeNode): TypeNode {
  return { t: 'list', go: `[]${goName(of)}`, of };
}

/** `map[string]T`, or a named map type such as `v1.ResourceList`. */
export function map(of: TypeNode, go?: string): TypeNode {
  return { t: 'map', go: go ?? `map[string]${goName(of)}`, of };
}

/** A struct of package `pkg` (`v1`, `resource`...) with fields in Go order: `[jsonName, type]`. */
export function struct(
  pkg: string,
  name: string,
  fields: ReadonlyArray<readonly [string, TypeNode]>,
): TypeNode {
  const list = fields.map(([n, type]) => ({ name: n, type }));
  const byName: Record<string, FieldNode> = Object.create(null);
  for (const f of list) byName[f.name] = f;
  return { t: 'struct', go: `${pkg}.${name}`, name, fields: list, byName };
}

/** The Go type name `reflect.Type.String()` gives for a node. */
export function goName(n: TypeNode): string {
  switch (n.t) {
    case 'quantity':
      return 'resource.Quantity';
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'time':
      return 'v1.Time';
    case 'open':
      return 'interface {}';
    case 'bytes':
      return '[]uint8';
    default:
      return n.go;
  }
}

/** The Go reflect.Kind name of a node (`string` for every string type, `struct`, `slice`...). */
export function goKind(n: TypeNode): string {
  switch (n.t) {
    case 'string':
      return 'string';
    case 'int':
      return n.go === 'int64' ? 'int64' : 'int32';
    case 'bool':
      return 'bool';
    case 'list':
    case 'bytes':
      return 'slice';
    case 'map':
      return 'map';
    case 'open':
      return 'interface';
    default:
      return 'struct';
  }
}

/** Looks a field of a struct node up by its exact (case-sensitive) JSON name. */
export function fieldOf(n: TypeNode, name: string): FieldNode | undefined {
  return n.t === 'struct' ? n.byName[name] : undefined;
}

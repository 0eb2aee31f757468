/**
 * Validation errors with apimachinery's wording (k8s.io/apimachinery/pkg/util/validation/field
 * errors.go, `Error.Error()` / `ErrorBody()`): `<field>: <Type>: <value>: <detail>`, values rendered
 * the way Go's fmt renders them (`%q` for strings, `%v` for numbers and bools, `%#v` otherwise).
 */

export type FieldErrorType =
  | 'Required value'
  | 'Invalid value'
  | 'Unsupported value'
  | 'Forbidden'
  | 'Duplicate value'
  | 'Not found'
  | 'Too long'
  | 'Too many';

export interface FieldError {
  field: string;
  type: FieldErrorType;
  /** the offending value; absent for Required and Forbidden */
  value?: unknown;
  detail?: string;
}

/** `field: Required value[: detail]` */
export const required = (field: string, detail?: string): FieldError => ({
  field,
  type: 'Required value',
  detail,
});
/** `field: Invalid value: <value>: detail` */
export const invalid = (field: string, value: unknown, detail: string): FieldError => ({
  field,
  type: 'Invalid value',
  value,
  detail,
});
/** `field: Unsupported value: "v": supported values: "a", "b"` */
export const notSupported = (field: string, value: unknown, supported: string[]): FieldError => ({
  field,
  type: 'Unsupported value',
  value,
  detail: `supported values: ${supported.map((s) => `"${s}"`).join(', ')}`,
});
/** `field: Forbidden: detail` */
export const forbidden = (field: string, detail: string): FieldError => ({
  field,
  type: 'Forbidden',
  detail,
});
/** `field: Duplicate value: <value>` */
export const duplicate = (field: string, value: unknown): FieldError => ({
  field,
  type: 'Duplicate value',
  value,
});

/** The text of one field error, as apimachinery's Error() writes it. */
export function formatFieldError(e: FieldError): string {
  let s: string;
  if (e.type === 'Required value' || e.type === 'Forbidden') s = e.type;
  else s = `${e.type}: ${goValue(e.value)}`;
  if (e.detail) s += `: ${e.detail}`;
  return `${e.field}: ${s}`;
}

const GO_TEXT = Symbol('goText');

/**
 * A value already rendered the way Go's `%#v` prints it (e.g. a struct such as
 * `v1.LabelSelector{...}`), for validation messages whose value is not a plain JSON shape.
 */
export function goText(text: string): unknown {
  return { [GO_TEXT]: text };
}

/** Renders a value like Go's fmt would for a validation message (see the file comment). */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object' && GO_TEXT in v) return String((v as Record<symbol, unknown>)[GO_TEXT]);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string'))
      return `[]string{${v.map((x) => JSON.stringify(x)).join(', ')}}`;
    return `[]interface {}{${v.map(goValue).join(', ')}}`;
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    if (entries.every(([, x]) => typeof x === 'string'))
      return `map[string]string{${entries.map(([k, x]) => `${JSON.stringify(k)}:${JSON.stringify(x)}`).join(', ')}}`;
    return `map[string]interface {}{${entries.map(([k, x]) => `${JSON.stringify(k)}:${goValue(x)}`).join(', ')}}`;
  }
  return String(v);
}

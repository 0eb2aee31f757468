/**
 * Go's `fmt.Sprintf("%+v", m)` of a decoded JSON map (map[string]interface{} holding string, int64,
 * float64, bool, nil, []interface{} and nested maps), as the patch handler puts the patch into its
 * `patch: Invalid value: "<map>"` error (k8s.io/apiserver/pkg/endpoints/handlers/patch.go,
 * applyPatchToObject). fmt prints map keys sorted, strings bare, nil as `<nil>`, slices as `[a b]`.
 * Lab difference: floats use JavaScript's shortest form, with Go's two-digit exponent.
 */

/** `%v` of a float64 holding a non-integer (integers come out of the patch as int64). */
function goFloat(n: number): string {
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** `%+v` of a JSON value decoded by the apiserver. */
export function goPlusV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (Array.isArray(v)) return `[${v.map(goPlusV).join(' ')}]`;
  const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return `map[${entries.map(([k, x]) => `${k}:${goPlusV(x)}`).join(' ')}]`;
}

/**
 * Splitting `kubectl label|annotate|set image` arguments into resources and `key=value` / `key-`
 * pairs, following kubernetes/kubectl pkg/cmd/util/helpers.go `GetResourcesAndPairs` and
 * `ParsePairs` (1.30), with their error texts (`all resources must be specified before label
 * changes: x`, `invalid annotation format: x`).
 */

/** Resources first, then pairs; a resource after a pair is an error. */
export function getResourcesAndPairs(
  args: readonly string[],
  pairType: string,
): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) resources.push(s);
    else return { error: `all resources must be specified before ${pairType} changes: ${s}` };
  }
  return { resources, pairs };
}

/** `key=value` pairs to set and `key-` keys to remove (ParsePairs); invalid ones listed in one error. */
export function parsePairs(
  pairs: readonly string[],
  pairType: string,
  supportRemove: boolean,
): { set: Record<string, string>; remove: string[] } | { error: string } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const eq = p.indexOf('=');
      set[p.slice(0, eq)] = p.slice(eq + 1);
    } else if (supportRemove && p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1));
    else invalid.push(p);
  }
  if (invalid.length > 0) return { error: `invalid ${pairType} format: ${invalid.join(', ')}` };
  return { set, remove };
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** apimachinery IsValidLabelValue: the error texts, empty when valid. */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value))
    errs.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  return errs;
}

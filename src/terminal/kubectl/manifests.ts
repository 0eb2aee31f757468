/**
 * Reading `-f` manifests the way kubectl's resource builder does (kubernetes/cli-runtime
 * pkg/resource/builder.go, visitor.go `StreamVisitor`, mapper.go `infoForData`, 1.30): each `-f` in
 * order (`-` is standard input, shown as `STDIN` in messages), each YAML document of a file in order,
 * empty documents skipped; a `kind: List` expands to its items. Errors use kubectl's words:
 * `the path "x" does not exist`, `error parsing x: error converting YAML to JSON: yaml: line N: ...`,
 * `unable to decode "x": Object 'Kind' is missing in '{...}'`, and `resource mapping not found for
 * name: "n" namespace: "" from "x": no matches for kind "K" in version "v"` + `ensure CRDs are
 * installed first`. YAML syntax messages come from the `yaml` package, mapped to go-yaml's wording
 * for the common mistakes (tabs, bad indentation); other parse errors keep the package's text.
 */
import { parseAllDocuments } from 'yaml';
import { KINDS, type KindInfo } from '../../core/api/kinds.ts';
import type { ObjectInput } from '../../core/api/types.ts';
import type { SessionServices } from '../shell/process.ts';

/** One object read from a manifest, with where it came from. */
export interface ManifestObject {
  object: ObjectInput;
  info: KindInfo;
  /** the file as given (`minimal-sts.yaml`) or `STDIN` */
  source: string;
}

export type ManifestResult = { ok: true; objects: ManifestObject[] } | { ok: false; error: string };

/** JSON with keys sorted at every level, as sigs.k8s.io/yaml's YAMLToJSON produces it. */
export function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${sortedJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** go-yaml's message for a `yaml` package error (line numbers are 1-based in both). */
function goYamlMessage(code: string, message: string, line: number): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return `line ${line}: found character that cannot start any token`;
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return `line ${line}: did not find expected key`;
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
      return `line ${line}: mapping values are not allowed in this context`;
    case 'DUPLICATE_KEY':
      return `unmarshal errors:\n  line ${line}: key ${message.match(/"[^"]*"|\S+$/)?.[0] ?? '""'} already set in map`;
    default:
      return `line ${line}: ${message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
  }
}

/** The group/version kubectl looks a kind up in, and the matching kind, if the server serves it. */
function mapKind(apiVersion: string | undefined, kind: string): { info?: KindInfo; error?: string } {
  const slash = (apiVersion ?? '').indexOf('/');
  const group = apiVersion && slash >= 0 ? apiVersion.slice(0, slash) : '';
  const version = apiVersion && slash >= 0 ? apiVersion.slice(slash + 1) : (apiVersion ?? '');
  const info = KINDS.find(
    (k) => k.kind === kind && k.group === group && (version === '' || k.version === version),
  );
  if (info) return { info };
  if (!apiVersion) return { error: `no matches for kind "${kind}" in group "${group}"` };
  return { error: `no matches for kind "${kind}" in version "${apiVersion}"` };
}

/** Parses one manifest text into objects; `source` names it in errors. */
export function parseManifest(text: string, source: string): ManifestResult {
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs];
  const objects: ManifestObject[] = [];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line ?? 1;
      return {
        ok: false,
        error: `error parsing ${source}: error converting YAML to JSON: yaml: ${goYamlMessage(err.code, err.message, line)}`,
      };
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      const goType = Array.isArray(value)
        ? 'array'
        : typeof value === 'string'
          ? 'string'
          : typeof value === 'boolean'
            ? 'bool'
            : 'number';
      return {
        ok: false,
        error: `unable to decode "${source}": json: cannot unmarshal ${goType} into Go value of type map[string]interface {}`,
      };
    }
    const items =
      (value as { kind?: unknown }).kind === 'List' && Array.isArray((value as { items?: unknown }).items)
        ? ((value as { items: unknown[] }).items as Record<string, unknown>[])
        : [value as Record<string, unknown>];
    for (const obj of items) {
      const r = decodeObject(obj, source);
      if ('error' in r) return { ok: false, error: r.error };
      objects.push(r.value);
    }
  }
  return { ok: true, objects };
}

function decodeObject(
  obj: Record<string, unknown>,
  source: string,
): { value: ManifestObject } | { error: string } {
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  if (!kind)
    return { error: `unable to decode "${source}": Object 'Kind' is missing in '${sortedJson(obj)}'` };
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : undefined;
  const meta = (obj.metadata && typeof obj.metadata === 'object' ? obj.metadata : {}) as Record<
    string,
    unknown
  >;
  const mapped = mapKind(apiVersion, kind);
  if (!mapped.info) {
    const name = typeof meta.name === 'string' ? meta.name : '';
    const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
    return {
      error: `resource mapping not found for name: "${name}" namespace: "${namespace}" from "${source}": ${mapped.error}\nensure CRDs are installed first`,
    };
  }
  const info = mapped.info;
  const object = { ...obj, apiVersion: apiVersion ?? info.version, metadata: { ...meta } } as ObjectInput;
  return { value: { object, info, source } };
}

/**
 * Reads every `-f` in order. `-` takes the command's standard input. Returns the first error, as the
 * builder stops at the first unreadable file (later files are not read).
 */
export function readManifests(
  filenames: readonly string[],
  session: SessionServices,
  stdin: string | undefined,
): ManifestResult {
  const all: ManifestObject[] = [];
  for (const f of filenames) {
    const isStdin = f === '-';
    const text = isStdin ? (stdin ?? '') : session.readFile(f);
    if (text === undefined) return { ok: false, error: `the path "${f}" does not exist` };
    const r = parseManifest(text, isStdin ? 'STDIN' : f);
    if (!r.ok) return r;
    all.push(...r.objects);
  }
  return { ok: true, objects: all };
}

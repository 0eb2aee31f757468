/**
 * Reading what `kubectl apply -f -` printed, for placing its errors on the manifest: the output is cut
 * into records (one per error, warning or success line, an error keeping its continuation lines such
 * as `* cause` or `ensure CRDs are installed first`), and each record is read for the object it names
 * (kind, name) and the field paths it names. The shapes are those kubectl 1.30 prints (see
 * shared/spec/kubectl-output.md §5, kubernetes/kubectl pkg/cmd/util/helpers.go checkErr and
 * apimachinery's field.Error / StatusError texts); nothing here produces text, it only reads it.
 */
import { KINDS } from '../core/api/kinds.ts';

/** One thing kubectl printed about the applied objects. */
export interface OutputRecord {
  /** the record's lines exactly as printed, joined with `\n` (no trailing newline) */
  text: string;
  type: 'error' | 'warning' | 'success';
  /** the kind the record names (`StatefulSet`), when it names one */
  kind?: string;
  /** the object name the record names, when it names one */
  name?: string;
  /**
   * Field paths the record names, each with the text a diagnostic on it shows: for a `* cause` list
   * the header line and that cause's line, otherwise the whole record.
   */
  fields: { path: string; message: string }[];
  /** true when the paths are Go struct field paths, which drop list indices (`spec.containers.name`) */
  unindexed: boolean;
  /** what kind of client-side error it is, when it is one the field paths cannot place */
  client?: 'yaml' | 'missing-kind' | 'not-object' | 'mapping';
  /** for `mapping`: the error says the group was empty (no `apiVersion` in the manifest) */
  noApiVersion?: boolean;
}

/** A line that starts a new record; any other line continues the one before. */
const HEADER = /^(?:Warning: |error: |Error from server|The .* is invalid|The request is invalid)/;
/** `statefulset.apps/web created`, `service/web unchanged (server dry run)` */
const SUCCESS = /^([a-z0-9-]+)(?:\.[a-z0-9.-]+)?\/(\S+) (?:created|configured|unchanged)\b/;
/** apimachinery's field.ErrorType strings, which follow `<path>: ` in a cause */
const CAUSE_TYPES =
  'Required value|Invalid value|Unsupported value|Forbidden|Duplicate value|Not found|Too long|Too many|Internal error';
/** a field path (`spec.template.spec.containers[0].name`, `metadata.labels[app]`) before its error type */
const CAUSE = new RegExp(
  `(?<=^|^\\* |is invalid: \\[?|, )([A-Za-z_$][\\w$-]*(?:\\[[^\\]]*\\]|\\.[A-Za-z_$][\\w$/-]*)*): (?:${CAUSE_TYPES})`,
  'g',
);

/** Cuts kubectl's output into records in the order printed. */
export function outputRecords(output: string): OutputRecord[] {
  const groups: string[][] = [];
  for (const line of output.replace(/\n+$/, '').split('\n')) {
    if (line === '' && groups.length === 0) continue;
    const starts = HEADER.test(line) || SUCCESS.test(line);
    if (starts || groups.length === 0) groups.push([line]);
    else groups[groups.length - 1].push(line);
  }
  return groups.map(readRecord);
}

/** The kind a plural resource name (`statefulsets`) stands for. */
function kindOfPlural(plural: string): string | undefined {
  return KINDS.find((k) => k.plural === plural)?.kind;
}

/** The kind a singular resource name as the name printer writes it (`statefulset`) stands for. */
function kindOfSingular(singular: string): string | undefined {
  return KINDS.find((k) => k.singular === singular)?.kind;
}

function readRecord(lines: string[]): OutputRecord {
  const text = lines.join('\n');
  const first = lines[0];
  const success = SUCCESS.exec(first);
  if (success && !HEADER.test(first))
    return {
      text,
      type: 'success',
      kind: kindOfSingular(success[1]) ?? success[1],
      name: success[2],
      fields: [],
      unindexed: false,
    };
  const rec: OutputRecord = {
    text,
    type: first.startsWith('Warning: ') ? 'warning' : 'error',
    fields: [],
    unindexed: false,
  };
  nameTheObject(rec, text);
  if (/error converting YAML to JSON|^error: error parsing /.test(text)) rec.client = 'yaml';
  else if (/Object 'Kind' is missing in /.test(text)) rec.client = 'missing-kind';
  else if (/cannot unmarshal \w+ into Go value of type map\[string\]interface \{\}/.test(text))
    rec.client = 'not-object';
  else if (/resource mapping not found for name: /.test(text)) {
    rec.client = 'mapping';
    rec.noApiVersion = / in group ""/.test(text);
  }
  const goField = /Go struct field \w+\.(\S+) of type /.exec(text);
  if (goField) {
    rec.unindexed = true;
    rec.fields.push({ path: goField[1], message: text });
  }
  for (const m of text.matchAll(/unknown field "([^"]+)"/g)) rec.fields.push({ path: m[1], message: text });
  if (!goField) rec.fields.push(...causeFields(lines));
  return rec;
}

/** Fills in the kind and name a record names, from the first pattern that matches. */
function nameTheObject(rec: OutputRecord, text: string): void {
  const invalid =
    /^The (\w+) "([^"]*)" is invalid/.exec(text) ?? /(\w+)(?:\.[\w.]+)? "([^"]*)" is invalid/.exec(text);
  const mapping =
    /resource mapping not found for name: "([^"]*)" namespace: "[^"]*" from "[^"]*": no matches for kind "([^"]*)"/.exec(
      text,
    );
  const handled = /cannot be handled as an? (\w+)/.exec(text);
  const patchTarget = /Kind=(\w+)"\nName: "([^"]*)"/.exec(text);
  const missingApplied = /^Warning: resource ([a-z0-9]+)\/(\S+) is missing the /.exec(text);
  if (invalid) [rec.kind, rec.name] = [invalid[1], invalid[2]];
  else if (mapping) [rec.kind, rec.name] = [mapping[2], mapping[1]];
  else if (patchTarget) [rec.kind, rec.name] = [patchTarget[1], patchTarget[2]];
  else if (missingApplied) [rec.kind, rec.name] = [kindOfPlural(missingApplied[1]), missingApplied[2]];
  if (!rec.kind && handled) rec.kind = handled[1];
}

/**
 * The causes of an Invalid error: one per `* ` line (shown with the header line above them), or the
 * paths inside a one-line error (`is invalid: [a: Invalid value: ..., b: Required value]`), each
 * shown with the whole line.
 */
function causeFields(lines: string[]): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const header = lines[0];
  const bulleted = lines.slice(1).filter((l) => l.startsWith('* '));
  if (bulleted.length > 0) {
    for (const l of bulleted)
      for (const m of l.matchAll(CAUSE)) out.push({ path: m[1], message: `${header}\n${l}` });
    return out;
  }
  const text = lines.join('\n');
  for (const line of lines) for (const m of line.matchAll(CAUSE)) out.push({ path: m[1], message: text });
  return out;
}

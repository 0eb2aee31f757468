/**
 * `kubectl get`, following kubernetes/kubectl pkg/cmd/get/get.go (1.30): kinds by any name, several
 * kinds (`sts,po`, `all`), names or `kind/name` arguments, `-l`, `-n`, `-A`, `-o
 * wide|yaml|json|name|jsonpath=|custom-columns=`, `-L`, `--show-labels`, `--no-headers`,
 * `--sort-by`, `--show-kind`, `-f`. Tables and serialisations come from ../printers. Missing names
 * are reported after what was found; an empty result prints `No resources found ...` on stderr.
 * `-w/--watch` prints the current rows and then one row per change (remembered column widths) until
 * interrupted; `--watch-only` skips the current rows.
 */

import { matchesRequirements } from '../../../core/api/labels.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import { type Proc, waitUntil } from '../../shell/process.ts';
import type { FlagSpec } from '../cli/flags.ts';
import { type FoundGroup, fetchResources, parseLabelSelector, parseResourceArgs } from '../cli/resources.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagBool, flagList, flagString } from '../cli/verbModule.ts';
import { FILENAME_FLAG } from '../cli/writeHelpers.ts';
import { fail, type KubectlError, plainError, printErrors, usageError } from '../errors.ts';
import { readManifests } from '../manifests.ts';
import { parseCustomColumns, printCustomColumns } from '../printers/customColumns.ts';
import { asList, printJson, printJsonList } from '../printers/json.ts';
import { executeJsonPath, parseJsonPath } from '../printers/jsonpath.ts';
import {
  headerCells,
  kindPrefix,
  noResourcesMessage,
  printTables,
  rowCells,
  type TableOptions,
} from '../printers/tables.ts';
import { getTabWriter } from '../printers/tabwriter.ts';
import { printYaml, printYamlList } from '../printers/yaml.ts';

const FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'label-columns', short: 'L', type: 'stringSlice' },
  { name: 'sort-by', type: 'string' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'server-print', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'template', type: 'string' },
  { name: 'subresource', type: 'string' },
  { name: 'raw', type: 'string' },
  FILENAME_FLAG,
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
];

const ALLOWED_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

const NO_TYPE_HINT =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n';

type Output =
  | { type: 'table'; wide: boolean }
  | { type: 'yaml' | 'json' | 'name' }
  | { type: 'jsonpath'; template: string }
  | { type: 'custom-columns'; spec: string };

function parseOutput(text: string): Output | undefined {
  if (text === '' || text === 'wide') return { type: 'table', wide: text === 'wide' };
  if (text === 'yaml' || text === 'json' || text === 'name') return { type: text };
  if (text.startsWith('jsonpath=')) return { type: 'jsonpath', template: text.slice('jsonpath='.length) };
  if (text.startsWith('custom-columns='))
    return { type: 'custom-columns', spec: text.slice('custom-columns='.length) };
  return undefined;
}

/** What the verb found: groups of objects and the errors to print after them. */
interface Found {
  groups: FoundGroup[];
  errors: KubectlError[];
  /** one object was named: -o yaml/json print it alone rather than as a List */
  single: boolean;
  /** several kinds requested: names are printed as `kind/name` */
  severalKinds: boolean;
}

function find(ctx: VerbContext): Found | KubectlError {
  const selectorText = flagString(ctx, 'selector');
  const selector = parseLabelSelector(selectorText);
  if (!selector.ok) return selector.error;
  const opts = {
    namespace: ctx.namespace,
    allNamespaces: flagBool(ctx, 'all-namespaces'),
    selector: selector.value,
  };
  const files = flagList(ctx, 'filename');
  if (files.length > 0) {
    const read = readManifests(files, ctx.env.session, ctx.io.stdin);
    if (!read.ok) return plainError(read.error);
    const pairs = read.objects.map((m) => ({ info: m.info, name: String(m.object.metadata.name ?? '') }));
    const found = fetchResources(ctx.sim, { mode: 'pairs', pairs }, opts);
    return { ...found, single: pairs.length === 1, severalKinds: new Set(pairs.map((p) => p.info)).size > 1 };
  }
  const parsed = parseResourceArgs(ctx.args);
  if (!parsed.ok) return parsed.error;
  const args = parsed.value;
  const hasNames = args.mode === 'pairs' || args.names.length > 0;
  if (hasNames && selectorText) return plainError('name cannot be provided when a selector is specified');
  const found = fetchResources(ctx.sim, args, opts);
  const kinds = args.mode === 'pairs' ? new Set(args.pairs.map((p) => p.info)).size : args.kinds.length;
  const count = args.mode === 'pairs' ? args.pairs.length : args.names.length * args.kinds.length;
  const expandsAll = args.mode === 'types' && ctx.args[0].split(',').some((t) => t.toLowerCase() === 'all');
  return { ...found, single: hasNames && count === 1, severalKinds: kinds > 1 || expandsAll };
}

function tableOptions(ctx: VerbContext, wide: boolean, withKind: boolean): TableOptions {
  return {
    now: ctx.sim.now,
    wide,
    showNamespace: flagBool(ctx, 'all-namespaces'),
    showLabels: flagBool(ctx, 'show-labels'),
    labelColumns: flagList(ctx, 'label-columns'),
    noHeaders: flagBool(ctx, 'no-headers'),
    withKind: withKind || flagBool(ctx, 'show-kind'),
    sortBy: flagString(ctx, 'sort-by') || undefined,
  };
}

function* runGet(ctx: VerbContext): Proc {
  const { io } = ctx;
  if (ctx.args.length === 0 && flagList(ctx, 'filename').length === 0) {
    io.stderr(NO_TYPE_HINT);
    return fail(
      io,
      usageError(
        ctx.commandPath,
        'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
      ),
    );
  }
  const output = parseOutput(flagString(ctx, 'output'));
  if (!output)
    return fail(
      io,
      plainError(
        `unable to match a printer suitable for the output format "${flagString(ctx, 'output')}", allowed formats are: ${ALLOWED_FORMATS}`,
      ),
    );
  const found = find(ctx);
  if ('type' in found) return fail(io, found);
  if (flagBool(ctx, 'watch') || flagBool(ctx, 'watch-only')) return yield* watch(ctx, found, output);
  const objects = found.groups.flatMap((g) => g.objects);
  const errors = flagBool(ctx, 'ignore-not-found')
    ? found.errors.filter((e) => !(e.type === 'api' && e.status.reason === 'NotFound'))
    : found.errors;
  switch (output.type) {
    case 'table': {
      const r = printTables(
        found.groups.map((g) => ({ kind: g.info.kind, objects: g.objects })),
        tableOptions(ctx, output.wide, found.severalKinds),
      );
      if ('error' in r) return fail(io, plainError(r.error));
      io.stdout(r.text);
      if (!r.printed && errors.length === 0)
        io.stderr(
          `${noResourcesMessage(
            found.groups.map((g) => g.info.kind),
            ctx.namespace,
            flagBool(ctx, 'all-namespaces'),
          )}\n`,
        );
      break;
    }
    case 'yaml':
      if (objects.length > 0 || !found.single)
        io.stdout(found.single && objects.length === 1 ? printYaml(objects[0]) : printYamlList(objects));
      break;
    case 'json':
      if (objects.length > 0 || !found.single)
        io.stdout(found.single && objects.length === 1 ? printJson(objects[0]) : printJsonList(objects));
      break;
    case 'name':
      io.stdout(objects.map((o) => `${kindPrefix(o.kind)}/${o.metadata.name}\n`).join(''));
      break;
    case 'jsonpath': {
      const tpl = parseJsonPath(output.template);
      if ('error' in tpl)
        return fail(io, plainError(`error parsing jsonpath ${output.template}, ${tpl.error}`));
      if (objects.length === 0 && found.single) break;
      const data = found.single && objects.length === 1 ? objects[0] : asList(objects);
      const r = executeJsonPath(tpl, data, {
        allowMissingKeys: flagBool(ctx, 'allow-missing-template-keys'),
      });
      if ('error' in r)
        return fail(
          io,
          plainError(`error executing jsonpath "${output.template}": Error executing template: ${r.error}.`),
        );
      io.stdout(r.text);
      break;
    }
    case 'custom-columns': {
      const parsed = parseCustomColumns(output.spec);
      if ('error' in parsed) return fail(io, plainError(parsed.error));
      io.stdout(printCustomColumns(parsed.columns, objects, { noHeaders: flagBool(ctx, 'no-headers') }));
      break;
    }
  }
  return printErrors(io, errors);
}

/** get -w: current rows, then a row per watch event of the kind, until interrupted. */
function* watch(ctx: VerbContext, found: Found, output: Output): Proc {
  const { io, sim } = ctx;
  if (found.errors.length > 0) return printErrors(io, found.errors);
  if (found.groups.length !== 1 || found.severalKinds)
    return fail(
      io,
      plainError(
        `watch is only supported on individual resources and resource collections, but ${found.groups.length} resources were found`,
      ),
    );
  const group = found.groups[0];
  const info = group.info;
  const names = found.single ? new Set(group.objects.map((o) => o.metadata.name)) : undefined;
  const selector = parseLabelSelector(flagString(ctx, 'selector'));
  const reqs = selector.ok ? selector.value : [];
  const allNs = flagBool(ctx, 'all-namespaces');
  const opts = tableOptions(ctx, output.type === 'table' && output.wide, false);
  const writer = getTabWriter();
  let headerDone = Boolean(opts.noHeaders);
  const print = (objs: readonly KubeObject[]) => {
    if (objs.length === 0) return;
    if (output.type === 'name') {
      io.stdout(objs.map((o) => `${kindPrefix(o.kind)}/${o.metadata.name}\n`).join(''));
      return;
    }
    const now = { ...opts, now: sim.now };
    let text = '';
    if (!headerDone) {
      text += `${headerCells(info.kind, now).join('\t')}\n`;
      headerDone = true;
    }
    for (const o of objs) text += `${rowCells(o, now).join('\t')}\n`;
    writer.write(text);
    io.stdout(writer.flush());
  };
  const matches = (o: KubeObject) =>
    o.kind === info.kind &&
    (!info.namespaced || allNs || o.metadata.namespace === ctx.namespace) &&
    (!names || names.has(o.metadata.name)) &&
    matchesRequirements(o.metadata.labels, reqs);
  const pending: KubeObject[] = [];
  const unsubscribe = sim.watch((ev) => {
    const obj = ev.type === 'DELETED' ? (ev.oldObject ?? ev.object) : ev.object;
    if (matches(obj)) pending.push(obj);
  });
  try {
    if (!flagBool(ctx, 'watch-only')) print(group.objects);
    for (;;) {
      yield* waitUntil(() => pending.length > 0);
      // kubectl flushes its tabwriter after every watch event, so each row is sized on its own
      // against the remembered widths (events of the same instant must not widen earlier rows)
      for (const o of pending.splice(0)) print([o]);
    }
  } finally {
    unsubscribe();
  }
}

export const getVerb: VerbModule = {
  name: 'get',
  short: 'Display one or many resources',
  group: 'Basic Commands (Intermediate)',
  flags: FLAGS,
  run: runGet,
};

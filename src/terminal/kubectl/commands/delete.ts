/**
 * `kubectl delete`, following kubernetes/kubectl pkg/cmd/delete/delete.go and delete_flags.go (1.30):
 * objects by name, `kind/name`, `-f`, `-l` or `--all`; one `<kind>[.<group>] "<name>" deleted` line
 * per object right after the apiserver accepted the request (`force deleted` with grace period 0,
 * after the stderr warning); then, with `--wait` (the default), the prompt returns only when every
 * deleted object is gone or replaced by a new one of the same name (compared by uid, as kubectl's
 * wait does), which advances virtual time. `--cascade=background|foreground|orphan` (and the
 * deprecated true/false), `--grace-period`, `--force`, `--now`, `--timeout`, `--ignore-not-found`.
 */
import type { KindInfo } from '../../../core/api/kinds.ts';
import { qualifiedSingular } from '../../../core/api/kinds.ts';
import type { PropagationPolicy } from '../../../core/apiserver/apiServer.ts';
import { type Proc, waitUntil } from '../../shell/process.ts';
import { type FlagSpec, parseGoDuration } from '../cli/flags.ts';
import { listKind, parseLabelSelector, parseResourceArgs } from '../cli/resources.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagBool, flagChanged, flagInt, flagList, flagString } from '../cli/verbModule.ts';
import { DRY_RUN_FLAG, dryRunOf, FILENAME_FLAG } from '../cli/writeHelpers.ts';
import {
  addSource,
  apiError,
  fail,
  type KubectlError,
  plainError,
  printErrors,
  usageError,
} from '../errors.ts';
import { DELETE_HELP } from '../help/verbHelp.ts';
import { readManifests } from '../manifests.ts';

const FLAGS: FlagSpec[] = [
  FILENAME_FLAG,
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
  { name: 'now', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'wait', type: 'bool', default: true },
  { name: 'timeout', type: 'duration', default: '0s' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'raw', type: 'string' },
  { name: 'interactive', short: 'i', type: 'bool' },
  DRY_RUN_FLAG,
];

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** One week: what kubectl waits when `--timeout` is 0. */
const WAIT_FOREVER_MS = 168 * 3600 * 1000;

/** `--cascade` to a propagation policy (GetCascadingStrategy), with its deprecation warning. */
function cascadeOf(text: string): { policy: PropagationPolicy; warning?: string } | { error: KubectlError } {
  switch (text) {
    case 'background':
      return { policy: 'Background' };
    case 'foreground':
      return { policy: 'Foreground' };
    case 'orphan':
      return { policy: 'Orphan' };
    case 'true':
      return {
        policy: 'Background',
        warning:
          'warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n',
      };
    case 'false':
      return {
        policy: 'Orphan',
        warning:
          'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
      };
    default:
      return {
        error: plainError(`invalid cascade value (${text}). Must be "background", "foreground", or "orphan"`),
      };
  }
}

interface Target {
  info: KindInfo;
  namespace: string | undefined;
  name: string;
  source?: string;
}

function* runDelete(ctx: VerbContext): Proc {
  const { io, sim } = ctx;
  const output = flagString(ctx, 'output');
  if (output !== '' && output !== 'name')
    return fail(
      io,
      usageError(ctx.commandPath, `Unexpected -o output mode: ${output}. We only support '-o name'.`),
    );
  const dry = dryRunOf(ctx);
  if ('error' in dry) return fail(io, dry.error);
  const cascade = cascadeOf(flagString(ctx, 'cascade'));
  if ('error' in cascade) return fail(io, cascade.error);
  let grace = flagInt(ctx, 'grace-period');
  const force = flagBool(ctx, 'force');
  if (flagBool(ctx, 'now')) {
    if (grace !== -1) return fail(io, plainError('--now and --grace-period cannot be specified together'));
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const selectorText = flagString(ctx, 'selector');
  const all = flagBool(ctx, 'all');
  if (all && selectorText) return fail(io, plainError('cannot set --all and --selector at the same time'));
  if (force && grace > 0)
    return fail(io, plainError('--force and --grace-period greater than 0 cannot be specified together'));
  const waitMs = parseGoDuration(flagString(ctx, 'timeout')) || WAIT_FOREVER_MS;
  const ignoreNotFound = flagChanged(ctx, 'ignore-not-found')
    ? flagBool(ctx, 'ignore-not-found')
    : all || selectorText !== '';

  // Resolve everything before deleting anything, as the builder does.
  const targets: Target[] = [];
  const errors: KubectlError[] = [];
  const files = flagList(ctx, 'filename');
  if (files.length > 0) {
    if (ctx.args.length > 0) return fail(io, plainError(`Unexpected args: [${ctx.args.join(' ')}]`));
    const read = readManifests(files, ctx.env.session, io.stdin);
    if (!read.ok) return fail(io, plainError(read.error));
    for (const m of read.objects) {
      const ns = m.info.namespaced
        ? (m.object.metadata.namespace as string | undefined) || ctx.namespace
        : undefined;
      targets.push({
        info: m.info,
        namespace: ns,
        name: String(m.object.metadata.name ?? ''),
        source: m.source,
      });
    }
  } else {
    if (ctx.args.length === 0) return fail(io, plainError(NO_RESOURCES));
    const parsed = parseResourceArgs(ctx.args);
    if (!parsed.ok) return fail(io, parsed.error);
    const args = parsed.value;
    const selector = parseLabelSelector(selectorText);
    if (!selector.ok) return fail(io, selector.error);
    const hasNames = args.mode === 'pairs' || args.names.length > 0;
    if (hasNames && selectorText)
      return fail(io, plainError('name cannot be provided when a selector is specified'));
    if (hasNames && all) return fail(io, plainError('name cannot be provided when selecting all resources'));
    if (!hasNames && !all && !selectorText)
      return fail(io, plainError('resource(s) were provided, but no name was specified'));
    const opts = {
      namespace: ctx.namespace,
      allNamespaces: flagBool(ctx, 'all-namespaces'),
      selector: selector.value,
    };
    if (hasNames) {
      const pairs =
        args.mode === 'pairs'
          ? args.pairs
          : args.kinds.flatMap((info) => args.names.map((name) => ({ info, name })));
      for (const p of pairs)
        targets.push({
          info: p.info,
          namespace: p.info.namespaced ? ctx.namespace : undefined,
          name: p.name,
        });
    } else if (args.mode === 'types') {
      for (const info of args.kinds)
        for (const o of listKind(sim, info, opts))
          targets.push({ info, namespace: o.metadata.namespace, name: o.metadata.name });
    }
  }

  if (grace === 0 && force)
    io.stderr(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
  if (cascade.warning) io.stderr(cascade.warning);

  const deleted: Array<Target & { uid: string }> = [];
  for (const t of targets) {
    const r = sim.api.delete(t.info.kind, t.namespace, t.name, {
      propagationPolicy: cascade.policy,
      gracePeriodSeconds: grace >= 0 ? grace : undefined,
      dryRun: dry.value !== 'none',
    });
    if (!r.ok) {
      if (ignoreNotFound && r.error.reason === 'NotFound') continue;
      errors.push(addSource('deleting', t.source, apiError(r.error)));
      continue;
    }
    deleted.push({ ...t, uid: r.value.metadata.uid });
    const kind = qualifiedSingular(t.info);
    const suffix = dry.value === 'client' ? ' (dry run)' : dry.value === 'server' ? ' (server dry run)' : '';
    if (output === 'name') io.stdout(`${kind}/${t.name}\n`);
    else io.stdout(`${kind} "${t.name}" ${grace === 0 ? 'force deleted' : 'deleted'}${suffix}\n`);
  }
  if (errors.length > 0) return printErrors(io, errors);
  if (deleted.length === 0) {
    io.stdout('No resources found\n');
    return 0;
  }
  if (!flagBool(ctx, 'wait') || dry.value !== 'none') return 0;
  const gone = (t: Target & { uid: string }) => {
    const now = sim.store.get(t.info.kind, t.namespace, t.name);
    return !now || now.metadata.uid !== t.uid;
  };
  const met = yield* waitUntil(() => deleted.every(gone), waitMs);
  if (!met) {
    const left = deleted.filter((t) => !gone(t));
    return printErrors(
      io,
      left.map((t) => plainError(`timed out waiting for the condition on ${t.info.plural}/${t.name}`)),
    );
  }
  return 0;
}

export const deleteVerb: VerbModule = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  group: 'Basic Commands (Intermediate)',
  flags: FLAGS,
  help: DELETE_HELP,
  run: runDelete,
};

/**
 * `kubectl wait`, following kubernetes/kubectl pkg/cmd/wait/wait.go (1.30): `--for=delete`,
 * `--for=condition=NAME[=VALUE]` (status compared case-insensitively, default "true") and
 * `--for=jsonpath='{expr}'=VALUE`; each object is waited for in turn within `--timeout` (default
 * 30s), advancing virtual time; `<kind>/<name> condition met` when it holds, `error: timed out
 * waiting for the condition on <plural>/<name>` when it does not. Deleting waits compare uids, so
 * an object recreated under the same name counts as deleted.
 */
import type { KindInfo } from '../../../core/api/kinds.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import { type Proc, waitUntil } from '../../shell/process.ts';
import { type FlagSpec, parseGoDuration } from '../cli/flags.ts';
import { fetchResources, parseLabelSelector, parseResourceArgs } from '../cli/resources.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagBool, flagList, flagString } from '../cli/verbModule.ts';
import { FILENAME_FLAG, nameLine } from '../cli/writeHelpers.ts';
import { fail, type KubectlError, plainError, printErrors } from '../errors.ts';
import { readManifests } from '../manifests.ts';
import { findValues, parseJsonPath, relaxedJsonPath } from '../printers/jsonpath.ts';

const FLAGS: FlagSpec[] = [
  FILENAME_FLAG,
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'for', type: 'string' },
  { name: 'timeout', type: 'duration', default: '30s' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'local', type: 'bool' },
];

/** What `--for` asks: true when the live object (undefined: gone) satisfies it. */
type Condition = { type: 'delete' } | { type: 'check'; holds: (obj: KubeObject) => boolean };

function parseFor(text: string): { value: Condition } | { error: KubectlError } {
  if (text.toLowerCase() === 'delete') return { value: { type: 'delete' } };
  if (text.startsWith('condition=')) {
    let name = text.slice('condition='.length);
    let want = 'true';
    const eq = name.indexOf('=');
    if (eq >= 0) {
      want = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return {
      value: {
        type: 'check',
        holds: (obj) =>
          ((obj.status?.conditions ?? []) as Array<{ type: string; status: string }>).some(
            (c) => c.type === name && c.status.toLowerCase() === want.toLowerCase(),
          ),
      },
    };
  }
  if (text.startsWith('jsonpath=')) {
    const parts = text.split('=');
    if (parts.length !== 3)
      return { error: plainError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3") };
    const relaxed = relaxedJsonPath(parts[1]);
    if ('error' in relaxed) return { error: plainError(relaxed.error) };
    const tpl = parseJsonPath(relaxed.path);
    if ('error' in tpl) return { error: plainError(tpl.error) };
    const want = parts[2];
    return {
      value: {
        type: 'check',
        holds: (obj) => {
          const found = findValues(tpl, obj);
          return found.length === 1 && String(found[0]) === want;
        },
      },
    };
  }
  return { error: plainError(`unrecognized condition: "${text}"`) };
}

interface Target {
  info: KindInfo;
  namespace: string | undefined;
  name: string;
  uid: string;
}

function* runWait(ctx: VerbContext): Proc {
  const { io, sim } = ctx;
  const forText = flagString(ctx, 'for');
  if (forText === '') return fail(io, plainError('--for must be set'));
  const cond = parseFor(forText);
  if ('error' in cond) return fail(io, cond.error);
  const timeoutText = flagString(ctx, 'timeout');
  const timeoutMs = parseGoDuration(timeoutText) ?? 30_000;
  const budget = timeoutMs < 0 ? 168 * 3600 * 1000 : timeoutMs;
  const isDelete = cond.value.type === 'delete';

  const targets: Target[] = [];
  const errors: KubectlError[] = [];
  const files = flagList(ctx, 'filename');
  if (files.length > 0) {
    const read = readManifests(files, ctx.env.session, io.stdin);
    if (!read.ok) return fail(io, plainError(read.error));
    for (const m of read.objects) {
      const ns = m.info.namespaced
        ? (m.object.metadata.namespace as string | undefined) || ctx.namespace
        : undefined;
      const name = String(m.object.metadata.name ?? '');
      const r = sim.api.get(m.info.kind, ns, name);
      if (r.ok) targets.push({ info: m.info, namespace: ns, name, uid: r.value.metadata.uid });
      else if (!isDelete) errors.push({ type: 'api', status: r.error, message: r.error.message });
    }
  } else {
    if (ctx.args.length === 0)
      return fail(
        io,
        plainError(
          "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
        ),
      );
    const parsed = parseResourceArgs(ctx.args);
    if (!parsed.ok) return fail(io, parsed.error);
    const selector = parseLabelSelector(flagString(ctx, 'selector'));
    if (!selector.ok) return fail(io, selector.error);
    const args = parsed.value;
    const hasNames = args.mode === 'pairs' || args.names.length > 0;
    if (!hasNames && !flagBool(ctx, 'all') && flagString(ctx, 'selector') === '')
      return fail(io, plainError('resource(s) were provided, but no name was specified'));
    const found = fetchResources(sim, args, {
      namespace: ctx.namespace,
      allNamespaces: flagBool(ctx, 'all-namespaces'),
      selector: selector.value,
    });
    for (const g of found.groups)
      for (const o of g.objects)
        targets.push({
          info: g.info,
          namespace: o.metadata.namespace,
          name: o.metadata.name,
          uid: o.metadata.uid,
        });
    if (!isDelete) errors.push(...found.errors);
  }
  if (errors.length > 0) return printErrors(io, errors);
  if (targets.length === 0 && !isDelete) return fail(io, plainError('no matching resources found'));

  const deadline = sim.now + budget;
  const failures: KubectlError[] = [];
  for (const t of targets) {
    const live = () => {
      const o = sim.store.get(t.info.kind, t.namespace, t.name);
      return o && o.metadata.uid === t.uid ? o : undefined;
    };
    const done = () => {
      const o = live();
      return cond.value.type === 'delete' ? o === undefined : o !== undefined && cond.value.holds(o);
    };
    const met = yield* waitUntil(done, Math.max(0, deadline - sim.now));
    if (met) io.stdout(nameLine(t.info, t.name, 'condition met', flagString(ctx, 'output') === 'name'));
    else failures.push(plainError(`timed out waiting for the condition on ${t.info.plural}/${t.name}`));
  }
  return printErrors(io, failures);
}

export const waitVerb: VerbModule = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  group: 'Advanced Commands',
  flags: FLAGS,
  run: runWait,
};

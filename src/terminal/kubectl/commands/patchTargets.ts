/**
 * The objects a writing verb (patch, scale, label, annotate, set image, rollout) acts on, found the
 * way kubectl's resource builder finds them (kubernetes/cli-runtime pkg/resource/builder.go
 * `ResourceTypeOrNameArgs`, `LabelSelectorParam`, `FilenameParam`, 1.30): `TYPE NAME...`,
 * `TYPE/NAME...`, `TYPE -l sel`, `TYPE --all`, or `-f FILE`. Missing names become NotFound errors
 * kept for the end, as the builder's ContinueOnError does; and the write path shared by those verbs:
 * apply a patch function to the live object and update it through the apiserver.
 */
import type { KindInfo } from '../../../core/api/kinds.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import { type DecodeRequest, sameJson } from '../../../core/apiserver/apiServer.ts';
import { listKind, parseLabelSelector, parseResourceArgs } from '../cli/resources.ts';
import { flagBool, flagList, flagString, type VerbContext } from '../cli/verbModule.ts';
import { apiError, type KubectlError, plainError } from '../errors.ts';
import { readManifests } from '../manifests.ts';

/** One object found for a verb. */
export interface Target {
  info: KindInfo;
  object: KubeObject;
}

/** The builder's error when neither arguments nor files name anything. */
export const NO_RESOURCES_ERROR =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/**
 * Finds the objects named by `args` (or `-f`, `-l`, `--all` when the verb has those flags).
 * Returns the targets found and the errors for the ones that were not; a `fatal` error means the
 * request itself was wrong and nothing should be done.
 */
export function findTargets(
  ctx: VerbContext,
  args: readonly string[],
): { targets: Target[]; errors: KubectlError[] } | { fatal: KubectlError } {
  const { sim } = ctx;
  const targets: Target[] = [];
  const errors: KubectlError[] = [];
  const files = 'filename' in ctx.flags ? flagList(ctx, 'filename') : [];
  const selectorText = 'selector' in ctx.flags ? flagString(ctx, 'selector') : '';
  const all = 'all' in ctx.flags ? flagBool(ctx, 'all') : false;
  const getOne = (info: KindInfo, ns: string | undefined, name: string) => {
    const r = sim.api.get(info.kind, ns, name);
    if (r.ok) targets.push({ info, object: r.value });
    else errors.push(apiError(r.error));
  };
  if (files.length > 0) {
    if (args.length > 0) return { fatal: plainError(`Unexpected args: [${args.join(' ')}]`) };
    const read = readManifests(files, ctx.env.session, ctx.io.stdin);
    if (!read.ok) return { fatal: plainError(read.error) };
    for (const m of read.objects) {
      const ns = m.info.namespaced
        ? (m.object.metadata.namespace as string | undefined) || ctx.namespace
        : undefined;
      getOne(m.info, ns, String(m.object.metadata.name ?? ''));
    }
    return { targets, errors };
  }
  if (args.length === 0) return { fatal: plainError(NO_RESOURCES_ERROR) };
  const parsed = parseResourceArgs(args);
  if (!parsed.ok) return { fatal: parsed.error };
  const spec = parsed.value;
  if (spec.mode === 'pairs') {
    for (const p of spec.pairs) getOne(p.info, ctx.namespace, p.name);
    return { targets, errors };
  }
  if (spec.names.length > 0) {
    if (selectorText) return { fatal: plainError('name cannot be provided when a selector is specified') };
    for (const info of spec.kinds) for (const name of spec.names) getOne(info, ctx.namespace, name);
    return { targets, errors };
  }
  if (!selectorText && !all)
    return { fatal: plainError('resource(s) were provided, but no name was specified') };
  const selector = parseLabelSelector(selectorText);
  if (!selector.ok) return { fatal: selector.error };
  for (const info of spec.kinds)
    for (const object of listKind(sim, info, {
      namespace: ctx.namespace,
      allNamespaces: false,
      selector: selector.value,
    }))
      targets.push({ info, object });
  return { targets, errors };
}

/** What writing a changed object did: the stored object and whether anything changed. */
export type WriteResult =
  | { ok: true; object: KubeObject; changed: boolean }
  | { ok: false; error: KubectlError };

/**
 * Writes `next` (the live object after the verb's change) through the apiserver; a dry run only
 * validates. `changed` tells whether the stored object differs from the live one. `request` says
 * how the apiserver decodes it (the patch sent, the fieldValidation); its warnings go to stderr.
 */
export function writeObject(
  ctx: VerbContext,
  live: KubeObject,
  next: KubeObject,
  dryRun = false,
  request: DecodeRequest = {},
): WriteResult {
  const r = ctx.sim.api.update(next, { dryRun, ...request });
  for (const w of r.warnings ?? []) ctx.io.stderr(`Warning: ${w}\n`);
  if (!r.ok) return { ok: false, error: apiError(r.error) };
  return { ok: true, object: r.value, changed: !sameJson(r.value, live) };
}

/**
 * `kubectl rollout history` and `kubectl rollout undo` for StatefulSets, following
 * kubernetes/kubectl pkg/polymorphichelpers/history.go (`StatefulSetHistoryViewer`,
 * `printHistory`, `printTemplate`) and rollback.go (`StatefulSetRollbacker`, `findHistory`,
 * `statefulsetMatch`) at 1.30. Revisions are the set's ControllerRevisions (written by the
 * StatefulSet controller); undo patches the set with the chosen revision's data — a strategic merge
 * patch whose template carries `$patch: replace` — and prints `statefulset.apps/web rolled back`.
 */
import { qualifiedSingular } from '../../../core/api/kinds.ts';
import { matchesRequirements, selectorRequirements } from '../../../core/api/labels.ts';
import type { ControllerRevision, StatefulSet } from '../../../core/api/types.ts';
import { goJson, revisionData } from '../../../core/controllers/statefulset/revisions.ts';
import type { Simulation } from '../../../core/simulation/simulation.ts';
import type { Proc } from '../../shell/process.ts';
import type { FlagSpec } from '../cli/flags.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagInt } from '../cli/verbModule.ts';
import { DRY_RUN_FLAG, dryRunOf } from '../cli/writeHelpers.ts';
import { fail, type KubectlError, plainError, printErrors } from '../errors.ts';
import { formatPatchError, PatchError, strategicMergePatch } from '../patch/index.ts';
import { writeObject } from './patchTargets.ts';
import { rolloutTargets } from './rolloutTargets.ts';
import { describePodTemplate } from './rolloutTemplate.ts';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** The set's revisions (selector matches and the set controls them), lowest number first. */
export function statefulSetHistory(sim: Simulation, set: StatefulSet): ControllerRevision[] {
  const reqs = selectorRequirements(set.spec.selector) ?? [];
  return sim.store
    .list<ControllerRevision>('ControllerRevision', set.metadata.namespace)
    .filter((r) => matchesRequirements(r.metadata.labels, reqs))
    .filter((r) => (r.metadata.ownerReferences ?? []).some((o) => o.controller && o.uid === set.metadata.uid))
    .sort((a, b) => a.revision - b.revision);
}

/** printHistory: the REVISION / CHANGE-CAUSE table (tabwriter minwidth 0, padding 2). */
function historyTable(revs: ControllerRevision[]): string {
  const rows = [
    ['REVISION', 'CHANGE-CAUSE'],
    ...revs.map((r) => [String(r.revision), r.metadata.annotations?.[CHANGE_CAUSE] || '<none>']),
  ];
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  return rows.map(([a, b]) => `${a.padEnd(width)}${b}\n`).join('');
}

function templateOf(rev: ControllerRevision, set: StatefulSet): StatefulSet['spec']['template'] {
  const patched = strategicMergePatch(set as unknown as Record<string, unknown>, rev.data, 'StatefulSet');
  return (patched as unknown as StatefulSet).spec.template;
}

function* runHistory(ctx: VerbContext): Proc {
  const { io } = ctx;
  const found = rolloutTargets(ctx, 'history');
  if ('fatal' in found) return fail(io, found.fatal);
  const errors: KubectlError[] = [...found.errors];
  const revision = flagInt(ctx, 'revision');
  for (const { info, object } of found.targets) {
    const revs = statefulSetHistory(ctx.sim, object as StatefulSet);
    const name = `${qualifiedSingular(info)}/${object.metadata.name}`;
    if (revs.length === 0) {
      io.stdout(`${name} \nNo rollout history found.\n`);
      continue;
    }
    if (revision > 0) {
      const rev = revs.find((r) => r.revision === revision);
      if (!rev) {
        errors.push(plainError('unable to find the specified revision'));
        continue;
      }
      io.stdout(
        `${name} with revision #${revision}\n${describePodTemplate(templateOf(rev, object as StatefulSet))}\n`,
      );
      continue;
    }
    io.stdout(`${name} \n${historyTable(revs)}\n`);
  }
  return printErrors(io, errors);
}

/** findHistory: the revision to roll back to (second highest for 0), or undefined. */
function findHistory(toRevision: number, revs: ControllerRevision[]): ControllerRevision | undefined {
  if (toRevision === 0) return revs.length <= 1 ? undefined : revs[revs.length - 2];
  return revs.find((r) => r.revision === toRevision);
}

// biome-ignore lint/correctness/useYield: a command that never waits
function* runUndo(ctx: VerbContext): Proc {
  const { io } = ctx;
  const dry = dryRunOf(ctx);
  if ('error' in dry) return fail(io, dry.error);
  const found = rolloutTargets(ctx, 'undo');
  if ('fatal' in found) return fail(io, found.fatal);
  const errors: KubectlError[] = [...found.errors];
  const toRevision = flagInt(ctx, 'to-revision');
  for (const { info, object } of found.targets) {
    const set = object as StatefulSet;
    const revs = statefulSetHistory(ctx.sim, set);
    if (toRevision < 0) {
      errors.push(plainError(`unable to find specified revision ${toRevision} in history`));
      continue;
    }
    if (toRevision === 0 && revs.length <= 1) {
      errors.push(plainError('no last revision to roll back to'));
      continue;
    }
    const to = findHistory(toRevision, revs);
    if (!to) {
      errors.push(plainError(`unable to find specified revision ${toRevision} in history`));
      continue;
    }
    const name = `${qualifiedSingular(info)}/${set.metadata.name}`;
    if (dry.value === 'client') {
      io.stdout(`${name} ${describePodTemplate(templateOf(to, set))}\n`);
      continue;
    }
    if (goJson(revisionData(set)) === goJson(to.data)) {
      io.stdout(`${name} skipped rollback (current template already matches revision ${toRevision})\n`);
      continue;
    }
    let next: StatefulSet;
    try {
      next = strategicMergePatch(
        set as unknown as Record<string, unknown>,
        to.data,
        'StatefulSet',
      ) as unknown as StatefulSet;
    } catch (e) {
      if (!(e instanceof PatchError)) throw e;
      errors.push(plainError(`failed restoring revision ${toRevision}: ${formatPatchError(e)}`));
      continue;
    }
    const w = writeObject(ctx, set, next, dry.value === 'server');
    if (!w.ok) {
      const why =
        w.error.type === 'api'
          ? w.error.status.message
          : w.error.type === 'raw'
            ? w.error.text.trim()
            : w.error.message;
      errors.push(plainError(`failed restoring revision ${toRevision}: ${why}`));
      continue;
    }
    io.stdout(`${name} rolled back${dry.value === 'server' ? ' (server dry run)' : ''}\n`);
  }
  return printErrors(io, errors);
}

const SHARED: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
];

export const rolloutHistoryVerb: VerbModule = {
  name: 'history',
  short: 'View rollout history',
  flags: [...SHARED, { name: 'revision', type: 'int', default: 0 }],
  run: runHistory,
};

export const rolloutUndoVerb: VerbModule = {
  name: 'undo',
  short: 'Undo a previous rollout',
  flags: [...SHARED, { name: 'to-revision', type: 'int', default: 0 }, DRY_RUN_FLAG],
  run: runUndo,
};

/**
 * `kubectl rollout status` for StatefulSets, following kubernetes/kubectl
 * pkg/cmd/rollout/rollout_status.go and pkg/polymorphichelpers/rollout_status.go
 * (`StatefulSetStatusViewer`, 1.30): one message per watch event on the set (the initial ADDED,
 * then every MODIFIED), so a line may repeat; it returns when the rollout is done, at once with
 * `--watch=false`, or with `error: timed out waiting for the condition` after `--timeout`
 * (virtual time). Messages: `Waiting for statefulset spec update to be observed...`,
 * `Waiting for N pods to be ready...`, `Waiting for partitioned roll out to finish: U out of T new
 * pods have been updated...`, `partitioned roll out complete: U new pods have been updated...`;
 * OnDelete sets: `error: rollout status is only available for RollingUpdate strategy type`.
 */
import type { StatefulSet } from '../../../core/api/types.ts';
import { type Proc, waitUntil } from '../../shell/process.ts';
import { parseGoDuration } from '../cli/flags.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagBool, flagString } from '../cli/verbModule.ts';
import { fail, plainError } from '../errors.ts';
import { rolloutTargets } from './rolloutTargets.ts';

/** StatefulSetStatusViewer.Status: the message, whether the rollout is done, or an error text. */
export function statefulSetStatus(sts: StatefulSet): { message: string; done: boolean } | { error: string } {
  const strategy = sts.spec.updateStrategy;
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate')
    return { error: 'rollout status is only available for RollingUpdate strategy type' };
  const status = sts.status;
  const observed = status?.observedGeneration ?? 0;
  if (observed === 0 || (sts.metadata.generation ?? 0) > observed)
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = sts.spec.replicas ?? 1;
  const ready = status?.readyReplicas ?? 0;
  if (ready < replicas)
    return { message: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false };
  const updated = status?.updatedReplicas ?? 0;
  if (strategy?.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (partition !== undefined && updated < replicas - partition)
      return {
        message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...\n`,
        done: false,
      };
    return {
      message: `partitioned roll out complete: ${updated} new pods have been updated...\n`,
      done: true,
    };
  }
  if (status?.updateRevision !== status?.currentRevision)
    return {
      message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${status?.updateRevision ?? ''}...\n`,
      done: false,
    };
  return {
    message: `statefulset rolling update complete ${status?.currentReplicas ?? 0} pods at revision ${status?.currentRevision ?? ''}...\n`,
    done: true,
  };
}

function* runStatus(ctx: VerbContext): Proc {
  const { io, sim } = ctx;
  const timeoutText = flagString(ctx, 'timeout');
  const timeoutMs = parseGoDuration(timeoutText);
  const found = rolloutTargets(ctx, 'status');
  if ('fatal' in found) return fail(io, found.fatal);
  if (found.errors.length > 0) return fail(io, found.errors[0]);
  const target = found.targets[0];
  if (!target) return fail(io, plainError('no objects passed to rollout status'));
  const { namespace, name, uid } = target.object.metadata;
  const watch = flagBool(ctx, 'watch');
  // The watch stream: every change of this set, queued until the command reads it.
  const events: Array<StatefulSet | 'deleted'> = [target.object as StatefulSet];
  const stop = sim.watch((ev) => {
    if (ev.object.kind !== 'StatefulSet' || ev.object.metadata.name !== name) return;
    if (ev.object.metadata.namespace !== namespace) return;
    events.push(
      ev.type === 'DELETED' || ev.object.metadata.uid !== uid ? 'deleted' : (ev.object as StatefulSet),
    );
  });
  const deadline = timeoutMs ? sim.now + timeoutMs : undefined;
  try {
    for (;;) {
      while (events.length > 0) {
        const ev = events.shift() as StatefulSet | 'deleted';
        if (ev === 'deleted') return fail(io, plainError('object has been deleted'));
        const s = statefulSetStatus(ev);
        if ('error' in s) return fail(io, plainError(s.error));
        io.stdout(s.message);
        if (s.done || !watch) return 0;
      }
      const left = deadline === undefined ? undefined : deadline - sim.now;
      if (left !== undefined && left <= 0) return fail(io, plainError('timed out waiting for the condition'));
      const met = yield* waitUntil(() => events.length > 0, left);
      if (!met && events.length === 0) return fail(io, plainError('timed out waiting for the condition'));
    }
  } finally {
    stop();
  }
}

export const rolloutStatusVerb: VerbModule = {
  name: 'status',
  short: 'Show the status of the rollout',
  flags: [
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'watch', short: 'w', type: 'bool', default: true },
    { name: 'revision', type: 'int', default: 0 },
    { name: 'timeout', type: 'duration', default: '0s' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'kustomize', short: 'k', type: 'string' },
  ],
  run: runStatus,
};

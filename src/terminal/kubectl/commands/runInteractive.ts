/**
 * `kubectl run -i [-t] [--rm] NAME --image=IMAGE [--restart=…] [-- CMD…]` after the pod was created,
 * following kubernetes/kubectl pkg/cmd/run/run.go (1.30) `Run` / `handleAttachPod`: wait (virtual
 * time) up to --pod-running-timeout (1m) for the pod to be running and ready (`error: timed out
 * waiting for the condition`), attach to its main process (attach.ts), then with `--rm` delete the
 * pod (`pod "NAME" deleted`, waiting until it is gone), and with --restart=Never report how the pod
 * ended: a failed container is `pod default/NAME terminated (Error)` and its exit status.
 * A pod that completed before kubectl could attach prints its logs instead (not simulated: the
 * lab's shells wait for their stdin).
 */
import type { Pod } from '../../../core/api/types.ts';
import { podIsRunningAndReady } from '../../../core/lifecycle/podActions.ts';
import { type Proc, waitUntil } from '../../shell/process.ts';
import { parseGoDuration } from '../cli/flags.ts';
import type { VerbContext } from '../cli/verbModule.ts';
import { flagBool, flagString } from '../cli/verbModule.ts';
import { fail, plainError } from '../errors.ts';
import { attachSession } from './attach.ts';

/** The interactive run path (plugged into run.ts as `runHooks.interactive`). */
export function* runInteractive(ctx: VerbContext, name: string): Proc {
  const { io, sim } = ctx;
  const ns = ctx.namespace;
  const created = sim.store.get<Pod>('Pod', ns, name);
  if (!created) return fail(io, plainError(`pods "${name}" not found`));
  const uid = created.metadata.uid;
  const current = () => {
    const p = sim.store.get<Pod>('Pod', ns, name);
    return p?.metadata.uid === uid ? p : undefined;
  };
  const completed = (p: Pod | undefined) => p?.status?.phase === 'Succeeded' || p?.status?.phase === 'Failed';
  const timeoutMs = parseGoDuration(flagString(ctx, 'pod-running-timeout') || '1m0s') ?? 60_000;
  const ready = yield* waitUntil(() => {
    const p = current();
    return !p || completed(p) || podIsRunningAndReady(p);
  }, timeoutMs);
  const remove = function* (): Proc {
    if (!flagBool(ctx, 'rm') || !current()) return 0;
    const r = sim.api.delete('Pod', ns, name);
    if (!r.ok) return 0;
    io.stdout(`pod "${name}" deleted\n`);
    yield* waitUntil(() => !current());
    return 0;
  };
  if (!ready) {
    yield* remove();
    return fail(io, plainError('timed out waiting for the condition'));
  }
  const pod = current();
  if (pod && !completed(pod)) {
    const tty = flagBool(ctx, 'stdin') && flagBool(ctx, 'tty');
    yield* attachSession(ctx, pod, name, tty);
  }
  const restart = pod?.spec.restartPolicy ?? 'Always';
  let ended: Pod | undefined;
  if (restart === 'Never') {
    yield* waitUntil(() => !current() || completed(current()), 60_000);
    ended = current();
  }
  yield* remove();
  if (ended?.status?.phase === 'Failed') {
    const term = ended.status.containerStatuses?.[0]?.state.terminated;
    if (!term || term.exitCode === 0)
      return fail(io, plainError(`pod ${ns}/${name} failed with unknown exit code`));
    io.stderr(`pod ${ns}/${name} terminated (${term.reason ?? 'Error'})\n${term.message ?? ''}`);
    return term.exitCode;
  }
  return 0;
}

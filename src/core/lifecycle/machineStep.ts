/**
 * xstate's pure `transition` / `initialTransition` (xstate 5.x xstate.cjs.js), minus their cost:
 * each of those calls builds a fresh inert actor — whose constructor computes the machine's whole
 * initial snapshot — only to hand the transition somewhere to collect actions. The kubelet makes
 * one transition per pod event, so the lab builds one inert scope per machine and reuses it. The
 * results are the same snapshot and the same actions in the same order; nothing is executed.
 */
import { type AnyActorScope, type AnyStateMachine, createActor, type SnapshotFrom } from 'xstate';

interface Collector {
  scope: AnyActorScope;
  actions: unknown[];
}

const collectors = new WeakMap<AnyStateMachine, Collector>();

function collectorFor(machine: AnyStateMachine): Collector {
  let c = collectors.get(machine);
  if (!c) {
    const self = createActor(machine);
    const actions: unknown[] = [];
    const scope = {
      self,
      defer: () => {},
      id: '',
      logger: () => {},
      sessionId: '',
      stopChild: () => {},
      system: self.system,
      emit: () => {},
      actionExecutor: (action: unknown) => {
        actions.push(action);
      },
    } as unknown as AnyActorScope;
    c = { scope, actions };
    collectors.set(machine, c);
  }
  c.actions.length = 0;
  return c;
}

/** The snapshot after `event` and the actions to execute, as xstate's `transition` returns them. */
export function pureTransition<M extends AnyStateMachine, A>(
  machine: M,
  snapshot: SnapshotFrom<M>,
  event: unknown,
): [SnapshotFrom<M>, A[]] {
  const c = collectorFor(machine);
  const next = machine.transition(snapshot, event as never, c.scope) as SnapshotFrom<M>;
  return [next, c.actions.splice(0) as A[]];
}

/** The initial snapshot for `input` and its entry actions, as xstate's `initialTransition` returns them. */
export function pureInitialTransition<M extends AnyStateMachine, A>(
  machine: M,
  input: unknown,
): [SnapshotFrom<M>, A[]] {
  const c = collectorFor(machine);
  const next = machine.getInitialSnapshot(c.scope, input) as SnapshotFrom<M>;
  return [next, c.actions.splice(0) as A[]];
}

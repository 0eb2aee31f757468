/**
 * Test helpers for the state layer, imported only by *.test.ts files: hand-built API objects in the
 * shapes of src/core/api/types.ts and a fake terminal session that records what it was given.
 */
import type { Pod, PodCondition, StatefulSet } from '../core/api/types.ts';
import type { InteractiveSession } from './sessionPort.ts';

/** A StatefulSet object as the apiserver would store it (defaults filled in). */
export function makeSet(
  name: string,
  replicas: number,
  extra: Partial<StatefulSet['spec']> = {},
): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: '1',
      generation: 1,
      creationTimestamp: '2024-06-01T10:00:00Z',
    },
    spec: {
      replicas,
      serviceName: `${name}-svc`,
      selector: { matchLabels: { app: name } },
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'main', image: 'mariadb:11.3.2-jammy' }] },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Mi' } } },
        },
      ],
      ...extra,
    },
    status: { replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 },
  };
}

export type PodShape = 'pending' | 'creating' | 'running' | 'ready' | 'terminating' | 'crashing';

/** A pod of `set` at `ordinal` in the given shape, with a revision label and an IP once running. */
export function makePod(
  set: StatefulSet,
  ordinal: number,
  shape: PodShape,
  revision = `${set.metadata.name}-rev1`,
): Pod {
  const name = `${set.metadata.name}-${ordinal}`;
  const running = shape === 'running' || shape === 'ready' || shape === 'terminating';
  const cond = (type: PodCondition['type'], ok: boolean): PodCondition => ({
    type,
    status: ok ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: '2024-06-01T10:00:00Z',
  });
  const ready = shape === 'ready' || shape === 'terminating';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}-${shape}`,
      resourceVersion: '2',
      creationTimestamp: '2024-06-01T10:00:00Z',
      ...(shape === 'terminating' ? { deletionTimestamp: '2024-06-01T10:01:00Z' } : {}),
      labels: {
        app: set.metadata.name,
        'statefulset.kubernetes.io/pod-name': name,
        'controller-revision-hash': revision,
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          name: set.metadata.name,
          uid: set.metadata.uid,
          controller: true,
        },
      ],
    },
    spec: {
      containers: [{ name: 'main', image: 'mariadb:11.3.2-jammy' }],
      hostname: name,
      subdomain: set.spec.serviceName,
      ...(shape === 'pending' ? {} : { nodeName: 'minikube' }),
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: `data-${name}` } }],
    },
    status: {
      phase: shape === 'pending' || shape === 'creating' ? 'Pending' : 'Running',
      conditions: [cond('PodScheduled', shape !== 'pending'), cond('Ready', ready)],
      ...(running || shape === 'crashing' ? { podIP: `10.244.0.${10 + ordinal}` } : {}),
      containerStatuses:
        shape === 'pending'
          ? undefined
          : [
              {
                name: 'main',
                image: 'mariadb:11.3.2-jammy',
                imageID: '',
                ready,
                restartCount: shape === 'crashing' ? 2 : 0,
                lastState: {},
                state:
                  shape === 'creating'
                    ? { waiting: { reason: 'ContainerCreating' } }
                    : shape === 'crashing'
                      ? { waiting: { reason: 'CrashLoopBackOff' } }
                      : { running: { startedAt: '2024-06-01T10:00:05Z' } },
              },
            ],
    },
  };
}

/**
 * A fake interactive session behaving as the terminal engine's Session does towards the page: it
 * echoes the typed line, prints a canned reply and the prompt again, and prints `^C` on interrupt.
 */
export class FakeSession implements InteractiveSession {
  readonly lines: string[] = [];
  interrupts = 0;
  ticks = 0;
  currentPrompt: string | undefined = '$ ';
  isBusy = false;
  private listeners: Array<(t: string) => void> = [];
  constructor(private readonly reply: (line: string) => string = () => '') {}
  submitLine(line: string): boolean {
    if (this.currentPrompt === undefined) return false;
    this.lines.push(line);
    this.emit(`${line}\n${this.reply(line)}${this.currentPrompt}`);
    return true;
  }
  interrupt(): void {
    this.interrupts++;
    this.emit('^C\n');
  }
  private emit(text: string): void {
    for (const l of this.listeners) l(text);
  }
  tick(): void {
    this.ticks++;
  }
  onOutput(cb: (t: string) => void): void {
    // as the real session: the first listener receives the prompt printed before it subscribed
    if (this.listeners.length === 0 && this.currentPrompt !== undefined) cb(this.currentPrompt);
    this.listeners.push(cb);
  }
}

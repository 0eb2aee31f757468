/**
 * A small, honest stand-in for the kubelet, scheduler, volume binder and garbage collector, for
 * StatefulSet controller tests until the real modules exist (and to test the controller alone).
 * Pods: Pending at creation, bound to node `minikube` after 100 ms, Running+Ready `readyMs` after
 * creation (never, for an image containing `does-not-exist`: ErrImagePull); a deleted pod is
 * removed `terminateMs` after its deletion. Claims: Bound `bindMs` after creation, protected by
 * `kubernetes.io/pvc-protection` while a pod names them. GC: Background deletes dependents whose
 * owners are all gone; Orphan strips owner refs; Foreground deletes dependents first.
 * Not a model of real timings or of the real kubelet's states; only what the controller reads.
 */
import type { KubeObject, PersistentVolumeClaim, Pod } from '../api/types.ts';
import type { KindStrategy } from '../apiserver/kindStrategy.ts';
import type { Timer } from '../clock/virtualClock.ts';
import type { Simulation, SimulationModule } from '../simulation/simulation.ts';

export interface FakeKubeletOptions {
  readyMs?: number;
  /** ± this fraction of readyMs, drawn from the simulation's seeded random */
  readyJitter?: number;
  terminateMs?: number;
  bindMs?: number;
}

const PROTECTION = 'kubernetes.io/pvc-protection';
const DEPENDENT_KINDS = ['Pod', 'PersistentVolumeClaim', 'ControllerRevision'];
const BROKEN = 'does-not-exist';

function byUid<T extends KubeObject>(sim: Simulation, kind: string, t: Timer): T | undefined {
  const d = t.data as { ns: string; name: string };
  const o = sim.store.get<T>(kind, d.ns, d.name);
  return o && o.metadata.uid === t.key ? o : undefined;
}

function claimsOf(pod: Pod): string[] {
  return (pod.spec.volumes ?? []).flatMap((v) =>
    v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [],
  );
}

function condition(type: 'Ready' | 'ContainersReady', ok: boolean, at: string) {
  return { type, status: ok ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: at } as const;
}

/** Writes a pod's status as the kubelet would for Running+Ready (or not ready). */
export function setPodReady(sim: Simulation, namespace: string, name: string, ready: boolean): void {
  const pod = sim.store.get<Pod>('Pod', namespace, name);
  if (!pod) return;
  const at = sim.timestamp();
  sim.api.updateStatus<Pod>({
    ...pod,
    status: {
      ...pod.status,
      phase: 'Running',
      conditions: [condition('ContainersReady', ready, at), condition('Ready', ready, at)],
    },
  });
}

/** Marks a pod Failed (its container exited with an error), as after a crash with restartPolicy Never. */
export function failPod(sim: Simulation, namespace: string, name: string): void {
  const pod = sim.store.get<Pod>('Pod', namespace, name);
  if (!pod) return;
  const at = sim.timestamp();
  sim.api.updateStatus<Pod>({
    ...pod,
    status: {
      ...pod.status,
      phase: 'Failed',
      conditions: [condition('ContainersReady', false, at), condition('Ready', false, at)],
    },
  });
}

function gc(sim: Simulation): void {
  const alive = (kind: string, uid: string) => sim.store.getByUid(kind, uid) !== undefined;
  for (const kind of DEPENDENT_KINDS)
    for (const dep of sim.store.list(kind)) {
      const refs = dep.metadata.ownerReferences ?? [];
      if (refs.length === 0 || dep.metadata.deletionTimestamp) continue;
      const owners = refs.map((r) => ({ r, o: sim.store.getByUid(r.kind, r.uid) }));
      if (owners.some(({ o }) => o?.metadata.finalizers?.includes('foregroundDeletion'))) {
        sim.api.delete(kind, dep.metadata.namespace, dep.metadata.name);
        continue;
      }
      const orphaning = owners
        .filter(({ o }) => o?.metadata.finalizers?.includes('orphan'))
        .map(({ r }) => r.uid);
      const live = refs.filter((r) => alive(r.kind, r.uid) && !orphaning.includes(r.uid));
      if (live.length === refs.length) continue;
      if (live.length === 0 && orphaning.length === 0)
        sim.api.delete(kind, dep.metadata.namespace, dep.metadata.name);
      else {
        const metadata = { ...dep.metadata, ownerReferences: live };
        if (live.length === 0) delete (metadata as Partial<typeof metadata>).ownerReferences;
        sim.api.update({ ...dep, metadata });
      }
    }
  for (const kind of ['StatefulSet']) {
    for (const owner of sim.store.list(kind)) {
      const fin = owner.metadata.finalizers ?? [];
      if (!owner.metadata.deletionTimestamp || fin.length === 0) continue;
      const deps = DEPENDENT_KINDS.flatMap((k) => sim.store.list(k)).filter((d) =>
        (d.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid),
      );
      const blocking = fin.includes('foregroundDeletion')
        ? deps.length > 0
        : deps.length > 0 && fin.includes('orphan');
      if (!blocking) sim.api.update({ ...owner, metadata: { ...owner.metadata, finalizers: [] } });
    }
  }
}

function releaseProtection(sim: Simulation): void {
  for (const pvc of sim.store.list<PersistentVolumeClaim>('PersistentVolumeClaim')) {
    if (!pvc.metadata.deletionTimestamp || !pvc.metadata.finalizers?.includes(PROTECTION)) continue;
    const used = sim.store
      .list<Pod>('Pod', pvc.metadata.namespace)
      .some((p) => claimsOf(p).includes(pvc.metadata.name));
    if (!used)
      sim.api.update({
        ...pvc,
        metadata: { ...pvc.metadata, finalizers: pvc.metadata.finalizers.filter((f) => f !== PROTECTION) },
      });
  }
}

/** The fake module; combine with statefulSetModule in `new Simulation({ modules })`. */
export function fakeKubeletModule(opts: FakeKubeletOptions = {}): SimulationModule {
  const readyMs = opts.readyMs ?? 5000;
  const terminateMs = opts.terminateMs ?? 2000;
  const bindMs = opts.bindMs ?? 1000;
  const podStrategy: KindStrategy = {
    admit: (obj, op) =>
      op === 'create' ? { ...obj, status: { phase: 'Pending', qosClass: 'BestEffort' } } : obj,
  };
  const pvcStrategy: KindStrategy = {
    admit: (obj, op) =>
      op === 'create'
        ? { ...obj, metadata: { ...obj.metadata, finalizers: [PROTECTION] }, status: { phase: 'Pending' } }
        : obj,
  };
  const ref = (o: KubeObject) => ({ ns: o.metadata.namespace, name: o.metadata.name });
  return {
    strategies: { Pod: podStrategy, PersistentVolumeClaim: pvcStrategy },
    controllers: [
      {
        name: 'fake-kubelet',
        handle(ev, sim) {
          const o = ev.object;
          if (o.kind === 'Pod' && ev.type === 'ADDED')
            sim.after(100, 'fake.schedule', o.metadata.uid, ref(o));
          if (
            o.kind === 'Pod' &&
            ev.type === 'MODIFIED' &&
            o.metadata.deletionTimestamp &&
            !ev.oldObject?.metadata.deletionTimestamp
          )
            sim.after(terminateMs, 'fake.remove', o.metadata.uid, ref(o));
          if (o.kind === 'PersistentVolumeClaim' && ev.type === 'ADDED')
            sim.after(bindMs, 'fake.bind', o.metadata.uid, ref(o));
          if (ev.type === 'DELETED' || o.metadata.deletionTimestamp) sim.enqueue('fake-kubelet', 'gc');
        },
        sync(_key, sim) {
          gc(sim);
          releaseProtection(sim);
        },
      },
    ],
    timers: {
      'fake.schedule': (t, sim) => {
        const pod = byUid<Pod>(sim, 'Pod', t);
        if (!pod || pod.metadata.deletionTimestamp) return;
        sim.api.update<Pod>({ ...pod, spec: { ...pod.spec, nodeName: 'minikube' } });
        const broken = pod.spec.containers.some((c) => c.image.includes(BROKEN));
        if (broken) {
          const again = sim.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name) as Pod;
          sim.api.updateStatus<Pod>({
            ...again,
            status: {
              ...again.status,
              reason: undefined,
              containerStatuses: [
                {
                  name: pod.spec.containers[0].name,
                  state: { waiting: { reason: 'ErrImagePull' } },
                  lastState: {},
                  ready: false,
                  restartCount: 0,
                  image: pod.spec.containers[0].image,
                  imageID: '',
                },
              ],
            },
          });
          return;
        }
        const delay = opts.readyJitter ? sim.random.jitter(readyMs, opts.readyJitter) : readyMs;
        sim.after(Math.max(0, delay - 100), 'fake.run', t.key, t.data);
      },
      'fake.run': (t, sim) => {
        const pod = byUid<Pod>(sim, 'Pod', t);
        if (!pod || pod.metadata.deletionTimestamp || pod.status.phase !== 'Pending') return;
        const unbound = claimsOf(pod).some(
          (c) =>
            sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', pod.metadata.namespace, c)?.status
              ?.phase !== 'Bound',
        );
        if (unbound) {
          sim.after(500, 'fake.run', t.key, t.data);
          return;
        }
        setPodReady(sim, pod.metadata.namespace as string, pod.metadata.name, true);
      },
      'fake.remove': (t, sim) => {
        const pod = byUid<Pod>(sim, 'Pod', t);
        if (pod) sim.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
      },
      'fake.bind': (t, sim) => {
        const pvc = byUid<PersistentVolumeClaim>(sim, 'PersistentVolumeClaim', t);
        if (!pvc || pvc.status?.phase === 'Bound') return;
        sim.api.update<PersistentVolumeClaim>({
          ...pvc,
          spec: { ...pvc.spec, volumeName: `pvc-${pvc.metadata.uid}` },
          status: {
            phase: 'Bound',
            accessModes: pvc.spec.accessModes,
            capacity: { storage: pvc.spec.resources.requests.storage },
          },
        });
      },
    },
  };
}

import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/types.ts';
import { makeClusterSim } from '../../cluster/clusterTestKit.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import { claimPhaseOf } from './pvcMachine.ts';
import { volumePhaseOf } from './pvMachine.ts';

const getClaim = (sim: Simulation, name: string) =>
  sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', name);
const getVolume = (sim: Simulation, name: string) =>
  sim.store.get<PersistentVolume>('PersistentVolume', undefined, name);

/**
 * Every persisted claim or volume machine belongs to an object that exists and stands for the phase
 * that object shows; returns how many there were.
 */
function checkMachines(sim: Simulation): number {
  let n = 0;
  for (const [uid, m] of Object.entries(sim.state.machines)) {
    if (m.machine !== 'pvc' && m.machine !== 'pv') continue;
    n++;
    const kind = m.machine === 'pvc' ? 'PersistentVolumeClaim' : 'PersistentVolume';
    const owner = sim.store
      .list<PersistentVolumeClaim | PersistentVolume>(kind)
      .find((o) => o.metadata.uid === uid);
    expect(owner, `${m.machine} machine ${uid} outlived its object`).toBeDefined();
    const phase = m.machine === 'pvc' ? claimPhaseOf(m.value) : volumePhaseOf(m.value);
    expect(phase, `${kind}/${owner?.metadata.name}`).toBe(owner?.status?.phase);
  }
  return n;
}

/** Steps the simulation for `ms` of virtual time, checking the machines after every single step. */
function stepFor(sim: Simulation, ms: number): void {
  const until = sim.now + ms;
  for (;;) {
    const next = sim.state.queue.length > 0 ? sim.now : sim.nextTimerAt();
    if (next === undefined || next > until) break;
    sim.step();
    checkMachines(sim);
  }
}

const machineOf = (sim: Simulation, uid: string) => sim.state.machines[uid];

function claimThrough(reclaimPolicy: 'Delete' | 'Retain') {
  const sim = makeClusterSim();
  sim.api.create({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'lab' },
    provisioner: 'k8s.io/minikube-hostpath',
    reclaimPolicy,
  });
  const created = sim.api.create<PersistentVolumeClaim>({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'default' },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '20Mi' } },
      storageClassName: 'lab',
    },
  });
  if (!created.ok) throw new Error(created.error.message);
  return { sim, claimUid: created.value.metadata.uid, pvName: `pvc-${created.value.metadata.uid}` };
}

describe('claim and volume machines kept with their objects', () => {
  it('Delete: provision, bind, claim deletion and reclaim, the machines matching the phases throughout', () => {
    const { sim, claimUid, pvName } = claimThrough('Delete');
    stepFor(sim, 0);
    // Handed to the provisioner; no volume yet.
    expect(machineOf(sim, claimUid)?.value).toEqual({ phase: { pending: 'provisioning' }, deletion: 'live' });
    expect(getVolume(sim, pvName)).toBeUndefined();

    stepFor(sim, 5000);
    const pv = getVolume(sim, pvName) as PersistentVolume;
    expect(getClaim(sim, 'data')?.status.phase).toBe('Bound');
    expect(pv.status.phase).toBe('Bound');
    expect(machineOf(sim, claimUid)?.value).toEqual({ phase: 'bound', deletion: 'live' });
    expect(machineOf(sim, pv.metadata.uid)?.value).toEqual({ phase: 'bound', deletion: 'live' });
    expect(checkMachines(sim)).toBe(2);

    sim.api.delete('PersistentVolumeClaim', 'default', 'data');
    stepFor(sim, 0);
    // The claim is gone and so is its machine; the volume is Released and awaits its reclaim.
    expect(getClaim(sim, 'data')).toBeUndefined();
    expect(machineOf(sim, claimUid)).toBeUndefined();
    expect(getVolume(sim, pvName)?.status.phase).toBe('Released');
    expect(machineOf(sim, pv.metadata.uid)?.value).toEqual({
      phase: { released: 'reclaiming' },
      deletion: 'live',
    });

    stepFor(sim, 5000);
    expect(getVolume(sim, pvName)).toBeUndefined();
    expect(machineOf(sim, pv.metadata.uid)).toBeUndefined();
    expect(checkMachines(sim)).toBe(0);
  });

  it('Retain: the claim machine goes with the claim, the volume machine stays Released (retained)', () => {
    const { sim, claimUid, pvName } = claimThrough('Retain');
    stepFor(sim, 5000);
    const pv = getVolume(sim, pvName) as PersistentVolume;
    expect(machineOf(sim, pv.metadata.uid)?.value).toEqual({ phase: 'bound', deletion: 'live' });

    sim.api.delete('PersistentVolumeClaim', 'default', 'data');
    stepFor(sim, 60_000);
    expect(machineOf(sim, claimUid)).toBeUndefined();
    expect(getVolume(sim, pvName)?.status.phase).toBe('Released');
    expect(machineOf(sim, pv.metadata.uid)?.value).toEqual({
      phase: { released: 'retained' },
      deletion: 'live',
    });
    expect(checkMachines(sim)).toBe(1);

    // Deleting the retained volume by hand: pv-protection lets it go, and its machine goes with it.
    sim.api.delete('PersistentVolume', undefined, pvName);
    stepFor(sim, 1000);
    expect(getVolume(sim, pvName)).toBeUndefined();
    expect(checkMachines(sim)).toBe(0);
  });

  it('a claim kept by pvc-protection is Terminating but Bound, in the protected deletion state', () => {
    const { sim, claimUid } = claimThrough('Delete');
    stepFor(sim, 5000);
    sim.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'db-0', namespace: 'default' },
      spec: {
        nodeName: 'minikube',
        containers: [{ name: 'db', image: 'registry.k8s.io/nginx-slim:0.8' }],
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
      },
    });
    sim.api.delete('PersistentVolumeClaim', 'default', 'data');
    stepFor(sim, 1000);
    expect(getClaim(sim, 'data')?.metadata.deletionTimestamp).toBeDefined();
    expect(machineOf(sim, claimUid)?.value).toEqual({ phase: 'bound', deletion: 'protected' });
  });

  it('re-adopts a machine that no longer matches its object (a state saved before machines existed)', () => {
    const { sim, claimUid, pvName } = claimThrough('Retain');
    stepFor(sim, 5000);
    const pvUid = getVolume(sim, pvName)?.metadata.uid as string;
    delete sim.state.machines[claimUid];
    delete sim.state.machines[pvUid];
    sim.api.delete('PersistentVolumeClaim', 'default', 'data');
    stepFor(sim, 5000);
    expect(getVolume(sim, pvName)?.status.phase).toBe('Released');
    expect(machineOf(sim, pvUid)?.value).toEqual({ phase: { released: 'retained' }, deletion: 'live' });
  });

  it('trusts the object over a stale machine: a Bound volume stays protected whatever its machine said', () => {
    const { sim, pvName } = claimThrough('Delete');
    stepFor(sim, 5000);
    const pv = getVolume(sim, pvName) as PersistentVolume;
    const stale = machineOf(sim, pv.metadata.uid);
    sim.state.machines[pv.metadata.uid] = {
      ...stale,
      value: { phase: { released: 'retained' }, deletion: 'live' },
    };
    sim.api.delete('PersistentVolume', undefined, pvName);
    stepFor(sim, 5000);
    expect(getVolume(sim, pvName)?.metadata.deletionTimestamp).toBeDefined();
    expect(machineOf(sim, pv.metadata.uid)?.value).toEqual({ phase: 'bound', deletion: 'protected' });
  });
});

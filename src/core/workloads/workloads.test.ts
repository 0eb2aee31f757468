import { describe, expect, it } from 'vitest';
import type { Pod, StatefulSet } from '../api/types.ts';
import { enableAddon } from '../cluster/addons.ts';
import { createSimulation } from '../simulation/createSimulation.ts';
import type { Simulation } from '../simulation/simulation.ts';
import {
  authenticate,
  createDatabase,
  DATADIR_FILE_SIZES,
  dropDatabase,
  listDatabases,
  readTable,
  writeTable,
} from './mariadbDatadir.ts';
import { isMariadbServer, mariadbServerVersion } from './mariadbImage.ts';
import { datadirFiles, nextConnectionId, probeServer, servingServer } from './mariadbServers.ts';
import { nativePasswordHash, sha1Hex } from './sha1.ts';

/** The chapter's headless service and one-replica StatefulSet (shared/seed/minimal-sts.yaml). */
function applyChapter(sim: Simulation, password = 'secret', replicas = 1): void {
  enableAddon(sim, 'csi-hostpath-driver');
  sim.api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'mariadb-svc', namespace: 'default', labels: { app: 'mariadb' } },
    spec: { clusterIP: 'None', ports: [{ port: 3306, name: 'mariadb' }], selector: { app: 'mariadb' } },
  });
  const set = sim.api.create<StatefulSet>({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'mariadb-sts', namespace: 'default' },
    spec: {
      serviceName: 'mariadb-svc',
      replicas,
      selector: { matchLabels: { app: 'mariadb' } },
      template: {
        metadata: { labels: { app: 'mariadb' } },
        spec: {
          containers: [
            {
              name: 'mariadb',
              image: 'mariadb:11.3.2-jammy',
              env: [{ name: 'MARIADB_ROOT_PASSWORD', value: password }],
              ports: [{ containerPort: 3306, name: 'mariadb' }],
              volumeMounts: [{ name: 'dbvl', mountPath: '/var/lib/mysql' }],
            },
          ],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'dbvl' },
          spec: {
            accessModes: ['ReadWriteOnce'],
            storageClassName: 'csi-hostpath-sc',
            resources: { requests: { storage: '20Mi' } },
          },
        },
      ],
    },
  } as unknown as StatefulSet);
  if (!set.ok) throw new Error(set.error.message);
}

const pod = (sim: Simulation, name: string) => sim.store.get<Pod>('Pod', 'default', name);

function serving(sim: Simulation, name: string) {
  const p = pod(sim, name);
  return p ? servingServer(sim, p) : undefined;
}

describe('sha1 / mysql_native_password', () => {
  it('matches the published test vectors', () => {
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    // MariaDB: SELECT PASSWORD('secret')
    expect(nativePasswordHash('secret')).toBe('*14E65567ABDB5135D0CFD9A70B3032C179A49EE7');
  });
});

describe('MariaDB images', () => {
  it('knows the server version of the textbook image and treats a client run as no server', () => {
    expect(mariadbServerVersion('mariadb:11.3.2-jammy')).toBe('11.3.2-MariaDB-1:11.3.2+maria~ubu2204');
    expect(isMariadbServer({ name: 'm', image: 'mariadb:11.3.2-jammy' })).toBe(true);
    expect(isMariadbServer({ name: 'm', image: 'mariadb:11.3.2-jammy', command: ['bash'] })).toBe(false);
    expect(isMariadbServer({ name: 'n', image: 'nginx:1.25' })).toBe(false);
  });
});

describe('datadir on the claim', () => {
  it('is initialised at the first start with the root password and the system databases', () => {
    const sim = createSimulation({ seed: 3 });
    applyChapter(sim);
    expect(sim.runUntil(() => serving(sim, 'mariadb-sts-0') !== undefined, 120_000)).toBe(true);
    const p = pod(sim, 'mariadb-sts-0') as Pod;
    const files = datadirFiles(sim, p, p.spec.containers[0]) as Record<string, string>;
    expect(listDatabases(files)).toEqual(['information_schema', 'mysql', 'performance_schema', 'sys']);
    for (const name of Object.keys(DATADIR_FILE_SIZES)) expect(files[name]).toBeDefined();
    expect(authenticate(files, 'root', p.status.podIP as string, 'secret')).toBe(true);
    expect(authenticate(files, 'root', '10.244.0.99', 'wrong')).toBe(false);
    expect(authenticate(files, 'nobody', '10.244.0.99', 'secret')).toBe(false);
  });

  it('keeps databases across pod deletion, and the first password across env changes', () => {
    const sim = createSimulation({ seed: 4 });
    applyChapter(sim);
    sim.runUntil(() => serving(sim, 'mariadb-sts-0') !== undefined, 120_000);
    const first = serving(sim, 'mariadb-sts-0');
    if (!first) throw new Error('not serving');
    expect(nextConnectionId(sim, first)).toBe(3);
    expect(nextConnectionId(sim, first)).toBe(4);
    createDatabase(first.files, 'test1', 'utf8mb4_general_ci');
    const oldUid = first.pod.metadata.uid;
    // change the password in the template, then recreate the pod
    const set = sim.store.get<StatefulSet>('StatefulSet', 'default', 'mariadb-sts') as StatefulSet;
    const tpl = structuredClone(set.spec.template);
    (tpl.spec.containers[0].env ?? [])[0].value = 'changed';
    sim.api.update({ ...set, spec: { ...set.spec, template: tpl } });
    sim.api.delete('Pod', 'default', 'mariadb-sts-0');
    sim.runUntil(() => {
      const s = serving(sim, 'mariadb-sts-0');
      return s !== undefined && s.pod.metadata.uid !== oldUid;
    }, 120_000);
    const again = serving(sim, 'mariadb-sts-0');
    if (!again) throw new Error('not serving again');
    expect(listDatabases(again.files)).toContain('test1');
    expect(authenticate(again.files, 'root', '10.244.0.50', 'secret')).toBe(true);
    expect(authenticate(again.files, 'root', '10.244.0.50', 'changed')).toBe(false);
    // a new server instance counts connections from 3 again
    expect(nextConnectionId(sim, again)).toBe(3);
  });

  it('answers a probe: refused before the server serves, unreachable for an unused address', () => {
    const sim = createSimulation({ seed: 5 });
    applyChapter(sim);
    sim.runUntil(
      () => pod(sim, 'mariadb-sts-0')?.status.containerStatuses?.[0]?.state.running !== undefined,
      120_000,
    );
    const ip = pod(sim, 'mariadb-sts-0')?.status.podIP as string;
    expect(probeServer(sim, ip).kind).toBe('refused');
    sim.runUntil(() => serving(sim, 'mariadb-sts-0') !== undefined, 60_000);
    expect(probeServer(sim, ip).kind).toBe('serving');
    expect(probeServer(sim, ip, 80).kind).toBe('refused');
    expect(probeServer(sim, '10.244.0.250').kind).toBe('unreachable');
  });
});

describe('datadir layout', () => {
  it('creates, lists and drops databases and tables as directories of files', () => {
    const files: Record<string, string> = {};
    expect(createDatabase(files, 'shop', 'utf8mb4_general_ci')).toBe(true);
    expect(createDatabase(files, 'shop', 'utf8mb4_general_ci')).toBe(false);
    expect(files['shop/db.opt']).toContain('default-character-set=utf8mb4');
    writeTable(
      files,
      'shop',
      'items',
      { columns: [], engineDdl: 'CREATE TABLE items (id INTEGER)', autoIncrement: 0 },
      [[1]],
    );
    expect(Object.keys(files).sort()).toEqual(['shop/db.opt', 'shop/items.frm', 'shop/items.ibd']);
    expect(readTable(files, 'shop', 'items')?.rows).toEqual([[1]]);
    expect(dropDatabase(files, 'shop')).toBe(1);
    expect(Object.keys(files)).toEqual([]);
    expect(dropDatabase(files, 'shop')).toBe(-1);
  });
});

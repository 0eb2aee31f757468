import { describe, expect, it } from 'vitest';
import type { Container, Pod } from '../api/types.ts';
import { encodeBase64 } from '../controllers/apps/base64.ts';
import { createSimulation } from '../simulation/createSimulation.ts';
import { expandEnv, resolveContainerEnv } from './containerEnv.ts';

function setup() {
  const sim = createSimulation({ seed: 2 });
  sim.api.create({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db' },
    data: { pw: encodeBase64('hunter2') },
  });
  sim.api.create({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cfg' },
    data: { mode: 'demo', x: '1' },
  });
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: '' },
    spec: { containers: [], nodeName: 'minikube' },
    status: { phase: 'Running', podIP: '10.244.0.20' },
  } as unknown as Pod;
  return { sim, pod };
}

describe('container environment (kubelet makeEnvironmentVariables)', () => {
  it('resolves secretKeyRef, configMapKeyRef, fieldRef and $(VAR) references in order', () => {
    const { sim, pod } = setup();
    const c: Container = {
      name: 'c',
      image: 'mariadb:11.4',
      env: [
        { name: 'MARIADB_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } },
        { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'mode' } } },
        { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'URL', value: '$(MODE)://$(IP):$(NOPE) $$(MODE)' },
      ],
    };
    const r = resolveContainerEnv(sim.store, pod, c);
    expect(r).toEqual({
      ok: true,
      env: [
        ['MARIADB_ROOT_PASSWORD', 'hunter2'],
        ['MODE', 'demo'],
        ['IP', '10.244.0.20'],
        ['URL', 'demo://10.244.0.20:$(NOPE) $(MODE)'],
      ],
    });
  });

  it("fails with the kubelet's messages for a missing Secret or key, unless optional", () => {
    const { sim, pod } = setup();
    const ref = (name: string, key: string, optional?: boolean) => ({
      name: 'c',
      image: 'x',
      env: [{ name: 'V', valueFrom: { secretKeyRef: { name, key, optional } } }],
    });
    expect(resolveContainerEnv(sim.store, pod, ref('nope', 'pw'))).toEqual({
      ok: false,
      message: 'secret "nope" not found',
    });
    expect(resolveContainerEnv(sim.store, pod, ref('db', 'nokey'))).toEqual({
      ok: false,
      message: "couldn't find key nokey in Secret default/db",
    });
    expect(resolveContainerEnv(sim.store, pod, ref('nope', 'pw', true))).toEqual({ ok: true, env: [] });
  });

  it('takes envFrom first, with its prefix, then env overriding in place', () => {
    const { sim, pod } = setup();
    const c = {
      name: 'c',
      image: 'x',
      envFrom: [{ prefix: 'C_', configMapRef: { name: 'cfg' } }],
      env: [{ name: 'C_x', value: '2' }],
    } as Container;
    expect(resolveContainerEnv(sim.store, pod, c)).toEqual({
      ok: true,
      env: [
        ['C_mode', 'demo'],
        ['C_x', '2'],
      ],
    });
  });

  it('leaves a lone $ and an unclosed reference as written', () => {
    expect(expandEnv('a$b $(X', new Map([['X', '1']]))).toBe('a$b $(X');
  });
});

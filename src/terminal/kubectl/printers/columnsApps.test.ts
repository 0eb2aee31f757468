import { describe, expect, it } from 'vitest';
import { enableAddon } from '../../../core/cluster/addons.ts';
import { createSimulation } from '../../../core/simulation/createSimulation.ts';
import { runKubectl } from '../kubectlTestDriver.ts';
import { selectorText } from './columnsApps.ts';

const header = (out: string) => out.split('\n')[0].split(/\s{2,}/);

describe('kubectl get for the apps and configuration kinds', () => {
  it('prints the server columns of each kind (printers.go 1.30)', () => {
    const sim = createSimulation({ seed: 0 });
    enableAddon(sim, 'volumesnapshots');
    const cases: Array<[string[], string[]]> = [
      [
        ['get', 'deploy', '-n', 'kube-system'],
        ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
      ],
      [
        ['get', 'rs', '-n', 'kube-system'],
        ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
      ],
      [
        ['get', 'ds', '-n', 'kube-system'],
        ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
      ],
      [
        ['get', 'cm', '-n', 'kube-system'],
        ['NAME', 'DATA', 'AGE'],
      ],
      [
        ['get', 'sa', '-n', 'kube-system'],
        ['NAME', 'SECRETS', 'AGE'],
      ],
      [
        ['get', 'deploy', '-n', 'kube-system', '-o', 'wide'],
        ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR'],
      ],
    ];
    for (const [args, cols] of cases) {
      const r = runKubectl(sim, args);
      expect(r.code).toBe(0);
      expect(header(r.stdout)).toEqual(cols);
    }
    const deploy = runKubectl(sim, [
      'get',
      'deploy',
      'snapshot-controller',
      '-n',
      'kube-system',
      '--no-headers',
    ]);
    expect(deploy.stdout.split(/\s+/).slice(0, 4)).toEqual(['snapshot-controller', '2/2', '2', '2']);
    const ds = runKubectl(sim, ['get', 'ds', 'kube-proxy', '-n', 'kube-system', '--no-headers']);
    expect(ds.stdout.split(/\s+/).slice(0, 7)).toEqual([
      'kube-proxy',
      '1',
      '1',
      '1',
      '1',
      '1',
      'kubernetes.io/os=linux',
    ]);
  });

  it('prints Secrets with their type and data count', () => {
    const sim = createSimulation({ seed: 0 });
    sim.api.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db' },
      stringData: { a: '1', b: '2' },
    });
    const r = runKubectl(sim, ['get', 'secret']);
    expect(header(r.stdout)).toEqual(['NAME', 'TYPE', 'DATA', 'AGE']);
    expect(r.stdout.split('\n')[1].split(/\s+/).slice(0, 3)).toEqual(['db', 'Opaque', '2']);
  });

  it('lists the served kinds of the all category in its order', () => {
    const sim = createSimulation({ seed: 0 });
    const r = runKubectl(sim, ['get', 'all', '-A', '--no-headers']);
    const kinds = [
      ...new Set(
        r.stdout
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split(/\s+/)[1].split('/')[0]),
      ),
    ];
    expect(kinds).toEqual(['pod', 'service', 'daemonset.apps', 'deployment.apps', 'replicaset.apps']);
  });

  it('formats selectors as metav1.FormatLabelSelector', () => {
    expect(selectorText({ matchLabels: { b: '2', a: '1' } })).toBe('a=1,b=2');
    expect(
      selectorText({
        matchLabels: { z: '1' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'dev'] },
          { key: 'gone', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('env in (dev,prod),!gone,z=1');
    expect(selectorText({})).toBe('<none>');
  });
});

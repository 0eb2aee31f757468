import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { goYamlKeyLess, resolvesToNonString } from './goYamlScalar.ts';
import { goJsonCompact, printJson, printJsonList } from './json.ts';
import { statefulSet } from './testFixtures.ts';
import { printYaml, printYamlDocuments, printYamlList } from './yaml.ts';

describe('-o yaml (go-yaml v2 via sigs.k8s.io/yaml)', () => {
  it('sorts keys, quotes strings that would read as other types, does not indent sequences', () => {
    const text = printYaml({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: {
        name: 'web-1',
        labels: { 'apps.kubernetes.io/pod-index': '1', app: 'nginx' },
        creationTimestamp: '2024-06-01T10:00:00Z',
        resourceVersion: '42',
      },
      spec: {
        containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }],
        volumes: [],
      },
      status: { conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null }], annotations: {} },
    });
    expect(text).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  creationTimestamp: "2024-06-01T10:00:00Z"',
        '  labels:',
        '    app: nginx',
        '    apps.kubernetes.io/pod-index: "1"',
        '  name: web-1',
        '  resourceVersion: "42"',
        'spec:',
        '  containers:',
        '  - image: nginx:1.25',
        '    name: nginx',
        '    ports:',
        '    - containerPort: 80',
        '  volumes: []',
        'status:',
        '  annotations: {}',
        '  conditions:',
        '  - lastProbeTime: null',
        '    status: "True"',
        '    type: Ready',
        '',
      ].join('\n'),
    );
  });

  it('single-quotes strings plain style cannot carry, literal blocks for multi-line strings', () => {
    const text = printYaml({ a: 'x: y', b: '*', c: '', d: "it's", e: '{"k":"v"}\n', f: 'y' });
    expect(text).toBe('a: \'x: y\'\nb: \'*\'\nc: ""\nd: it\'s\ne: |\n  {"k":"v"}\nf: "y"\n');
  });

  it('folds long strings at the first space past column 80', () => {
    const message =
      '0/1 nodes are available: 1 pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.';
    const text = printYaml({ status: { conditions: [{ message, type: 'PodScheduled' }] } });
    expect(text).toBe(
      'status:\n  conditions:\n' +
        "  - message: '0/1 nodes are available: 1 pod has unbound immediate PersistentVolumeClaims.\n" +
        "      preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.'\n" +
        '    type: PodScheduled\n',
    );
    // folding is YAML-transparent: reading it back gives the original message
    expect(parse(text).status.conditions[0].message).toBe(message);
  });

  it('prints lists as kind: List with an empty resourceVersion', () => {
    expect(printYamlList([])).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
    const sts = statefulSet(0, 1, 1);
    const list = parse(printYamlList([sts]));
    expect(list.items[0].metadata.name).toBe(sts.metadata.name);
    expect(printYamlDocuments([{ a: 1 }, { b: 2 }])).toBe('a: 1\n---\nb: 2\n');
  });

  it('round-trips any JSON object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (v) => {
        // key order differs on purpose (sorted), so compare canonical, key-sorted JSON
        expect(goJsonCompact(parse(printYaml(v)))).toBe(goJsonCompact(JSON.parse(JSON.stringify(v))));
      }),
      { numRuns: 200 },
    );
  });

  it('resolves like go-yaml and orders keys like its keyList', () => {
    for (const s of ['1', '0x1F', '1.5', 'true', 'yes', 'off', '~', '', '2024-06-01', '1e3', '1_000']) {
      expect(resolvesToNonString(s)).toBe(true);
    }
    for (const s of ['mariadb', 'v1', '10.244.0.16', '3306/TCP', 'Running', 'nginx:1.25']) {
      expect(resolvesToNonString(s)).toBe(false);
    }
    expect(goYamlKeyLess('a2', 'a10')).toBe(true);
    expect(goYamlKeyLess('a.b', 'ab')).toBe(true);
  });
});

describe('-o json', () => {
  it('indents by four spaces, sorts keys and escapes HTML characters like Go', () => {
    expect(printJson({ b: [1, 'x'], a: { c: '<none>' }, e: [], f: {} })).toBe(
      '{\n    "a": {\n        "c": "\\u003cnone\\u003e"\n    },\n    "b": [\n        1,\n        "x"\n    ],\n    "e": [],\n    "f": {}\n}\n',
    );
  });

  it('wraps several objects in a List', () => {
    expect(printJsonList([])).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
  });
});

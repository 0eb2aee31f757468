import { describe, expect, it } from 'vitest';
import { parseCustomColumns, printCustomColumns } from './customColumns.ts';
import { asList } from './json.ts';
import { executeJsonPath, type JsonPathTemplate, parseJsonPath } from './jsonpath.ts';
import { deletedLine, nameLine } from './name.ts';
import { pendingPod, runningPod } from './testFixtures.ts';

const pods = [
  runningPod('web-0', 0, '10.244.0.5'),
  runningPod('web-1', 0, '10.244.0.6'),
  pendingPod('web-2', 0),
];
const list = asList(pods);

function run(template: string, data: unknown = list, allowMissingKeys = true): string {
  const tpl = parseJsonPath(template);
  if ('error' in tpl) return `parse error: ${tpl.error}`;
  const r = executeJsonPath(tpl as JsonPathTemplate, data, { allowMissingKeys });
  return 'error' in r ? `error: ${r.error}` : r.text;
}

describe('kubectl JSONPath templates', () => {
  it('fields, wildcards, indexes and slices', () => {
    expect(run('{.items[*].metadata.name}')).toBe('web-0 web-1 web-2');
    expect(run('{.items[0].status.podIP}')).toBe('10.244.0.5');
    expect(run('{.items[-1:].metadata.name}')).toBe('web-2');
    expect(run("{.items[0].metadata.labels['app']}")).toBe('mariadb');
    expect(run('{.items[0,2].metadata.name}')).toBe('web-0 web-2');
    expect(run('{..podIP}')).toBe('10.244.0.5 10.244.0.6');
  });

  it('range/end with quoted literals', () => {
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}')).toBe(
      'web-0\tRunning\nweb-1\tRunning\nweb-2\tPending\n',
    );
    expect(run('names: {range .items[*]}[{.metadata.name}]{end} done')).toBe(
      'names: [web-0][web-1][web-2] done',
    );
  });

  it('filters', () => {
    expect(run('{.items[?(@.status.phase=="Pending")].metadata.name}')).toBe('web-2');
    expect(run('{.items[?(@.status.podIP)].metadata.name}')).toBe('web-0 web-1');
  });

  it('prints maps and lists as compact JSON with sorted keys', () => {
    expect(run('{.items[0].metadata.labels}')).toBe(
      '{"app":"mariadb","statefulset.kubernetes.io/pod-name":"web-0"}',
    );
  });

  it('missing keys print nothing unless disallowed; bad templates give the Go error texts', () => {
    expect(run('{.items[0].nosuch}')).toBe('');
    expect(run('{.items[0].nosuch}', list, false)).toBe('error: nosuch is not found');
    expect(run('{.items[5]}')).toBe('error: array index out of bounds: index 5, length 3');
    expect(run('{.items[0]')).toBe('parse error: unclosed action');
    expect(run('{.items[x]}')).toBe('parse error: invalid array index x');
    expect(run('{.items[0}')).toBe('parse error: unterminated array');
    expect(run('{"abc}')).toBe('parse error: unterminated quoted string');
  });
});

describe('custom columns', () => {
  it('prints headers as given, <none> for missing values, aligned like get', () => {
    const parsed = parseCustomColumns('NAME:.metadata.name,IP:.status.podIP');
    if ('error' in parsed) throw new Error(parsed.error);
    expect(printCustomColumns(parsed.columns, pods)).toBe(
      'NAME    IP\nweb-0   10.244.0.5\nweb-1   10.244.0.6\nweb-2   <none>\n',
    );
    expect(parseCustomColumns('NAME')).toEqual({
      error: 'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>',
    });
  });
});

describe('name printer lines', () => {
  it('mutating commands and delete', () => {
    expect(nameLine('StatefulSet', 'mariadb-sts', 'created')).toBe('statefulset.apps/mariadb-sts created');
    expect(nameLine('Service', 'mariadb-svc')).toBe('service/mariadb-svc');
    expect(nameLine('StorageClass', 'standard', 'annotated')).toBe(
      'storageclass.storage.k8s.io/standard annotated',
    );
    expect(deletedLine('Pod', 'mariadb-sts-0')).toBe('pod "mariadb-sts-0" deleted');
    expect(deletedLine('StatefulSet', 'mariadb-sts')).toBe('statefulset.apps "mariadb-sts" deleted');
    expect(deletedLine('Pod', 'x', { force: true })).toBe('pod "x" force deleted');
  });
});

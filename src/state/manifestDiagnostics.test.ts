/**
 * The editor's markers after Apply: manifests are applied with the lab's own kubectl (typed as
 * `kubectl apply -f - <<'EOF'` like the editor does), and the markers must sit on the lines a learner
 * would fix, carrying kubectl's text as printed. Error texts are the literal ones of
 * shared/spec/kubectl-output.md and the apiserver decode tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../core/simulation/createSimulation.ts';
import { kubectlCommand } from '../terminal/kubectl/kubectlCommand.ts';
import { Session } from '../terminal/shell/session.ts';
import { createAppStore } from './createAppStore.ts';
import { applyLines, applyOutput } from './manifestApply.ts';
import { type ManifestDiagnostic, manifestDiagnostics, pathSegments } from './manifestDiagnostics.ts';

/** A lab with kubectl; `apply` returns what `kubectl apply [flags] -f -` printed for the text. */
function lab() {
  const sim = createSimulation({ seed: 0 });
  const session = new Session({ sim, commands: [kubectlCommand] });
  const { store } = createAppStore({ getSim: () => session.sim, session });
  return {
    apply(text: string, flags = ''): string {
      const lines = applyLines(text);
      if (flags) lines[0] = lines[0].replace('kubectl apply', `kubectl apply ${flags}`);
      const from = store.getState().terminal.nextSeq;
      for (const l of lines) store.getState().submitCommand(l);
      const t = store.getState().terminal;
      const typed = t.chunks
        .filter((c) => c.seq >= from)
        .map((c) => c.text)
        .join('');
      return applyOutput(typed, lines, t.prompt);
    },
  };
}

/** What a learner sees marked, and on which line (1-based). */
function marks(text: string, ds: ManifestDiagnostic[]) {
  return ds.map((d) => ({
    line: text.slice(0, d.from).split('\n').length,
    marked: text.slice(d.from, d.to),
    severity: d.severity,
  }));
}

/** The 1-based line of the `nth` (0-based) line equal to `line` after trimming. */
function lineOf(text: string, line: string, nth = 0): number {
  const hits = text
    .split('\n')
    .map((l, i) => (l.trim() === line ? i + 1 : 0))
    .filter((n) => n > 0);
  return hits[nth];
}

function sts(
  name: string,
  spec: { replicas?: string; extraSpec?: string; label?: string; container?: string },
) {
  return [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  replicas: ${spec.replicas ?? '1'}`,
    '  serviceName: web',
    ...(spec.extraSpec ? [spec.extraSpec] : []),
    '  selector:',
    '    matchLabels:',
    '      app: web',
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${spec.label ?? 'web'}`,
    '    spec:',
    '      containers:',
    '      - name: web',
    '        image: nginx',
    ...(spec.container ? [spec.container] : []),
    '',
  ].join('\n');
}

const SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n  selector:\n    app: web\n  ports:\n  - port: 80\n';
const SELECTOR_MISMATCH =
  'spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`';

describe('kubectl apply errors placed on the manifest', () => {
  it('a successful apply marks nothing', () => {
    const text = `${SERVICE}---\n${sts('web', {})}`;
    const out = lab().apply(text);
    expect(out).toContain('statefulset.apps/web created');
    expect(manifestDiagnostics(text, out)).toEqual([]);
  });

  it('replicas: "three" marks the replicas line with the type error as printed', () => {
    const text = sts('web', { replicas: '"three"' });
    const out = lab().apply(text);
    const ds = manifestDiagnostics(text, out);
    expect(ds.map((d) => d.message)).toEqual([
      'Error from server (BadRequest): error when creating "STDIN": StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32',
    ]);
    expect(marks(text, ds)).toEqual([
      { line: lineOf(text, 'replicas: "three"'), marked: 'replicas: "three"', severity: 'error' },
    ]);
  });

  it('unknown fields (with [i]) in the second document mark those fields, not the Service', () => {
    const text = `${SERVICE}---\n${sts('web', { extraSpec: '  foo: bar', container: '        portz: 1' })}`;
    const out = lab().apply(text);
    expect(out.split('\n')[0]).toBe('service/web created');
    const message =
      'Error from server (BadRequest): error when creating "STDIN": StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.foo", unknown field "spec.template.spec.containers[0].portz"';
    const ds = manifestDiagnostics(text, out);
    expect(ds.every((d) => d.message === message)).toBe(true);
    expect(marks(text, ds)).toEqual([
      { line: lineOf(text, 'foo: bar'), marked: 'foo: bar', severity: 'error' },
      { line: lineOf(text, 'portz: 1'), marked: 'portz: 1', severity: 'error' },
    ]);
  });

  it('a selector mismatch marks the template labels with the Invalid error', () => {
    const text = sts('web', { label: 'other' });
    const out = lab().apply(text);
    const ds = manifestDiagnostics(text, out);
    expect(ds.map((d) => d.message)).toEqual([`The StatefulSet "web" is invalid: ${SELECTOR_MISMATCH}`]);
    expect(marks(text, ds)).toEqual([
      { line: lineOf(text, 'labels:'), marked: 'labels:', severity: 'error' },
    ]);
  });

  it('several causes: each `* ` line marks its own field, shown under the header', () => {
    const text = sts('web', { replicas: '-1', label: 'other' });
    const out = lab().apply(text);
    const [header, ...causes] = out.replace(/\n$/, '').split('\n');
    expect(header).toBe('The StatefulSet "web" is invalid: ');
    expect(causes).toContain(`* ${SELECTOR_MISMATCH}`);
    const ds = manifestDiagnostics(text, out);
    expect(ds.map((d) => d.message)).toEqual(causes.map((c) => `${header}\n${c}`));
    expect(marks(text, ds)).toContainEqual({
      line: lineOf(text, 'replicas: -1'),
      marked: 'replicas: -1',
      severity: 'error',
    });
    expect(marks(text, ds)).toContainEqual({
      line: lineOf(text, 'labels:'),
      marked: 'labels:',
      severity: 'error',
    });
  });

  it('errors of several documents go to the documents they name', () => {
    const text = `${sts('a', { replicas: '-1', label: 'other' })}---\n${sts('b', { label: 'other' })}`;
    const out = lab().apply(text);
    const lines = out.replace(/\n$/, '').split('\n');
    expect(lines).toHaveLength(2);
    const ds = manifestDiagnostics(text, out);
    const m = marks(text, ds);
    // the first document's two causes carry the first line, the second document's cause the second
    expect(ds.filter((d) => d.message === lines[0])).toHaveLength(2);
    expect(m.filter((_, i) => ds[i].message === lines[1])).toEqual([
      { line: lineOf(text, 'labels:', 1), marked: 'labels:', severity: 'error' },
    ]);
    expect(m.filter((_, i) => ds[i].message === lines[0]).map((x) => x.line)).toEqual([
      lineOf(text, 'replicas: -1'),
      lineOf(text, 'labels:', 0),
    ]);
  });

  it('errors naming no object go to the documents of that kind in order', () => {
    const text = `${sts('a', { replicas: '"x"' })}---\n${sts('b', { replicas: '"y"' })}`;
    const ds = manifestDiagnostics(text, lab().apply(text));
    expect(marks(text, ds).map((x) => x.marked)).toEqual(['replicas: "x"', 'replicas: "y"']);
  });

  it('an update to a forbidden field marks spec: with the Forbidden error', () => {
    const l = lab();
    expect(l.apply(sts('web', {}))).toBe('statefulset.apps/web created\n');
    const text = sts('web', {}).replace('serviceName: web', 'serviceName: other');
    const out = l.apply(text);
    const ds = manifestDiagnostics(text, out);
    expect(ds.map((d) => d.message)).toEqual([
      `The StatefulSet "web" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden`,
    ]);
    expect(marks(text, ds)).toEqual([{ line: lineOf(text, 'spec:'), marked: 'spec:', severity: 'error' }]);
  });

  it('failed updates of several objects (`error when applying patch` blocks) go to their documents', () => {
    const l = lab();
    const both = `${sts('a', {})}---\n${sts('b', {})}`;
    l.apply(both);
    const text = both.replaceAll('serviceName: web', 'serviceName: other');
    const out = l.apply(text);
    expect(out).toMatch(/^Error from server \(Invalid\): error when applying patch:\n/);
    const ds = manifestDiagnostics(text, out);
    const topSpec = text.split('\n').flatMap((l, i) => (l === 'spec:' ? [i + 1] : []));
    expect(marks(text, ds).map((m) => m.line)).toEqual(topSpec);
    expect(ds[0].message).toMatch(
      /^Error from server \(Invalid\): error when applying patch:\n[\s\S]*\nName: "a", /,
    );
    expect(ds[1].message).toMatch(/Name: "b", [\s\S]*spec: Forbidden: updates to statefulset spec/);
  });

  it('an unknown field on update (the patch error) still marks the field', () => {
    const l = lab();
    l.apply(sts('web', {}));
    const text = sts('web', { extraSpec: '  foo: bar' });
    const out = l.apply(text);
    expect(out).toMatch(/strict decoding error: unknown field "spec\.foo"/);
    const ds = manifestDiagnostics(text, out);
    expect(marks(text, ds)).toEqual([
      { line: lineOf(text, 'foo: bar'), marked: 'foo: bar', severity: 'error' },
    ]);
    expect(ds[0].message).toBe(out.replace(/\n$/, ''));
  });

  it('--validate=warn: unknown fields become warnings, the selector mismatch stays an error', () => {
    const text = sts('web', { extraSpec: '  foo: bar', label: 'other' });
    const out = lab().apply(text, '--validate=warn');
    const ds = manifestDiagnostics(text, out);
    expect(ds).toContainEqual(
      expect.objectContaining({ message: 'Warning: unknown field "spec.foo"', severity: 'warning' }),
    );
    expect(marks(text, ds)).toEqual([
      { line: lineOf(text, 'foo: bar'), marked: 'foo: bar', severity: 'warning' },
      { line: lineOf(text, 'labels:'), marked: 'labels:', severity: 'error' },
    ]);
  });

  it('a YAML syntax error is placed where the parser stopped, with kubectl’s line as printed', () => {
    const text = sts('web', {}).replace('  serviceName: web', '\tserviceName: web');
    const out = lab().apply(text);
    expect(out).toMatch(/^error: error parsing STDIN: error converting YAML to JSON: yaml: /);
    const ds = manifestDiagnostics(text, out);
    expect(ds.map((d) => d.message)).toEqual([out.replace(/\n$/, '')]);
    expect(marks(text, ds)[0].line).toBe(lineOf(text, 'serviceName: web'));
  });

  it('a document without kind marks its first line', () => {
    const noKind = 'metadata:\n  name: web\nspec:\n  replicas: 2\n';
    const text = `${SERVICE}---\n${noKind}`;
    const out = lab().apply(text);
    expect(out).toBe(
      `error: unable to decode "STDIN": Object 'Kind' is missing in '{"metadata":{"name":"web"},"spec":{"replicas":2}}'\n`,
    );
    expect(marks(text, manifestDiagnostics(text, out))).toEqual([
      { line: lineOf(text, 'metadata:', 1), marked: 'metadata:', severity: 'error' },
    ]);
  });

  it('an unknown kind marks the kind; a missing apiVersion marks the first line', () => {
    const misspelt = sts('web', {}).replace('kind: StatefulSet', 'kind: Statefulset');
    const out = lab().apply(misspelt);
    expect(out).toBe(
      'error: resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "Statefulset" in version "apps/v1"\nensure CRDs are installed first\n',
    );
    const ds = manifestDiagnostics(misspelt, out);
    expect(ds.map((d) => d.message)).toEqual([out.replace(/\n$/, '')]);
    expect(marks(misspelt, ds)[0].marked).toBe('kind: Statefulset');
    const noVersion = sts('web', {}).replace('apiVersion: apps/v1\n', '');
    const out2 = lab().apply(noVersion);
    expect(marks(noVersion, manifestDiagnostics(noVersion, out2))).toEqual([
      { line: 1, marked: 'kind: StatefulSet', severity: 'error' },
    ]);
  });

  it('a Go struct field path without indices marks the first list item that has the field', () => {
    const text = sts('web', {}).replace(
      '        image: nginx\n',
      '        image: nginx\n      - name: db\n        image: mariadb\n        ports:\n        - containerPort: "3306"\n',
    );
    const out = lab().apply(text);
    expect(out).toContain(
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32',
    );
    expect(marks(text, manifestDiagnostics(text, out)).map((m) => m.marked)).toEqual([
      'containerPort: "3306"',
    ]);
  });

  it('a missing required field marks the nearest parent that is there', () => {
    const text = sts('web', {}).replace('  selector:\n    matchLabels:\n      app: web\n', '');
    const out = lab().apply(text);
    expect(out).toContain('spec.selector: Required value');
    expect(marks(text, manifestDiagnostics(text, out))).toContainEqual({
      line: lineOf(text, 'spec:'),
      marked: 'spec:',
      severity: 'error',
    });
  });
});

describe('field paths', () => {
  it('splits dots, list indices and bracketed map keys', () => {
    expect(pathSegments('spec.template.spec.containers[0].ports[1].name')).toEqual([
      'spec',
      'template',
      'spec',
      'containers',
      0,
      'ports',
      1,
      'name',
    ]);
    expect(pathSegments('metadata.labels[app.kubernetes.io/name]')).toEqual([
      'metadata',
      'labels',
      'app.kubernetes.io/name',
    ]);
  });

  it('any text and any output give markers inside the text, and never throw', () => {
    const outputs = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'The StatefulSet "web" is invalid: spec.x: Required value',
        'Warning: unknown field "spec.foo"',
        'error: error parsing STDIN: error converting YAML to JSON: yaml: line 3: x',
        "error: unable to decode \"STDIN\": Object 'Kind' is missing in '{}'",
      ),
    );
    fc.assert(
      fc.property(fc.string(), outputs, (text, out) => {
        for (const d of manifestDiagnostics(text, out)) {
          expect(d.from).toBeGreaterThanOrEqual(0);
          expect(d.to).toBeGreaterThanOrEqual(d.from);
          expect(d.to).toBeLessThanOrEqual(text.length);
        }
      }),
    );
  });
});

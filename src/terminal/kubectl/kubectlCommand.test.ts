import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSimulation } from '../../core/simulation/createSimulation.ts';
import { kubectlCommand } from './kubectlCommand.ts';
import { runKubectl, words } from './kubectlTestDriver.ts';

const MANIFEST = readFileSync(new URL('../../../../shared/seed/minimal-sts.yaml', import.meta.url), 'utf8');
const files = { 'minimal-sts.yaml': MANIFEST };

function setup() {
  const sim = createSimulation({ seed: 1 });
  const k = (line: string, opts: { stdin?: string; files?: Record<string, string> } = {}) =>
    runKubectl(sim, words(line), { files: opts.files ?? files, stdin: opts.stdin });
  const state = () => JSON.stringify(sim.state);
  return { sim, k, state };
}

/** The objects of the chapter's manifest, to derive expected names from. */
const docs = MANIFEST.split(/^---$/m).map((d) => parse(d) as { kind: string; metadata: { name: string } });
const svcName = docs[0].metadata.name;
const stsName = docs[1].metadata.name;

describe('kubectl apply', () => {
  it('creates each object of the chapter manifest in file order; re-applying keeps the Service unchanged', () => {
    const { k, sim } = setup();
    const first = k('apply -f minimal-sts.yaml');
    expect(first.stdout).toBe(`service/${svcName} created\nstatefulset.apps/${stsName} created\n`);
    expect(first.code).toBe(0);
    const sts = sim.store.get('StatefulSet', 'default', stsName);
    const annotation = sts?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'] ?? '';
    expect(annotation.endsWith('\n')).toBe(true);
    expect(JSON.parse(annotation).metadata).toMatchObject({
      name: stsName,
      namespace: 'default',
      annotations: {},
    });
    const generation = sts?.metadata.generation;
    const second = k('apply -f minimal-sts.yaml');
    // The server fills defaults into volumeClaimTemplates, so kubectl's three-way patch is never
    // empty for a StatefulSet with claim templates: real kubectl says `configured` every time
    // (kubernetes/kubernetes#66450), while the object itself does not change.
    expect(second.stdout).toBe(`service/${svcName} unchanged\nstatefulset.apps/${stsName} configured\n`);
    expect(sim.store.get('StatefulSet', 'default', stsName)?.metadata.generation).toBe(generation);
  });

  it('reports configured when the manifest changed, and the change is stored', () => {
    const { k, sim } = setup();
    k('apply -f minimal-sts.yaml');
    const changed = MANIFEST.replace('replicas: 1', 'replicas: 3');
    const r = k('apply -f minimal-sts.yaml', { files: { 'minimal-sts.yaml': changed } });
    expect(r.stdout).toBe(`service/${svcName} unchanged\nstatefulset.apps/${stsName} configured\n`);
    expect(sim.store.get('StatefulSet', 'default', stsName)?.spec.replicas).toBe(3);
  });

  it('reads the manifest from standard input with -f -', () => {
    const { k } = setup();
    expect(k('apply -f -', { stdin: MANIFEST }).stdout).toBe(
      `service/${svcName} created\nstatefulset.apps/${stsName} created\n`,
    );
  });

  it('warns about the missing annotation on objects made by create', () => {
    const { k } = setup();
    k('create -f minimal-sts.yaml');
    const r = k('apply -f minimal-sts.yaml');
    expect(r.stderr).toContain(
      `Warning: resource services/${svcName} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply.`,
    );
  });

  it('rejects a missing file, malformed YAML and unknown kinds without changing the cluster', () => {
    const { k, state } = setup();
    const before = state();
    expect(k('apply -f nope.yaml').stderr).toBe('error: the path "nope.yaml" does not exist\n');
    const bad = k('apply -f bad.yaml', { files: { 'bad.yaml': 'kind: Service\n\tmetadata: x\n' } });
    expect(bad.stderr).toMatch(
      /^error: error parsing bad\.yaml: error converting YAML to JSON: yaml: line \d+: /,
    );
    const unknown = k('apply -f crd.yaml', {
      files: { 'crd.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n' },
    });
    expect(unknown.stderr).toBe(
      'error: resource mapping not found for name: "w" namespace: "" from "crd.yaml": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first\n',
    );
    const noKind = k('apply -f nokind.yaml', {
      files: { 'nokind.yaml': 'apiVersion: v1\nmetadata:\n  name: x\n' },
    });
    expect(noKind.stderr).toBe(
      `error: unable to decode "nokind.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'\n`,
    );
    expect(k('apply').stderr).toBe('error: must specify one of -f and -k\n');
    expect(state()).toBe(before);
  });
});

describe('kubectl create', () => {
  it('creates, then fails with AlreadyExists naming the file, leaving the cluster unchanged', () => {
    const { k, state } = setup();
    expect(k('create -f minimal-sts.yaml').stdout).toBe(
      `service/${svcName} created\nstatefulset.apps/${stsName} created\n`,
    );
    const before = state();
    const again = k('create -f minimal-sts.yaml');
    expect(again.stderr).toBe(
      `Error from server (AlreadyExists): error when creating "minimal-sts.yaml": services "${svcName}" already exists\n` +
        `Error from server (AlreadyExists): error when creating "minimal-sts.yaml": statefulsets.apps "${stsName}" already exists\n`,
    );
    expect(again.code).toBe(1);
    expect(state()).toBe(before);
  });
});

describe('kubectl get', () => {
  it('prints the StatefulSet table with the server columns', () => {
    const { k } = setup();
    k('apply -f minimal-sts.yaml');
    const r = k('get sts');
    const lines = r.stdout.split('\n');
    // spec: `mariadb-sts` is 11 chars, so NAME is 14 wide and READY 8 wide.
    expect(lines[0]).toBe('NAME          READY   AGE');
    expect(lines[1].startsWith(`${stsName}   `)).toBe(true);
    expect(k('get statefulsets.apps').stdout).toBe(r.stdout);
    expect(k(`get sts/${stsName}`).stdout).toBe(r.stdout);
  });

  it('prefixes names with the kind when several kinds are requested', () => {
    const { k } = setup();
    k('apply -f minimal-sts.yaml');
    const r = k('get sts,svc');
    expect(r.stdout).toContain(`statefulset.apps/${stsName} `);
    expect(r.stdout).toContain(`service/${svcName} `);
    expect(r.stdout).toContain('\n\nNAME');
  });

  it('says there is nothing on stderr for an empty list', () => {
    const { k } = setup();
    const r = k('get pods');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('No resources found in default namespace.\n');
    expect(k('get pods -n kube-public').stderr).toBe('No resources found in kube-public namespace.\n');
  });

  it('prints the real errors for unknown types and names', () => {
    const { k, state } = setup();
    const before = state();
    expect(k('get foo').stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
    const missing = k('get pod mariadb-sts-9');
    expect(missing.stderr).toBe('Error from server (NotFound): pods "mariadb-sts-9" not found\n');
    expect(missing.code).toBe(1);
    expect(k('get sts nope').stderr).toBe(
      'Error from server (NotFound): statefulsets.apps "nope" not found\n',
    );
    expect(k('get').stderr).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
    );
    expect(state()).toBe(before);
  });

  it('prints -o name, -o yaml of one object and a List for a collection', () => {
    const { k } = setup();
    k('apply -f minimal-sts.yaml');
    expect(k('get svc -o name').stdout).toContain(`service/${svcName}\n`);
    const one = parse(k(`get sts ${stsName} -o yaml`).stdout);
    expect(one.kind).toBe('StatefulSet');
    expect(one.metadata.name).toBe(stsName);
    const list = parse(k('get sts -o yaml').stdout);
    expect(list.kind).toBe('List');
    expect(list.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual([stsName]);
    expect(JSON.parse(k(`get sts ${stsName} -o json`).stdout).metadata.name).toBe(stsName);
  });

  it('evaluates jsonpath and custom-columns', () => {
    const { k } = setup();
    k('apply -f minimal-sts.yaml');
    expect(k(`get sts ${stsName} -o jsonpath={.spec.serviceName}`).stdout).toBe(svcName);
    expect(k('get sts -o custom-columns=N:.metadata.name,R:.spec.replicas').stdout).toBe(
      `N             R\n${stsName}   1\n`,
    );
  });

  it('filters with -l and adds label columns', () => {
    const { k } = setup();
    k('apply -f minimal-sts.yaml');
    expect(k('get svc -l app=mariadb -o name').stdout).toBe(`service/${svcName}\n`);
    expect(k('get svc -l app=nothing').stderr).toBe('No resources found in default namespace.\n');
    expect(k(`get svc ${svcName} --show-labels`).stdout.split('\n')[1].endsWith('app=mariadb')).toBe(true);
  });

  it('watches: prints the current rows, then a row for each change, until interrupted', () => {
    const { k, sim } = setup();
    k('apply -f minimal-sts.yaml');
    let out = '';
    const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (out += t) };
    const session = { sim, namespace: 'default', readFile: () => undefined, history: [], headless: true };
    const proc = kubectlCommand.run(words('get svc -w'), { io, session });
    const first = proc.next();
    expect(first.done).toBe(false);
    const initial = out;
    expect(initial.split('\n')[0].startsWith('NAME')).toBe(true);
    const wait = first.value as { type: string; done: () => boolean };
    expect(wait.type).toBe('until');
    expect(wait.done()).toBe(false);
    const svc = sim.store.get('Service', 'default', svcName);
    if (!svc) throw new Error('service missing');
    sim.api.update({ ...svc, metadata: { ...svc.metadata, labels: { app: 'mariadb', tier: 'db' } } });
    expect(wait.done()).toBe(true);
    proc.next({ type: 'until', met: true });
    const added = out
      .slice(initial.length)
      .split('\n')
      .filter((l) => l !== '');
    expect(added).toHaveLength(1);
    expect(added[0].startsWith(`${svcName} `)).toBe(true);
    proc.return(130);
    sim.api.update({ ...svc, metadata: { ...svc.metadata, labels: { app: 'x' } } });
    expect(
      out
        .slice(initial.length)
        .split('\n')
        .filter((l) => l !== ''),
    ).toHaveLength(1);
  });

  it('rejects unknown output formats', () => {
    const { k } = setup();
    expect(k('get pods -o foo').stderr).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
  });
});

describe('kubectl delete', () => {
  it('deletes by name with the delete printer line and waits until the object is gone', () => {
    const { k, sim } = setup();
    k('apply -f minimal-sts.yaml');
    const r = k(`delete svc ${svcName}`);
    expect(r.stdout).toBe(`service "${svcName}" deleted\n`);
    expect(sim.store.get('Service', 'default', svcName)).toBeUndefined();
  });

  it('reports NotFound and changes nothing', () => {
    const { k, state } = setup();
    const before = state();
    const r = k('delete pod mariadb-sts-0');
    expect(r.stderr).toBe('Error from server (NotFound): pods "mariadb-sts-0" not found\n');
    expect(r.code).toBe(1);
    expect(k('delete pods').stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(k('delete pods --cascade=sideways x').stderr).toBe(
      'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"\n',
    );
    expect(state()).toBe(before);
  });

  it('prints No resources found when a selector matches nothing', () => {
    const { k } = setup();
    expect(k('delete pods -l app=none').stdout).toBe('No resources found\n');
  });

  it('force-deletes with the warning first', () => {
    const { k } = setup();
    k('apply -f minimal-sts.yaml');
    const r = k(`delete svc ${svcName} --force --grace-period=0`);
    expect(r.screen).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n' +
        `service "${svcName}" force deleted\n`,
    );
  });

  it('deletes what a file names', () => {
    const { k } = setup();
    k('apply -f minimal-sts.yaml');
    expect(k('delete -f minimal-sts.yaml --wait=false').stdout).toBe(
      `service "${svcName}" deleted\nstatefulset.apps "${stsName}" deleted\n`,
    );
  });
});

describe('kubectl wait', () => {
  it('succeeds at once for --for=delete on an absent object', () => {
    const { k } = setup();
    expect(k('wait --for=delete pod/ghost').code).toBe(0);
  });

  it('times out after the virtual timeout with the real message', () => {
    const { k, sim } = setup();
    k('apply -f minimal-sts.yaml');
    const start = sim.now;
    const r = k(`wait --for=condition=Bogus svc/${svcName} --timeout=5s`);
    expect(r.stderr).toBe(`error: timed out waiting for the condition on services/${svcName}\n`);
    expect(sim.now - start).toBe(5_000);
  });

  it('prints condition met when a jsonpath condition holds', () => {
    const { k } = setup();
    k('apply -f minimal-sts.yaml');
    expect(k(`wait --for=jsonpath={.spec.serviceName}=${svcName} sts/${stsName}`).stdout).toBe(
      `statefulset.apps/${stsName} condition met\n`,
    );
    expect(k('wait --for=jsonpath={.a} sts/x').stderr).toBe(
      "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3\n",
    );
  });
});

describe('kubectl entry point', () => {
  it('suggests commands like cobra', () => {
    const { k } = setup();
    expect(k('gte pods').stderr).toBe(
      'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n',
    );
    expect(k('frobnicate').stderr).toBe('error: unknown command "frobnicate" for "kubectl"\n');
  });

  it('prints pflag errors with the usage hint', () => {
    const { k } = setup();
    expect(k('get pods --foo').stderr).toBe(
      "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
    );
    expect(k('get pods -x').stderr).toBe(
      "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n",
    );
    expect(k('get pods -o').stderr).toBe(
      "error: flag needs an argument: 'o' in -o\nSee 'kubectl get --help' for usage.\n",
    );
  });

  it('accepts global flags before the verb', () => {
    const { k } = setup();
    expect(k('-n kube-public get pods').stderr).toBe('No resources found in kube-public namespace.\n');
  });

  it('prints the root help, and the delete help', () => {
    const { k } = setup();
    const help = k('--help').stdout;
    expect(help.startsWith('kubectl controls the Kubernetes cluster manager.\n')).toBe(true);
    expect(help).toContain('  get             Display one or many resources\n');
    expect(k('delete --help').stdout).toContain('Usage:\n  kubectl delete ([-f FILENAME]');
  });

  it('prints the connection error when the cluster is gone', () => {
    const { k, sim, state } = setup();
    sim.state.minikube.host = 'Absent';
    const before = state();
    const r = k('get pods');
    expect(
      r.stderr.endsWith(
        'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
      ),
    ).toBe(true);
    expect(r.code).toBe(1);
    expect(state()).toBe(before);
  });

  it('prints version lines, and api-resources from the kind registry', () => {
    const { k } = setup();
    expect(k('version').stdout).toBe(
      'Client Version: v1.30.0\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\nServer Version: v1.30.0\n',
    );
    const ar = k('api-resources').stdout.split('\n');
    expect(ar[0].split(/\s+/)).toEqual(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
    expect(ar.find((l) => l.startsWith('statefulsets'))?.split(/\s+/)).toEqual([
      'statefulsets',
      'sts',
      'apps/v1',
      'true',
      'StatefulSet',
    ]);
  });
});

/**
 * Random and mutated command lines for the fuzz test. Lines are built from the vocabulary a learner
 * of the chapter uses (verbs, kinds with short names and plurals, the chapter's object names, flags
 * and their values, minikube sub-commands), then often mutated: a word dropped, duplicated, replaced,
 * garbled or cut short. Words are shell-quoted so that a garbled word stays one argument; a few raw
 * lines test the shell itself. Interactive sessions (`-it`) and `--help` are left out: they belong to
 * other suites (pod shells; help texts).
 */
import type { Rand } from './rand.ts';

const KUBECTL_VERBS = [
  'get',
  'describe',
  'delete',
  'apply',
  'create',
  'scale',
  'patch',
  'set',
  'label',
  'annotate',
  'rollout',
  'wait',
  'logs',
  'exec',
  'run',
  'events',
  'api-resources',
  'version',
  'gte',
  'foo',
];
const KINDS = [
  'pods',
  'pod',
  'po',
  'sts',
  'statefulset',
  'statefulsets',
  'statefulset.apps',
  'pvc',
  'persistentvolumeclaims',
  'pv',
  'svc',
  'service',
  'ep',
  'endpoints',
  'sc',
  'storageclass',
  'no',
  'nodes',
  'ns',
  'controllerrevisions',
  'events',
  'ev',
  'all',
  'pod,svc',
  'sts,pvc,pv',
  'foo',
  'deployments',
  'Pods',
];
const NAMES = [
  'mariadb-sts',
  'mariadb-sts-0',
  'mariadb-sts-1',
  'mariadb-svc',
  'dbvl-mariadb-sts-0',
  'minikube',
  'default',
  'kube-system',
  'csi-hostpath-sc',
  'standard',
  'nosuch',
  'Bad_Name',
  'sts/mariadb-sts',
  'pod/mariadb-sts-0',
  'statefulset/mariadb-sts',
  'svc/mariadb-svc',
];
const FLAGS: readonly (readonly string[])[] = [
  ['-o', 'wide'],
  ['-o', 'yaml'],
  ['-o', 'json'],
  ['-o', 'name'],
  ['-o', 'jsonpath={.metadata.name}'],
  ['-o', 'jsonpath={.items[*].status.podIP}'],
  ['-o', 'jsonpath={.x'],
  ['-o', 'custom-columns=NAME:.metadata.name,PHASE:.status.phase'],
  ['-o', 'bogus'],
  ['-A'],
  ['--all-namespaces'],
  ['-n', 'kube-system'],
  ['-n', 'nosuch'],
  ['-l', 'app=mariadb'],
  ['-l', 'app in (mariadb)'],
  ['-l', '!app'],
  ['-l', 'a b'],
  ['-L', 'app'],
  ['--show-labels'],
  ['--no-headers'],
  ['--sort-by=.metadata.name'],
  ['--sort-by=.nosuch'],
  ['--replicas=3'],
  ['--replicas=0'],
  ['--replicas=-1'],
  ['--replicas=x'],
  ['--replicas'],
  ['-p', '{"spec":{"replicas":2}}'],
  ['-p', '{"spec":{"template":{"spec":{"containers":[{"name":"mariadb","image":"mariadb:11.4"}]}}}}'],
  ['-p', '[{"op":"replace","path":"/spec/replicas","value":2}]'],
  ['-p', '[{"op":"remove","path":"/spec/nosuch"}]'],
  ['-p', '{"metadata":{"labels":{"tier":"db"}}}'],
  ['-p', 'not json'],
  ['-p', '{"spec":{"serviceName":"other"}}'],
  ['--type=json'],
  ['--type=merge'],
  ['--type=strategic'],
  ['--type=bogus'],
  ['--grace-period=0'],
  ['--grace-period=5'],
  ['--force'],
  ['--wait=false'],
  ['--all'],
  ['--cascade=orphan'],
  ['--cascade=foreground'],
  ['--cascade=sideways'],
  ['-f', 'minimal-sts.yaml'],
  ['-f', 'm.yaml'],
  ['-f', 'nosuch.yaml'],
  ['-f'],
  ['--for=condition=Ready'],
  ['--for=delete'],
  ['--for=jsonpath={.status.readyReplicas}=1'],
  ['--timeout=2s'],
  ['--timeout=bogus'],
  ['--to-revision=1'],
  ['--to-revision=9'],
  ['--revision=1'],
  ['--tail=1'],
  ['--previous'],
  ['-c', 'mariadb'],
  ['-c', 'nosuch'],
  ['--image=nginx:1.25'],
  ['--image=nginx:does-not-exist'],
  ['--overwrite'],
  ['tier=db'],
  ['tier-'],
  ['app=other'],
  ['mariadb=mariadb:11.4'],
  ['nosuch=nginx'],
  ['--', 'hostname'],
  ['--', 'ls', '/nosuch'],
  ['--client'],
  ['--nosuch'],
  ['-z'],
  ['-w'],
];
const ROLLOUT = ['status', 'history', 'undo', 'restart', 'pause', 'resume', 'bogus'];
const MINIKUBE = [
  ['status'],
  ['addons', 'list'],
  ['addons', 'enable', 'csi-hostpath-driver'],
  ['addons', 'enable', 'volumesnapshots'],
  ['addons', 'disable', 'storage-provisioner'],
  ['addons', 'disable', 'default-storageclass'],
  ['addons', 'enable', 'nosuch'],
  ['addons', 'enable'],
  ['addons', 'bogus'],
  ['stop'],
  ['start'],
  ['delete'],
  ['foo'],
];
const OTHER = [['kubctl', 'get', 'pods'], ['echo', 'hi'], ['ls'], ['minikub', 'status'], ['sleep', '3']];

/** Quotes a word for bash (single quotes unless it is plainly safe). */
export function shellQuote(w: string): string {
  if (/^[A-Za-z0-9_./=:,@%+-]+$/.test(w)) return w;
  return `'${w.replace(/'/g, `'\\''`)}'`;
}

function kubectlWords(rand: Rand): string[] {
  const verb = rand.pick(KUBECTL_VERBS);
  const words = ['kubectl', verb];
  if (verb === 'rollout') words.push(rand.pick(ROLLOUT));
  if (verb === 'set') words.push(rand.chance(0.8) ? 'image' : 'bogus');
  if (rand.chance(0.8)) words.push(rand.pick(KINDS));
  for (let n = rand.int(3); n > 0; n--) words.push(rand.pick(NAMES));
  for (let n = rand.int(4); n > 0; n--) words.push(...rand.pick(FLAGS));
  return words;
}

function garble(w: string, rand: Rand): string {
  const chars = ['"', "'", '{', '}', '[', ']', '\\', '$', ' ', ';', '|', '&', '*', '~', 'é', '\t', '='];
  const at = rand.int(w.length + 1);
  return w.slice(0, at) + rand.pick(chars) + w.slice(at);
}

function mutate(words: string[], rand: Rand): string[] {
  const out = [...words];
  const i = 1 + rand.int(Math.max(1, out.length - 1));
  switch (rand.int(5)) {
    case 0:
      out.splice(i, 1);
      break;
    case 1:
      out.splice(i, 0, out[i] ?? '');
      break;
    case 2:
      out[i] = rand.pick([...KINDS, ...NAMES, ...FLAGS.flat()]);
      break;
    case 3:
      out[i] = garble(out[i] ?? '', rand);
      break;
    default:
      out.length = Math.max(1, i);
  }
  return out;
}

/** Raw lines: shell syntax the learner may get wrong (quotes, pipes, separators). */
const RAW = [
  'kubectl get pods | grep mariadb',
  'kubectl get pods | wc -l',
  'kubectl get pods; kubectl get svc',
  'kubectl get nosuch && echo never',
  '# a comment',
  '',
  '   ',
  'kubectl get pods -o jsonpath="{.items[0].metadata.name}"',
  "kubectl get 'pods",
  'kubectl get pods |',
  'echo $?',
  'timeout 2 kubectl get pods -w',
];

/** One command line (already quoted for the shell). */
export function commandLine(rand: Rand): string {
  const r = rand.next();
  if (r < 0.05) return rand.pick(RAW);
  let words: string[];
  if (r < 0.15) words = ['minikube', ...rand.pick(MINIKUBE)];
  else if (r < 0.3) words = ['kubectl', rand.pick(['apply', 'apply', 'create', 'delete']), '-f', 'm.yaml'];
  else if (r < 0.18) words = [...rand.pick(OTHER)];
  else words = kubectlWords(rand);
  if (rand.chance(0.5)) words = mutate(words, rand);
  return words.map(shellQuote).join(' ');
}

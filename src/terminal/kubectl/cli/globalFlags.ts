/**
 * kubectl's global (persistent) flags, accepted before or after the verb as in kubectl 1.30
 * (`kubectl options`: genericclioptions ConfigFlags plus klog's `-v`). Only `--namespace` changes
 * what the lab does; the others are accepted so that commands copied from tutorials still run, and
 * have no effect on a single-context minikube session.
 */
import type { FlagSpec } from './flags.ts';

const string = (name: string, short?: string): FlagSpec => ({ name, short, type: 'string' });

/** Every global flag of kubectl 1.30. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  string('namespace', 'n'),
  string('kubeconfig'),
  string('context'),
  string('cluster'),
  string('user'),
  string('server', 's'),
  string('token'),
  string('as'),
  { name: 'as-group', type: 'stringArray' },
  string('as-uid'),
  string('cache-dir'),
  string('certificate-authority'),
  string('client-certificate'),
  string('client-key'),
  string('tls-server-name'),
  string('username'),
  string('password'),
  { name: 'request-timeout', type: 'string', default: '0' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'match-server-version', type: 'bool' },
  { name: 'disable-compression', type: 'bool' },
  { name: 'warnings-as-errors', type: 'bool' },
  { name: 'v', short: 'v', type: 'int' },
  { name: 'log-flush-frequency', type: 'duration', default: '5s' },
  { name: 'profile', type: 'string', default: 'none' },
  { name: 'profile-output', type: 'string', default: 'profile.pprof' },
];

/** Global flags that take a value (for finding the verb among the arguments, cobra `stripFlags`). */
export function globalFlagTakesValue(arg: string): boolean {
  if (arg.includes('=')) return false;
  if (arg.startsWith('--')) {
    const spec = GLOBAL_FLAGS.find((f) => f.name === arg.slice(2));
    return spec !== undefined && spec.type !== 'bool';
  }
  if (arg.length === 2 && arg[0] === '-') {
    const spec = GLOBAL_FLAGS.find((f) => f.short === arg[1]);
    return spec !== undefined && spec.type !== 'bool';
  }
  return false;
}

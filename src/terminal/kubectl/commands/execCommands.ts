/**
 * The non-interactive commands `kubectl exec POD -- CMD` can run until the pod-shell engineer's
 * container shell replaces this module: `hostname` (`-f` for the FQDN), `echo`, `cat /etc/hostname`,
 * and `env` (the container's own variables plus HOSTNAME and the `kubernetes` Service variables the
 * kubelet injects). Anything else fails as containerd/docker report a missing executable (exit 126).
 * Lab differences: `env` omits the image's own variables (PATH, HOME, ...), and `ls` is not
 * simulated; the replacement shell will know each image's files.
 */
import type { Container, Pod } from '../../../core/api/types.ts';

/** What a command printed and its exit status. */
export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs `argv` in container `c` of `pod`; the default implementation (replaceable, see exec.ts). */
export type ExecRunner = (pod: Pod, c: Container, argv: readonly string[]) => ExecResult;

function fqdn(pod: Pod): string {
  const host = pod.spec.hostname || pod.metadata.name;
  return pod.spec.subdomain
    ? `${host}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.cluster.local`
    : host;
}

const ok = (stdout: string): ExecResult => ({ stdout, stderr: '', exitCode: 0 });

/** The built-in ExecRunner. */
export const runExecCommand: ExecRunner = (pod, c, argv) => {
  const [cmd, ...args] = argv;
  const host = pod.spec.hostname || pod.metadata.name;
  switch (cmd) {
    case 'hostname':
      return ok(`${args.includes('-f') || args.includes('--fqdn') ? fqdn(pod) : host}\n`);
    case 'echo':
      return ok(`${args.join(' ')}\n`);
    case 'cat': {
      let out = '';
      let err = '';
      for (const f of args) {
        if (f === '/etc/hostname') out += `${host}\n`;
        else err += `cat: ${f}: No such file or directory\n`;
      }
      return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
    }
    case 'env': {
      const vars = [
        `HOSTNAME=${host}`,
        ...(c.env ?? []).filter((e) => e.value !== undefined).map((e) => `${e.name}=${e.value}`),
        'KUBERNETES_SERVICE_PORT_HTTPS=443',
        'KUBERNETES_SERVICE_PORT=443',
        'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
        'KUBERNETES_PORT_443_TCP_PROTO=tcp',
        'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
        'KUBERNETES_SERVICE_HOST=10.96.0.1',
        'KUBERNETES_PORT=tcp://10.96.0.1:443',
        'KUBERNETES_PORT_443_TCP_PORT=443',
      ];
      return ok(`${vars.join('\n')}\n`);
    }
    default:
      return {
        stdout: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown\r\n`,
        stderr: '',
        exitCode: 126,
      };
  }
};

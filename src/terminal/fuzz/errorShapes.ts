/**
 * The shapes of the first stderr line a real bash, kubectl 1.30 or minikube 1.33 prints when a command
 * fails — the fuzz test's oracle for "every failure prints an error the real tool would print". Each
 * shape names where the real tool writes it, from shared/spec/kubectl-output.md §5 (kubectl
 * pkg/cmd/util/helpers.go checkErr / StandardErrorMessage, cobra, templater FlagErrorFunc),
 * §9 (minikube style/exit reasons, mustload) and shared/spec/terminal-contract.md (bash).
 * A shape is deliberately a prefix, not a whole message: the messages themselves are checked word for
 * word by the transcript tests and the kubectl/minikube unit tests.
 */

export interface ErrorShape {
  /** where the real tool prints this */
  source: string;
  re: RegExp;
}

export const ERROR_SHAPES: readonly ErrorShape[] = [
  { source: 'bash: unknown program', re: /^bash: [^\s:]+: (command not found|No such file or directory)$/ },
  { source: 'bash: syntax error', re: /^bash: syntax error / },
  { source: 'kubectl checkErr: plain error', re: /^error: \S/ },
  {
    source: 'kubectl checkErr: API status (no reason in parentheses when the status has none)',
    re: /^Error from server( \([A-Za-z]+\))?: /,
  },
  { source: 'kubectl checkErr: Invalid with details', re: /^The [A-Za-z]+ "[^"]*" is invalid: / },
  { source: 'kubectl checkErr: Invalid without details', re: /^The request is invalid: / },
  {
    source: 'kubectl get without a type (get.go)',
    re: /^You must specify the type of resource to get\. Use "kubectl api-resources" for a complete list of supported resources\.$/,
  },
  { source: 'kubectl create without -f (create.go)', re: /^Error: must specify one of -f and -k$/ },
  {
    source:
      'kubectl: a command group run without sub-command prints its help on stderr (DefaultSubCommandRun)',
    re: /^Use "kubectl options" for a list of global command-line options \(applies to all commands\)\.$/,
  },
  { source: 'kubectl: client-go remotecommand exit', re: /^command terminated with exit code \d+$/ },
  { source: 'kubectl: warning before the error (delete --force)', re: /^Warning: / },
  {
    source: 'kubectl: klog discovery failure (cluster down)',
    re: /^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ memcache\.go:\d+\] /,
  },
  {
    source: 'kubectl: connection refused (cluster down)',
    re: /^The connection to the server \S+ was refused - did you specify the right host or port\?$/,
  },
  {
    source: 'minikube/cobra: usage error',
    re: /^Error: (unknown (command|flag|shorthand flag)|flag needs an argument|invalid argument |accepts |requires )/,
  },
  { source: 'minikube: exit reason', re: /^❌ {2}Exiting due to [A-Z_]+: / },
  { source: 'minikube: no profile (mustload)', re: /^🤷 {2}Profile "[^"]+" not found\./ },
  { source: 'minikube status of a cluster that is not running (status.go, exit 7)', re: /^minikube$/ },
  {
    source: 'minikube: exit tip (mustload exitTip)',
    re: /^👉 {2}To start a cluster, run: "minikube start"$/,
  },
  {
    source: 'minikube: not running (mustload)',
    re: /^🤷 {2}The control-plane node minikube host is not running/,
  },
];

/** The shape the first non-blank stderr line matches, or undefined when it matches none. */
export function errorShapeOf(stderr: string): ErrorShape | undefined {
  const first = stderr.split('\n').find((l) => l.trim() !== '');
  if (first === undefined) return undefined;
  return ERROR_SHAPES.find((s) => s.re.test(first));
}

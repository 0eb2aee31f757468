/**
 * `kubectl options` of kubectl 1.30: the global flags every command inherits
 * (cli-runtime genericclioptions ConfigFlags, kubectl's warnings/profiling flags and klog's
 * `-v`/`--vmodule`/`--log-flush-frequency`), printed by kubernetes/kubectl pkg/cmd/options/options.go
 * through templates.UseOptionsTemplates ("The following options can be passed to any command:"
 * then the flag list, unwrapped and not trimmed). `--cache-dir` shows the user's home expanded, as
 * kubectl computes its default from $HOME.
 */

import { goWordWrap } from './goWordWrap.ts';
import { flag, flagUsages, HELP_WIDTH, type HelpFlag } from './helpLayout.ts';

const s = (name: string, usage: string, short?: string): HelpFlag => flag(name, 'string', '', usage, short);

/** The global flags with their usages; `home` fills in --cache-dir's default. */
export function globalHelpFlags(home: string): HelpFlag[] {
  return [
    s(
      'as',
      'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.',
    ),
    flag(
      'as-group',
      'stringArray',
      '[]',
      'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.',
    ),
    s('as-uid', 'UID to impersonate for the operation.'),
    flag('cache-dir', 'string', `${home}/.kube/cache`, 'Default cache directory'),
    s('certificate-authority', 'Path to a cert file for the certificate authority'),
    s('client-certificate', 'Path to a client certificate file for TLS'),
    s('client-key', 'Path to a client key file for TLS'),
    s('cluster', 'The name of the kubeconfig cluster to use'),
    s('context', 'The name of the kubeconfig context to use'),
    flag(
      'disable-compression',
      'bool',
      'false',
      'If true, opt-out of response compression for all requests to the server',
    ),
    flag(
      'insecure-skip-tls-verify',
      'bool',
      'false',
      "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure",
    ),
    s('kubeconfig', 'Path to the kubeconfig file to use for CLI requests.'),
    flag('log-flush-frequency', 'duration', '5s', 'Maximum number of seconds between log flushes'),
    flag('match-server-version', 'bool', 'false', 'Require server version to match client version'),
    s('namespace', 'If present, the namespace scope for this CLI request', 'n'),
    s('password', 'Password for basic authentication to the API server'),
    flag(
      'profile',
      'string',
      'none',
      'Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)',
    ),
    flag('profile-output', 'string', 'profile.pprof', 'Name of the file to write the profile to'),
    flag(
      'request-timeout',
      'string',
      '0',
      "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.",
    ),
    s('server', 'The address and port of the Kubernetes API server', 's'),
    s(
      'tls-server-name',
      'Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used',
    ),
    s('token', 'Bearer token for authentication to the API server'),
    s('user', 'The name of the kubeconfig user to use'),
    s('username', 'Username for basic authentication to the API server'),
    // klog's flags come from Go's flag package: their pflag types are not "string", so no quotes.
    flag('v', 'other', '0', 'number for the log level verbosity', 'v'),
    flag(
      'vmodule',
      'other',
      '',
      'comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)',
    ),
    flag(
      'warnings-as-errors',
      'bool',
      'false',
      'Treat warnings received from the server as errors and exit with a non-zero exit code',
    ),
  ];
}

/** The text of `kubectl options` for a user whose home directory is `home`. */
export function optionsText(home: string): string {
  return goWordWrap(
    `The following options can be passed to any command:\n\n${flagUsages(globalHelpFlags(home))}`,
    HELP_WIDTH,
  );
}

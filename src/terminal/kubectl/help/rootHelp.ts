/**
 * `kubectl --help` (and `kubectl` alone) as kubectl 1.30 prints it: the command groups of
 * kubernetes/kubectl pkg/cmd/cmd.go with their Short texts, rendered by pkg/util/templates
 * (templater.go). The whole list is data, including commands the lab does not simulate, because
 * kubectl prints them all; the text was checked against a real 1.30 transcript.
 */

/** Every top-level kubectl 1.30 command with its Short text, by help group, in kubectl's order. */
export const ROOT_COMMAND_GROUPS: ReadonlyArray<{
  title: string;
  commands: ReadonlyArray<[string, string]>;
}> = [
  {
    title: 'Basic Commands (Beginner)',
    commands: [
      ['create', 'Create a resource from a file or from stdin'],
      [
        'expose',
        'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
      ],
      ['run', 'Run a particular image on the cluster'],
      ['set', 'Set specific features on objects'],
    ],
  },
  {
    title: 'Basic Commands (Intermediate)',
    commands: [
      ['explain', 'Get documentation for a resource'],
      ['get', 'Display one or many resources'],
      ['edit', 'Edit a resource on the server'],
      [
        'delete',
        'Delete resources by file names, stdin, resources and names, or by resources and label selector',
      ],
    ],
  },
  {
    title: 'Deploy Commands',
    commands: [
      ['rollout', 'Manage the rollout of a resource'],
      ['scale', 'Set a new size for a deployment, replica set, or replication controller'],
      ['autoscale', 'Auto-scale a deployment, replica set, stateful set, or replication controller'],
    ],
  },
  {
    title: 'Cluster Management Commands',
    commands: [
      ['certificate', 'Modify certificate resources'],
      ['cluster-info', 'Display cluster information'],
      ['top', 'Display resource (CPU/memory) usage'],
      ['cordon', 'Mark node as unschedulable'],
      ['uncordon', 'Mark node as schedulable'],
      ['drain', 'Drain node in preparation for maintenance'],
      ['taint', 'Update the taints on one or more nodes'],
    ],
  },
  {
    title: 'Troubleshooting and Debugging Commands',
    commands: [
      ['describe', 'Show details of a specific resource or group of resources'],
      ['logs', 'Print the logs for a container in a pod'],
      ['attach', 'Attach to a running container'],
      ['exec', 'Execute a command in a container'],
      ['port-forward', 'Forward one or more local ports to a pod'],
      ['proxy', 'Run a proxy to the Kubernetes API server'],
      ['cp', 'Copy files and directories to and from containers'],
      ['auth', 'Inspect authorization'],
      ['debug', 'Create debugging sessions for troubleshooting workloads and nodes'],
      ['events', 'List events'],
    ],
  },
  {
    title: 'Advanced Commands',
    commands: [
      ['diff', 'Diff the live version against a would-be applied version'],
      ['apply', 'Apply a configuration to a resource by file name or stdin'],
      ['patch', 'Update fields of a resource'],
      ['replace', 'Replace a resource by file name or stdin'],
      ['wait', 'Experimental: Wait for a specific condition on one or many resources'],
      ['kustomize', 'Build a kustomization target from a directory or URL'],
    ],
  },
  {
    title: 'Settings Commands',
    commands: [
      ['label', 'Update the labels on a resource'],
      ['annotate', 'Update the annotations on a resource'],
      ['completion', 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)'],
    ],
  },
  { title: 'Subcommands provided by plugins', commands: [] },
  {
    title: 'Other Commands',
    commands: [
      ['api-resources', 'Print the supported API resources on the server'],
      ['api-versions', 'Print the supported API versions on the server, in the form of "group/version"'],
      ['config', 'Modify kubeconfig files'],
      ['plugin', 'Provides utilities for interacting with plugins'],
      ['version', 'Print the client and server version information'],
    ],
  },
];

/**
 * Names cobra knows besides the listed ones (hidden or not grouped): `alpha`, `help`, `options`.
 * Used for "Did you mean this?" suggestions and to tell real-but-unsimulated commands apart.
 */
export const OTHER_COMMAND_NAMES: readonly string[] = ['alpha', 'help', 'options'];

/** Every real kubectl 1.30 top-level command name. */
export const ALL_COMMAND_NAMES: readonly string[] = [
  ...ROOT_COMMAND_GROUPS.flatMap((g) => g.commands.map(([name]) => name)),
  ...OTHER_COMMAND_NAMES,
];

/** The text of `kubectl --help`. */
export function rootHelpText(): string {
  const width = 16;
  const groups = ROOT_COMMAND_GROUPS.map(
    (g) => `${g.title}:\n${g.commands.map(([n, s]) => `  ${n.padEnd(width)}${s}\n`).join('')}`,
  ).join('\n');
  return (
    'kubectl controls the Kubernetes cluster manager.\n\n' +
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n' +
    `${groups}\n` +
    'Usage:\n  kubectl [flags] [options]\n\n' +
    'Use "kubectl <command> --help" for more information about a given command.\n' +
    'Use "kubectl options" for a list of global command-line options (applies to all commands).\n'
  );
}

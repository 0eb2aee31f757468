/**
 * Help data of `kubectl delete`, `kubectl apply` and `kubectl create` as kubectl 1.30 defines them in
 * kubernetes/kubectl pkg/cmd/delete/{delete.go,delete_flags.go}, pkg/cmd/apply/apply.go and
 * pkg/cmd/create/create.go (Long, Example, Use, flags with defaults and usages). Long texts are as
 * templates.LongDesc renders them; helpLayout.ts lays them out.
 */
import { type CommandHelp, flag } from './helpLayout.ts';
import {
  ALL_NAMESPACES,
  CASCADE,
  DELETE_TIMEOUT,
  DRY_RUN,
  FIELD_SELECTOR,
  FORCE,
  fieldManager,
  GRACE_PERIOD,
  KUSTOMIZE_A,
  KUSTOMIZE_THE,
  PRINT_FLAGS,
  RECURSIVE,
  SAVE_CONFIG,
  SELECTOR,
  VALIDATE,
  waitFlag,
} from './sharedFlags.ts';

export const DELETE: CommandHelp = {
  path: 'delete',
  use: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])',
  long: `Delete resources by file names, stdin, resources and names, or by resources and label selector.

 JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.

 Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.

 IMPORTANT: Force deleting pods does not wait for confirmation that the pod's processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.

 Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.

 After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don't want to wait, you might want to run "kubectl api-resources" to refresh the discovery cache.`,
  example: [
    '# Delete a pod using the type and name specified in pod.json',
    'kubectl delete -f ./pod.json',
    '',
    '# Delete resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml',
    'kubectl delete -k dir',
    '',
    "# Delete resources from all files that end with '.json'",
    "kubectl delete -f '*.json'",
    '',
    '# Delete a pod based on the type and name in the JSON passed into stdin',
    'cat pod.json | kubectl delete -f -',
    '',
    '# Delete pods and services with same names "baz" and "foo"',
    'kubectl delete pod,service baz foo',
    '',
    '# Delete pods and services with label name=myLabel',
    'kubectl delete pods,services -l name=myLabel',
    '',
    '# Delete a pod with minimal delay',
    'kubectl delete pod foo --now',
    '',
    '# Force delete a pod on a dead node',
    'kubectl delete pod foo --force',
    '',
    '# Delete all pods',
    'kubectl delete pods --all',
    '',
    '# Delete all pods only if the user confirms the deletion',
    'kubectl delete pods --all --interactive',
  ],
  flags: [
    flag('all', 'bool', 'false', 'Delete all resources, in the namespace of the specified resource types.'),
    ALL_NAMESPACES,
    CASCADE,
    DRY_RUN,
    FIELD_SELECTOR,
    flag('filename', 'stringSlice', '[]', 'containing the resource to delete.', 'f'),
    FORCE,
    GRACE_PERIOD,
    flag(
      'ignore-not-found',
      'bool',
      'false',
      'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.',
    ),
    flag('interactive', 'bool', 'false', 'If true, delete resource only when user confirms.', 'i'),
    KUSTOMIZE_A,
    flag(
      'now',
      'bool',
      'false',
      'If true, resources are signaled for immediate shutdown (same as --grace-period=1).',
    ),
    flag('output', 'string', '', 'Output mode. Use "-o name" for shorter output (resource/name).', 'o'),
    flag(
      'raw',
      'string',
      '',
      'Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file.',
    ),
    RECURSIVE,
    SELECTOR,
    DELETE_TIMEOUT,
    waitFlag('true'),
  ],
};

export const APPLY: CommandHelp = {
  path: 'apply',
  use: 'apply (-f FILENAME | -k DIRECTORY)',
  long: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

 JSON and YAML formats are accepted.

 Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.`,
  example: [
    '# Apply the configuration in pod.json to a pod',
    'kubectl apply -f ./pod.json',
    '',
    '# Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml',
    'kubectl apply -k dir/',
    '',
    '# Apply the JSON passed into stdin to a pod',
    'cat pod.json | kubectl apply -f -',
    '',
    "# Apply the configuration from all files that end with '.json'",
    "kubectl apply -f '*.json'",
    '',
    '# Note: --prune is still in Alpha',
    '# Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx',
    'kubectl apply --prune -f manifest.yaml -l app=nginx',
    '',
    '# Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file',
    'kubectl apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap',
  ],
  subcommands: [
    ['edit-last-applied', 'Edit latest last-applied-configuration annotations of a resource/object'],
    [
      'set-last-applied',
      'Set the last-applied-configuration annotation on a live object to match the contents of a file',
    ],
    ['view-last-applied', 'View the latest last-applied-configuration annotations of a resource/object'],
  ],
  flags: [
    flag('all', 'bool', 'false', 'Select all resources in the namespace of the specified resource types.'),
    ...PRINT_FLAGS,
    CASCADE,
    DRY_RUN,
    fieldManager('kubectl-client-side-apply'),
    flag('filename', 'stringSlice', '[]', 'The files that contain the configurations to apply.', 'f'),
    FORCE,
    flag(
      'force-conflicts',
      'bool',
      'false',
      'If true, server-side apply will force the changes against conflicts.',
    ),
    GRACE_PERIOD,
    KUSTOMIZE_A,
    flag(
      'openapi-patch',
      'bool',
      'true',
      'If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec. Otherwise, fall back to use baked-in types.',
    ),
    flag(
      'overwrite',
      'bool',
      'true',
      'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration',
    ),
    flag(
      'prune',
      'bool',
      'false',
      'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.',
    ),
    flag(
      'prune-allowlist',
      'stringArray',
      '[]',
      'Overwrite the default allowlist with <group/version/kind> for --prune',
    ),
    RECURSIVE,
    SELECTOR,
    flag('server-side', 'bool', 'false', 'If true, apply runs in the server instead of the client.'),
    DELETE_TIMEOUT,
    VALIDATE,
    waitFlag('false'),
  ],
};

export const CREATE: CommandHelp = {
  path: 'create',
  use: 'create -f FILENAME',
  long: `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.`,
  example: [
    '# Create a pod using the data in pod.json',
    'kubectl create -f ./pod.json',
    '',
    '# Create a pod based on the JSON passed into stdin',
    'cat pod.json | kubectl create -f -',
    '',
    '# Edit the data in registry.yaml in JSON then create the resource using the edited data',
    'kubectl create -f registry.yaml --edit -o json',
  ],
  subcommands: [
    ['clusterrole', 'Create a cluster role'],
    ['clusterrolebinding', 'Create a cluster role binding for a particular cluster role'],
    ['configmap', 'Create a config map from a local file, directory or literal value'],
    ['cronjob', 'Create a cron job with the specified name'],
    ['deployment', 'Create a deployment with the specified name'],
    ['ingress', 'Create an ingress with the specified name'],
    ['job', 'Create a job with the specified name'],
    ['namespace', 'Create a namespace with the specified name'],
    ['poddisruptionbudget', 'Create a pod disruption budget with the specified name'],
    ['priorityclass', 'Create a priority class with the specified name'],
    ['quota', 'Create a quota with the specified name'],
    ['role', 'Create a role with single rule'],
    ['rolebinding', 'Create a role binding for a particular role or cluster role'],
    ['secret', 'Create a secret using specified subcommand'],
    ['service', 'Create a service using a specified subcommand'],
    ['serviceaccount', 'Create a service account with the specified name'],
    ['token', 'Request a service account token'],
  ],
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN,
    flag('edit', 'bool', 'false', 'Edit the API resource before creating'),
    fieldManager('kubectl-create'),
    flag(
      'filename',
      'stringSlice',
      '[]',
      'Filename, directory, or URL to files to use to create the resource',
      'f',
    ),
    KUSTOMIZE_THE,
    flag(
      'raw',
      'string',
      '',
      'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.',
    ),
    RECURSIVE,
    SAVE_CONFIG,
    SELECTOR,
    VALIDATE,
    flag(
      'windows-line-endings',
      'bool',
      'false',
      'Only relevant if --edit=true. Defaults to the line ending native to your platform.',
    ),
  ],
};

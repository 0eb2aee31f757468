/**
 * Help data of `kubectl patch`, `scale`, `label`, `annotate` and `wait` as kubectl 1.30 defines them
 * in kubernetes/kubectl pkg/cmd/{patch/patch.go,scale/scale.go,label/label.go,annotate/annotate.go,
 * wait/wait.go} (Long, Example, Use, flags with defaults and usages). Long texts are as
 * templates.LongDesc renders them; helpLayout.ts lays them out.
 */
import { type CommandHelp, flag, type HelpFlag } from './helpLayout.ts';
import {
  ALL_NAMESPACES,
  DRY_RUN,
  FIELD_SELECTOR,
  fieldManager,
  filenameFlags,
  PRINT_FLAGS,
  SELECTOR,
  SELECTOR_EQUALITY,
  subresource,
} from './sharedFlags.ts';

export const PATCH: CommandHelp = {
  path: 'patch',
  use: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
  long: `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

 JSON and YAML formats are accepted.

 Note: Strategic merge patch is not supported for custom resources.`,
  example: [
    '# Partially update a node using a strategic merge patch, specifying the patch as JSON',
    `kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'`,
    '',
    '# Partially update a node using a strategic merge patch, specifying the patch as YAML',
    "kubectl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'",
    '',
    '# Partially update a node identified by the type and name specified in "node.json" using strategic merge patch',
    `kubectl patch -f node.json -p '{"spec":{"unschedulable":true}}'`,
    '',
    "# Update a container's image; spec.containers[*].name is required because it's a merge key",
    `kubectl patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'`,
    '',
    "# Update a container's image using a JSON patch with positional arrays",
    `kubectl patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'`,
    '',
    "# Update a deployment's replicas through the scale subresource using a merge patch.",
    `kubectl patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'`,
  ],
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN,
    fieldManager('kubectl-patch'),
    ...filenameFlags('identifying the resource to update'),
    flag(
      'local',
      'bool',
      'false',
      'If true, patch will operate on the content of the file, not the server-side resource.',
    ),
    flag('patch', 'string', '', 'The patch to be applied to the resource JSON file.', 'p'),
    flag('patch-file', 'string', '', 'A file containing a patch to be applied to the resource.'),
    subresource(
      'If specified, patch will operate on the subresource of the requested object.',
      'status scale',
    ),
    flag('type', 'string', 'strategic', 'The type of patch being provided; one of [json merge strategic]'),
  ],
};

export const SCALE: CommandHelp = {
  path: 'scale',
  use: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  long: `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.`,
  example: [
    "# Scale a replica set named 'foo' to 3",
    'kubectl scale --replicas=3 rs/foo',
    '',
    '# Scale a resource identified by type and name specified in "foo.yaml" to 3',
    'kubectl scale --replicas=3 -f foo.yaml',
    '',
    "# If the deployment named mysql's current size is 2, scale mysql to 3",
    'kubectl scale --current-replicas=2 --replicas=3 deployment/mysql',
    '',
    '# Scale multiple replication controllers',
    'kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3',
    '',
    "# Scale stateful set named 'web' to 3",
    'kubectl scale --replicas=3 statefulset/web',
  ],
  flags: [
    flag('all', 'bool', 'false', 'Select all resources in the namespace of the specified resource types'),
    ...PRINT_FLAGS,
    flag(
      'current-replicas',
      'int',
      '-1',
      'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.',
    ),
    DRY_RUN,
    ...filenameFlags('identifying the resource to set a new size'),
    flag('replicas', 'int', '0', 'The new desired number of replicas. Required.'),
    flag(
      'resource-version',
      'string',
      '',
      'Precondition for resource version. Requires that the current resource version match this value in order to scale.',
    ),
    SELECTOR_EQUALITY,
    flag(
      'timeout',
      'duration',
      '0s',
      "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).",
    ),
  ],
};

/** The flags label and annotate share, with their nouns filled in. */
function metadataFlags(noun: 'label' | 'annotation', manager: string): HelpFlag[] {
  const plural = `${noun}s`;
  return [
    flag(
      'all',
      'bool',
      'false',
      `Select all resources, in the namespace of the specified resource types${noun === 'annotation' ? '.' : ''}`,
    ),
    flag('all-namespaces', 'bool', 'false', 'If true, check the specified action in all namespaces.', 'A'),
    ...PRINT_FLAGS,
    DRY_RUN,
    fieldManager(manager),
    FIELD_SELECTOR,
    ...filenameFlags(`identifying the resource to update the ${noun === 'label' ? 'labels' : 'annotation'}`),
    flag('list', 'bool', 'false', `If true, display the ${plural} for a given resource.`),
    flag('local', 'bool', 'false', `If true, ${noun} will NOT contact api-server but run locally.`),
    flag(
      'overwrite',
      'bool',
      'false',
      `If true, allow ${plural} to be overwritten, otherwise reject ${noun} updates that overwrite existing ${plural}.`,
    ),
    flag(
      'resource-version',
      'string',
      '',
      `If non-empty, the ${plural === 'labels' ? 'labels' : 'annotation'} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
    ),
    SELECTOR,
  ];
}

export const LABEL: CommandHelp = {
  path: 'label',
  use: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  long: `Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.
  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.`,
  example: [
    "# Update pod 'foo' with the label 'unhealthy' and the value 'true'",
    'kubectl label pods foo unhealthy=true',
    '',
    "# Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value",
    'kubectl label --overwrite pods foo status=unhealthy',
    '',
    '# Update all pods in the namespace',
    'kubectl label pods --all status=unhealthy',
    '',
    '# Update a pod identified by the type and name in "pod.json"',
    'kubectl label -f pod.json status=unhealthy',
    '',
    "# Update pod 'foo' only if the resource is unchanged from version 1",
    'kubectl label pods foo status=unhealthy --resource-version=1',
    '',
    "# Update pod 'foo' by removing a label named 'bar' if it exists",
    '# Does not require the --overwrite flag',
    'kubectl label pods foo bar-',
  ],
  flags: metadataFlags('label', 'kubectl-label'),
};

export const ANNOTATE: CommandHelp = {
  path: 'annotate',
  use: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  long: `Update the annotations on one or more resources.

 All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.

 Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: [
    "# Update pod 'foo' with the annotation 'description' and the value 'my frontend'",
    '# If the same annotation is set multiple times, only the last value will be applied',
    "kubectl annotate pods foo description='my frontend'",
    '',
    '# Update a pod identified by type and name in "pod.json"',
    "kubectl annotate -f pod.json description='my frontend'",
    '',
    "# Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value",
    "kubectl annotate --overwrite pods foo description='my frontend running nginx'",
    '',
    '# Update all pods in the namespace',
    "kubectl annotate pods --all description='my frontend running nginx'",
    '',
    "# Update pod 'foo' only if the resource is unchanged from version 1",
    "kubectl annotate pods foo description='my frontend running nginx' --resource-version=1",
    '',
    "# Update pod 'foo' by removing an annotation named 'description' if it exists",
    '# Does not require the --overwrite flag',
    'kubectl annotate pods foo description-',
  ],
  flags: metadataFlags('annotation', 'kubectl-annotate'),
};

export const WAIT: CommandHelp = {
  path: 'wait',
  use: "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=delete|--for condition=available|--for=jsonpath='{}'=value]",
  long: `Experimental: Wait for a specific condition on one or many resources.

 The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.

 Alternatively, the command can wait for the given set of resources to be deleted by providing the "delete" keyword as the value to the --for flag.

 A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.`,
  example: [
    '# Wait for the pod "busybox1" to contain the status condition of type "Ready"',
    'kubectl wait --for=condition=Ready pod/busybox1',
    '',
    '# The default value of status condition is true; you can wait for other targets after an equal delimiter (compared after Unicode simple case folding, which is a more general form of case-insensitivity):',
    'kubectl wait --for=condition=Ready=false pod/busybox1',
    '',
    '# Wait for the pod "busybox1" to contain the status phase to be "Running".',
    "kubectl wait --for=jsonpath='{.status.phase}'=Running pod/busybox1",
    '',
    '# Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command',
    'kubectl delete pod/busybox1',
    'kubectl wait --for=delete pod/busybox1 --timeout=60s',
  ],
  flags: [
    flag('all', 'bool', 'false', 'Select all resources in the namespace of the specified resource types'),
    ALL_NAMESPACES,
    ...PRINT_FLAGS,
    FIELD_SELECTOR,
    flag('filename', 'stringSlice', '[]', 'identifying the resource.', 'f'),
    flag(
      'for',
      'string',
      '',
      "The condition to wait on: [delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=JSONPath Condition]. The default condition-value is true.  Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.",
    ),
    flag('local', 'bool', 'false', 'If true, annotation will NOT contact api-server but run locally.'),
    flag(
      'recursive',
      'bool',
      'true',
      'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
      'R',
    ),
    flag(
      'selector',
      'string',
      '',
      "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)",
      'l',
    ),
    flag(
      'timeout',
      'duration',
      '30s',
      "The length of time to wait before giving up.  Zero means check once and don't wait, negative means wait for a week.",
    ),
  ],
};

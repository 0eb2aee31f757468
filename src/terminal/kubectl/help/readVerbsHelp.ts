/**
 * Help data of `kubectl get`, `describe` and `events` as kubectl 1.30 defines them in
 * kubernetes/kubectl pkg/cmd/{get/get.go,get/get_flags.go,get/humanreadable_flags.go,
 * describe/describe.go,events/events.go} (Long, Example, Use, flags with defaults and usages). Long
 * texts are as templates.LongDesc renders them; helpLayout.ts lays them out.
 */
import { type CommandHelp, flag } from './helpLayout.ts';
import {
  ALL_NAMESPACES,
  CHUNK_SIZE,
  FIELD_SELECTOR,
  filenameFlags,
  PRINT_FLAGS,
  SELECTOR,
  subresource,
} from './sharedFlags.ts';

const SUGGEST_API_RESOURCES = 'Use "kubectl api-resources" for a complete list of supported resources.';

/** get's printer formats, in PrintFlags.AllowedFormats order (get_flags.go). */
const GET_FORMATS =
  'json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide';

export const GET: CommandHelp = {
  path: 'get',
  use: `get [(-o|--output=)${GET_FORMATS}] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]`,
  long: `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.

 By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.

${SUGGEST_API_RESOURCES}`,
  example: [
    '# List all pods in ps output format',
    'kubectl get pods',
    '',
    '# List all pods in ps output format with more information (such as node name)',
    'kubectl get pods -o wide',
    '',
    '# List a single replication controller with specified NAME in ps output format',
    'kubectl get replicationcontroller web',
    '',
    '# List deployments in JSON output format, in the "v1" version of the "apps" API group',
    'kubectl get deployments.v1.apps -o json',
    '',
    '# List a single pod in JSON output format',
    'kubectl get -o json pod web-pod-13je7',
    '',
    '# List a pod identified by type and name specified in "pod.yaml" in JSON output format',
    'kubectl get -f pod.yaml -o json',
    '',
    '# List resources from a directory with kustomization.yaml - e.g. dir/kustomization.yaml',
    'kubectl get -k dir/',
    '',
    '# Return only the phase value of the specified pod',
    'kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}',
    '',
    '# List resource information in custom columns',
    'kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image',
    '',
    '# List all replication controllers and services together in ps output format',
    'kubectl get rc,services',
    '',
    '# List one or more resources by their type and names',
    'kubectl get rc/web service/frontend pods/web-pod-13je7',
    '',
    "# List the 'status' subresource for a single pod",
    'kubectl get pod web-pod-13je7 --subresource status',
    '',
    "# List all deployments in namespace 'backend'",
    'kubectl get deployments.apps --namespace backend',
    '',
    '# List all pods existing in all namespaces',
    'kubectl get pods --all-namespaces',
  ],
  flags: [
    ALL_NAMESPACES,
    ...PRINT_FLAGS.filter((f) => f.name !== 'output'),
    CHUNK_SIZE,
    FIELD_SELECTOR,
    ...filenameFlags('identifying the resource to get from a server.'),
    flag(
      'ignore-not-found',
      'bool',
      'false',
      'If the requested object does not exist the command will return exit code 0.',
    ),
    flag(
      'label-columns',
      'stringSlice',
      '[]',
      'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...',
      'L',
    ),
    flag(
      'no-headers',
      'bool',
      'false',
      "When using the default or custom-column output format, don't print headers (default print headers).",
    ),
    flag(
      'output',
      'string',
      '',
      `Output format. One of: (${GET_FORMATS.split('|').join(', ')}). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].`,
      'o',
    ),
    flag(
      'output-watch-events',
      'bool',
      'false',
      'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.',
    ),
    flag(
      'raw',
      'string',
      '',
      'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.',
    ),
    SELECTOR,
    flag(
      'server-print',
      'bool',
      'true',
      'If true, have the server return the appropriate table output. Supports extension APIs and CRDs.',
    ),
    flag('show-kind', 'bool', 'false', 'If present, list the resource type for the requested object(s).'),
    flag(
      'show-labels',
      'bool',
      'false',
      'When printing, show all labels as the last column (default hide labels column)',
    ),
    flag(
      'sort-by',
      'string',
      '',
      "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.",
    ),
    subresource('If specified, gets the subresource of the requested object.', 'status scale'),
    flag('watch', 'bool', 'false', 'After listing/getting the requested object, watch for changes.', 'w'),
    flag(
      'watch-only',
      'bool',
      'false',
      'Watch for changes to the requested object(s), without listing/getting first.',
    ),
  ],
};

export const DESCRIBE: CommandHelp = {
  path: 'describe',
  use: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  long: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ kubectl describe TYPE NAME_PREFIX
        
 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.

${SUGGEST_API_RESOURCES}`,
  example: [
    '# Describe a node',
    'kubectl describe nodes kubernetes-node-emt8.c.myproject.internal',
    '',
    '# Describe a pod',
    'kubectl describe pods/nginx',
    '',
    '# Describe a pod identified by type and name in "pod.json"',
    'kubectl describe -f pod.json',
    '',
    '# Describe all pods',
    'kubectl describe pods',
    '',
    '# Describe pods by label name=myLabel',
    'kubectl describe pods -l name=myLabel',
    '',
    "# Describe all pods managed by the 'frontend' replication controller",
    '# (rc-created pods get the name of the rc as a prefix in the pod name)',
    'kubectl describe pods frontend',
  ],
  flags: [
    ALL_NAMESPACES,
    CHUNK_SIZE,
    ...filenameFlags('containing the resource to describe'),
    SELECTOR,
    flag('show-events', 'bool', 'true', 'If true, display events related to the described object.'),
  ],
};

const EVENT_FORMATS =
  'json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file';

export const EVENTS: CommandHelp = {
  path: 'events',
  use: `events [(-o|--output=)${EVENT_FORMATS}] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]`,
  long: `Display events.

 Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.`,
  example: [
    '# List recent events in the default namespace',
    'kubectl events',
    '',
    '# List recent events in all namespaces',
    'kubectl events --all-namespaces',
    '',
    '# List recent events for the specified pod, then wait for more events and list them as they arrive',
    'kubectl events --for pod/web-pod-13je7 --watch',
    '',
    '# List recent events in YAML format',
    'kubectl events -oyaml',
    '',
    "# List recent only events of type 'Warning' or 'Normal'",
    'kubectl events --types=Warning,Normal',
  ],
  flags: [
    ALL_NAMESPACES,
    ...PRINT_FLAGS,
    CHUNK_SIZE,
    flag('for', 'string', '', 'Filter events to only those pertaining to the specified resource.'),
    flag('no-headers', 'bool', 'false', "When using the default output format, don't print headers."),
    flag('types', 'stringSlice', '[]', 'Output only events of given types.'),
    flag('watch', 'bool', 'false', 'After listing the requested events, watch for more events.', 'w'),
  ],
};

/**
 * Flags that many kubectl 1.30 commands register through shared helpers, with their usage texts:
 * cli-runtime genericclioptions PrintFlags (json_yaml/name/template/jsonpath flags),
 * kubernetes/kubectl pkg/cmd/util/helpers.go (AddDryRunFlag, AddValidateFlags, AddFieldManagerFlagVar,
 * AddFilenameOptionFlags, AddLabelSelectorFlagVar, AddChunkSizeFlag, AddSubresourceFlags) and
 * pkg/cmd/delete/delete_flags.go. Kept as data so that each command's help lists them the way
 * kubectl does. Lab note: where 1.30 commands differ in a usage text, the command's own data file
 * says so next to the flag.
 */
import { flag, type HelpFlag } from './helpLayout.ts';

/** `-o` of commands printing with the generic PrintFlags. */
export const OUTPUT = flag(
  'output',
  'string',
  '',
  'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
  'o',
);

/** The other flags PrintFlags adds with `-o`. */
export const PRINT_FLAGS: readonly HelpFlag[] = [
  OUTPUT,
  flag(
    'allow-missing-template-keys',
    'bool',
    'true',
    'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
  ),
  flag(
    'show-managed-fields',
    'bool',
    'false',
    'If true, keep the managedFields when printing objects in JSON or YAML format.',
  ),
  flag(
    'template',
    'string',
    '',
    'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
  ),
];

export const DRY_RUN = flag(
  'dry-run',
  'string',
  'none',
  'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
);

/** helpers.go AddValidateFlags: the usage keeps the source's line breaks and tab indentation. */
export const VALIDATE = flag(
  'validate',
  'string',
  'strict',
  'Must be one of: strict (or true), warn, ignore (or false).\n\t\t"true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not.\n\t\t"warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise.\n\t\t"false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
);

export const fieldManager = (def: string): HelpFlag =>
  flag('field-manager', 'string', def, 'Name of the manager used to track field ownership.');

/** AddFilenameOptionFlags: `-f` ("Filename, directory, or URL to files " + usage), `-k`, `-R`. */
export function filenameFlags(usage: string): HelpFlag[] {
  return [
    flag('filename', 'stringSlice', '[]', `Filename, directory, or URL to files ${usage}`, 'f'),
    KUSTOMIZE_THE,
    RECURSIVE,
  ];
}

/** `-k` as AddFilenameOptionFlags words it. */
export const KUSTOMIZE_THE = flag(
  'kustomize',
  'string',
  '',
  "Process the kustomization directory. This flag can't be used together with -f or -R.",
  'k',
);

/** `-k` as delete, apply and run word it (AddKustomizeFlag). */
export const KUSTOMIZE_A = flag(
  'kustomize',
  'string',
  '',
  "Process a kustomization directory. This flag can't be used together with -f or -R.",
  'k',
);

export const RECURSIVE = flag(
  'recursive',
  'bool',
  'false',
  'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
  'R',
);

/** helpers.go AddLabelSelectorFlagVar. */
export const SELECTOR = flag(
  'selector',
  'string',
  '',
  "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
  'l',
);

/** The older selector wording some 1.30 commands still register themselves (scale). */
export const SELECTOR_EQUALITY = flag(
  'selector',
  'string',
  '',
  "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
  'l',
);

export const FIELD_SELECTOR = flag(
  'field-selector',
  'string',
  '',
  "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
);

export const ALL_NAMESPACES = flag(
  'all-namespaces',
  'bool',
  'false',
  'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  'A',
);

export const CHUNK_SIZE = flag(
  'chunk-size',
  'int',
  '500',
  'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.',
);

/** delete_flags.go: the deletion flags apply, delete, replace and run share. */
export const CASCADE = flag(
  'cascade',
  'string',
  'background',
  'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
);
export const FORCE = flag(
  'force',
  'bool',
  'false',
  'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
);
export const GRACE_PERIOD = flag(
  'grace-period',
  'int',
  '-1',
  'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
);
export const DELETE_TIMEOUT = flag(
  'timeout',
  'duration',
  '0s',
  'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
);
export const waitFlag = (def: 'true' | 'false'): HelpFlag =>
  flag(
    'wait',
    'bool',
    def,
    'If true, wait for resources to be gone before returning. This waits for finalizers.',
  );

export const SAVE_CONFIG = flag(
  'save-config',
  'bool',
  'false',
  'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
);

export const podRunningTimeout = (def: string): HelpFlag =>
  flag(
    'pod-running-timeout',
    'duration',
    def,
    'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
  );

/** exec and attach: `-c`. */
export const CONTAINER_DEFAULTED = flag(
  'container',
  'string',
  '',
  'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
  'c',
);

/** helpers.go AddSubresourceFlags: the usage gets the allowed values and the beta note. */
export const subresource = (usage: string, allowed: string): HelpFlag =>
  flag(
    'subresource',
    'string',
    '',
    `${usage} Must be one of [${allowed}]. This flag is beta and may change in the future.`,
  );

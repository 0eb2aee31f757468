/**
 * Help data of `kubectl rollout` with its subcommands (status, history, undo, restart, pause,
 * resume) and of `kubectl set` with `set image`, as kubectl 1.30 defines them in kubernetes/kubectl
 * pkg/cmd/rollout/rollout*.go and pkg/cmd/set/{set.go,set_image.go} (Long, Example, Use, flags with
 * defaults and usages). Long texts are as templates.LongDesc renders them (an indented source line
 * becomes an eight-space block, as in `rollout restart`); helpLayout.ts lays them out.
 */
import { type CommandHelp, flag, type HelpFlag } from './helpLayout.ts';
import { DRY_RUN, fieldManager, filenameFlags, PRINT_FLAGS, SELECTOR } from './sharedFlags.ts';

/** Every rollout subcommand reads its targets with this filename usage. */
const ROLLOUT_FILES = filenameFlags('identifying the resource to get from a server.');

export const ROLLOUT: CommandHelp = {
  path: 'rollout',
  use: 'rollout SUBCOMMAND',
  long: `Manage the rollout of one or many resources.

 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets`,
  example: [
    '# Rollback to the previous deployment',
    'kubectl rollout undo deployment/abc',
    '',
    '# Check the rollout status of a daemonset',
    'kubectl rollout status daemonset/foo',
    '',
    '# Restart a deployment',
    'kubectl rollout restart deployment/abc',
    '',
    "# Restart deployments with the 'app=nginx' label",
    'kubectl rollout restart deployment --selector=app=nginx',
  ],
  subcommands: [
    ['history', 'View rollout history'],
    ['pause', 'Mark the provided resource as paused'],
    ['restart', 'Restart a resource'],
    ['resume', 'Resume a paused resource'],
    ['status', 'Show the status of the rollout'],
    ['undo', 'Undo a previous rollout'],
  ],
  flags: [],
};

export const ROLLOUT_STATUS: CommandHelp = {
  path: 'rollout status',
  use: 'status (TYPE NAME | TYPE/NAME) [flags]',
  long: `Show the status of the rollout.

 By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.`,
  example: ['# Watch the rollout status of a deployment', 'kubectl rollout status deployment/nginx'],
  flags: [
    ...ROLLOUT_FILES,
    flag(
      'revision',
      'int',
      '0',
      'Pin to a specific revision for showing its status. Defaults to 0 (last revision).',
    ),
    SELECTOR,
    flag(
      'timeout',
      'duration',
      '0s',
      'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).',
    ),
    flag('watch', 'bool', 'true', "Watch the status of the rollout until it's done.", 'w'),
  ],
};

export const ROLLOUT_HISTORY: CommandHelp = {
  path: 'rollout history',
  use: 'history (TYPE NAME | TYPE/NAME) [flags]',
  long: 'View previous rollout revisions and configurations.',
  example: [
    '# View the rollout history of a deployment',
    'kubectl rollout history deployment/abc',
    '',
    '# View the details of daemonset revision 3',
    'kubectl rollout history daemonset/abc --revision=3',
  ],
  flags: [
    ...PRINT_FLAGS,
    ...ROLLOUT_FILES,
    flag('revision', 'int', '0', 'See the details, including podTemplate of the revision specified'),
    SELECTOR,
  ],
};

export const ROLLOUT_UNDO: CommandHelp = {
  path: 'rollout undo',
  use: 'undo (TYPE NAME | TYPE/NAME) [flags]',
  long: 'Roll back to a previous rollout.',
  example: [
    '# Roll back to the previous deployment',
    'kubectl rollout undo deployment/abc',
    '',
    '# Roll back to daemonset revision 3',
    'kubectl rollout undo daemonset/abc --to-revision=3',
    '',
    '# Roll back to the previous deployment with dry-run',
    'kubectl rollout undo --dry-run=server deployment/abc',
  ],
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN,
    ...ROLLOUT_FILES,
    SELECTOR,
    flag('to-revision', 'int', '0', 'The revision to rollback to. Default to 0 (last revision).'),
  ],
};

/** restart, pause and resume: printing, field manager, files and selector. */
const ROLLOUT_PATCH_FLAGS: readonly HelpFlag[] = [
  ...PRINT_FLAGS,
  fieldManager('kubectl-rollout'),
  ...ROLLOUT_FILES,
  SELECTOR,
];

export const ROLLOUT_RESTART: CommandHelp = {
  path: 'rollout restart',
  use: 'restart RESOURCE',
  long: `Restart a resource.

        Resource rollout will be restarted.`,
  example: [
    '# Restart all deployments in the test-namespace namespace',
    'kubectl rollout restart deployment -n test-namespace',
    '',
    '# Restart a deployment',
    'kubectl rollout restart deployment/nginx',
    '',
    '# Restart a daemon set',
    'kubectl rollout restart daemonset/abc',
    '',
    '# Restart deployments with the app=nginx label',
    'kubectl rollout restart deployment --selector=app=nginx',
  ],
  flags: ROLLOUT_PATCH_FLAGS,
};

export const ROLLOUT_PAUSE: CommandHelp = {
  path: 'rollout pause',
  use: 'pause RESOURCE',
  long: `Mark the provided resource as paused.

 Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.`,
  example: [
    '# Mark the nginx deployment as paused',
    '# Any current state of the deployment will continue its function; new updates',
    '# to the deployment will not have an effect as long as the deployment is paused',
    'kubectl rollout pause deployment/nginx',
  ],
  flags: ROLLOUT_PATCH_FLAGS,
};

export const ROLLOUT_RESUME: CommandHelp = {
  path: 'rollout resume',
  use: 'resume RESOURCE',
  long: `Resume a paused resource.

 Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.`,
  example: ['# Resume an already paused deployment', 'kubectl rollout resume deployment/nginx'],
  flags: ROLLOUT_PATCH_FLAGS,
};

export const SET: CommandHelp = {
  path: 'set',
  use: 'set SUBCOMMAND',
  long: `Configure application resources.

 These commands help you make changes to existing application resources.`,
  subcommands: [
    ['env', 'Update environment variables on a pod template'],
    ['image', 'Update the image of a pod template'],
    ['resources', 'Update resource requests/limits on objects with pod templates'],
    ['selector', 'Set the selector on a resource'],
    ['serviceaccount', 'Update the service account of a resource'],
    ['subject', 'Update the user, group, or service account in a role binding or cluster role binding'],
  ],
  flags: [],
};

export const SET_IMAGE: CommandHelp = {
  path: 'set image',
  use: 'image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  long: `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  example: [
    "# Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'",
    'kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1',
    '',
    "# Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'",
    'kubectl set image deployments,rc nginx=nginx:1.9.1 --all',
    '',
    "# Update image of all containers of daemonset abc to 'nginx:1.9.1'",
    'kubectl set image daemonset abc *=nginx:1.9.1',
    '',
    '# Print result (in yaml format) of updating nginx container image from local file, without hitting the server',
    'kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml',
  ],
  flags: [
    flag('all', 'bool', 'false', 'Select all resources, in the namespace of the specified resource types'),
    ...PRINT_FLAGS,
    DRY_RUN,
    fieldManager('kubectl-set'),
    ...filenameFlags('identifying the resource to get from a server.'),
    flag('local', 'bool', 'false', 'If true, set image will NOT contact api-server but run locally.'),
    SELECTOR,
  ],
};

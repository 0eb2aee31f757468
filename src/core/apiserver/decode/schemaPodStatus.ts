/**
 * Structural schema of core/v1 PodStatus and ContainerStatus (k8s.io/api/core/v1/types.go, 1.30),
 * written by the lab's kubelet and scheduler. Lab difference: volumeMounts statuses, user and
 * resourceClaimStatuses are open.
 */
import { resourceList, resourceRequirements } from './schemaMeta.ts';
import { bool, int32, list, named, open, str, struct, time } from './schemaTypes.ts';

const containerState = struct('v1', 'ContainerState', [
  [
    'waiting',
    struct('v1', 'ContainerStateWaiting', [
      ['reason', str],
      ['message', str],
    ]),
  ],
  ['running', struct('v1', 'ContainerStateRunning', [['startedAt', time]])],
  [
    'terminated',
    struct('v1', 'ContainerStateTerminated', [
      ['exitCode', int32],
      ['signal', int32],
      ['reason', str],
      ['message', str],
      ['startedAt', time],
      ['finishedAt', time],
      ['containerID', str],
    ]),
  ],
]);

const containerStatus = struct('v1', 'ContainerStatus', [
  ['name', str],
  ['state', containerState],
  ['lastState', containerState],
  ['ready', bool],
  ['restartCount', int32],
  ['image', str],
  ['imageID', str],
  ['containerID', str],
  ['started', bool],
  ['allocatedResources', resourceList],
  ['resources', resourceRequirements],
  ['volumeMounts', list(open)],
  ['user', open],
]);

const ipList = (name: string) => list(struct('v1', name, [['ip', str]]));

export const podStatus = struct('v1', 'PodStatus', [
  ['phase', named('v1.PodPhase')],
  [
    'conditions',
    list(
      struct('v1', 'PodCondition', [
        ['type', named('v1.PodConditionType')],
        ['status', named('v1.ConditionStatus')],
        ['lastProbeTime', time],
        ['lastTransitionTime', time],
        ['reason', str],
        ['message', str],
      ]),
    ),
  ],
  ['message', str],
  ['reason', str],
  ['nominatedNodeName', str],
  ['hostIP', str],
  ['hostIPs', ipList('HostIP')],
  ['podIP', str],
  ['podIPs', ipList('PodIP')],
  ['startTime', time],
  ['initContainerStatuses', list(containerStatus)],
  ['containerStatuses', list(containerStatus)],
  ['qosClass', named('v1.PodQOSClass')],
  ['ephemeralContainerStatuses', list(containerStatus)],
  ['resize', named('v1.PodResizeStatus')],
  ['resourceClaimStatuses', list(open)],
]);

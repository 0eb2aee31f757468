/**
 * Structural schema of core/v1 Container and what hangs off it (k8s.io/api/core/v1/types.go, 1.30):
 * ports, env, resources, volume mounts, probes and lifecycle handlers, securityContext. Embedded
 * structs (`ProbeHandler` in Probe, `LocalObjectReference` in the key selectors) are flattened into
 * their parents, as their JSON is; the lab names the outer struct in type errors.
 */
import { resourceRequirements } from './schemaMeta.ts';
import {
  bool,
  int32,
  int64,
  intOrString,
  list,
  named,
  quantity,
  str,
  struct,
  type TypeNode,
} from './schemaTypes.ts';

const containerPort = struct('v1', 'ContainerPort', [
  ['name', str],
  ['hostPort', int32],
  ['containerPort', int32],
  ['protocol', named('v1.Protocol')],
  ['hostIP', str],
]);

const keySelector = (name: string) =>
  struct('v1', name, [
    ['name', str],
    ['key', str],
    ['optional', bool],
  ]);

export const objectFieldSelector = struct('v1', 'ObjectFieldSelector', [
  ['apiVersion', str],
  ['fieldPath', str],
]);

export const resourceFieldSelector = struct('v1', 'ResourceFieldSelector', [
  ['containerName', str],
  ['resource', str],
  ['divisor', quantity],
]);

const envVar = struct('v1', 'EnvVar', [
  ['name', str],
  ['value', str],
  [
    'valueFrom',
    struct('v1', 'EnvVarSource', [
      ['fieldRef', objectFieldSelector],
      ['resourceFieldRef', resourceFieldSelector],
      ['configMapKeyRef', keySelector('ConfigMapKeySelector')],
      ['secretKeyRef', keySelector('SecretKeySelector')],
    ]),
  ],
]);

const envSource = (name: string) =>
  struct('v1', name, [
    ['name', str],
    ['optional', bool],
  ]);

const envFromSource = struct('v1', 'EnvFromSource', [
  ['prefix', str],
  ['configMapRef', envSource('ConfigMapEnvSource')],
  ['secretRef', envSource('SecretEnvSource')],
]);

const volumeMount = struct('v1', 'VolumeMount', [
  ['name', str],
  ['readOnly', bool],
  ['recursiveReadOnly', named('v1.RecursiveReadOnlyMode')],
  ['mountPath', str],
  ['subPath', str],
  ['mountPropagation', named('v1.MountPropagationMode')],
  ['subPathExpr', str],
]);

const execAction = struct('v1', 'ExecAction', [['command', list(str)]]);
const httpGetAction = struct('v1', 'HTTPGetAction', [
  ['path', str],
  ['port', intOrString],
  ['host', str],
  ['scheme', named('v1.URIScheme')],
  [
    'httpHeaders',
    list(
      struct('v1', 'HTTPHeader', [
        ['name', str],
        ['value', str],
      ]),
    ),
  ],
]);
const tcpSocketAction = struct('v1', 'TCPSocketAction', [
  ['port', intOrString],
  ['host', str],
]);

const probe = struct('v1', 'Probe', [
  ['exec', execAction],
  ['httpGet', httpGetAction],
  ['tcpSocket', tcpSocketAction],
  [
    'grpc',
    struct('v1', 'GRPCAction', [
      ['port', int32],
      ['service', str],
    ]),
  ],
  ['initialDelaySeconds', int32],
  ['timeoutSeconds', int32],
  ['periodSeconds', int32],
  ['successThreshold', int32],
  ['failureThreshold', int32],
  ['terminationGracePeriodSeconds', int64],
]);

const lifecycleHandler = struct('v1', 'LifecycleHandler', [
  ['exec', execAction],
  ['httpGet', httpGetAction],
  ['tcpSocket', tcpSocketAction],
  ['sleep', struct('v1', 'SleepAction', [['seconds', int64]])],
]);

export const seLinuxOptions = struct('v1', 'SELinuxOptions', [
  ['user', str],
  ['role', str],
  ['type', str],
  ['level', str],
]);

export const windowsOptions = struct('v1', 'WindowsSecurityContextOptions', [
  ['gmsaCredentialSpecName', str],
  ['gmsaCredentialSpec', str],
  ['runAsUserName', str],
  ['hostProcess', bool],
]);

const profile = (name: string, typeName: string) =>
  struct('v1', name, [
    ['type', named(typeName)],
    ['localhostProfile', str],
  ]);
export const seccompProfile = profile('SeccompProfile', 'v1.SeccompProfileType');
export const appArmorProfile = profile('AppArmorProfile', 'v1.AppArmorProfileType');

const securityContext = struct('v1', 'SecurityContext', [
  [
    'capabilities',
    struct('v1', 'Capabilities', [
      ['add', list(named('v1.Capability'))],
      ['drop', list(named('v1.Capability'))],
    ]),
  ],
  ['privileged', bool],
  ['seLinuxOptions', seLinuxOptions],
  ['windowsOptions', windowsOptions],
  ['runAsUser', int64],
  ['runAsGroup', int64],
  ['runAsNonRoot', bool],
  ['readOnlyRootFilesystem', bool],
  ['allowPrivilegeEscalation', bool],
  ['procMount', named('v1.ProcMountType')],
  ['seccompProfile', seccompProfile],
  ['appArmorProfile', appArmorProfile],
]);

/** The fields of Container (and of EphemeralContainerCommon), in Go order. */
const containerFields: ReadonlyArray<readonly [string, TypeNode]> = [
  ['name', str],
  ['image', str],
  ['command', list(str)],
  ['args', list(str)],
  ['workingDir', str],
  ['ports', list(containerPort)],
  ['envFrom', list(envFromSource)],
  ['env', list(envVar)],
  ['resources', resourceRequirements],
  [
    'resizePolicy',
    list(
      struct('v1', 'ContainerResizePolicy', [
        ['resourceName', named('v1.ResourceName')],
        ['restartPolicy', named('v1.ResourceResizeRestartPolicy')],
      ]),
    ),
  ],
  ['restartPolicy', named('v1.ContainerRestartPolicy')],
  ['volumeMounts', list(volumeMount)],
  [
    'volumeDevices',
    list(
      struct('v1', 'VolumeDevice', [
        ['name', str],
        ['devicePath', str],
      ]),
    ),
  ],
  ['livenessProbe', probe],
  ['readinessProbe', probe],
  ['startupProbe', probe],
  [
    'lifecycle',
    struct('v1', 'Lifecycle', [
      ['postStart', lifecycleHandler],
      ['preStop', lifecycleHandler],
    ]),
  ],
  ['terminationMessagePath', str],
  ['terminationMessagePolicy', named('v1.TerminationMessagePolicy')],
  ['imagePullPolicy', named('v1.PullPolicy')],
  ['securityContext', securityContext],
  ['stdin', bool],
  ['stdinOnce', bool],
  ['tty', bool],
];

export const container = struct('v1', 'Container', containerFields);

export const ephemeralContainer = struct('v1', 'EphemeralContainer', [
  ...containerFields,
  ['targetContainerName', str],
]);

/**
 * Structural schema of core/v1 PodSpec with its scheduling constraints and security context, and
 * PodTemplateSpec (k8s.io/api/core/v1/types.go, 1.30). Lab difference: resourceClaims are open.
 */
import {
  appArmorProfile,
  container,
  ephemeralContainer,
  seccompProfile,
  seLinuxOptions,
  windowsOptions,
} from './schemaContainer.ts';
import {
  labelSelector,
  localObjectReference,
  nodeSelector,
  nodeSelectorTerm,
  objectMeta,
  resourceList,
} from './schemaMeta.ts';
import { bool, int32, int64, list, map, named, open, str, struct } from './schemaTypes.ts';
import { volume } from './schemaVolume.ts';

const podAffinityTerm = struct('v1', 'PodAffinityTerm', [
  ['labelSelector', labelSelector],
  ['namespaces', list(str)],
  ['topologyKey', str],
  ['namespaceSelector', labelSelector],
  ['matchLabelKeys', list(str)],
  ['mismatchLabelKeys', list(str)],
]);
const weightedPodAffinityTerm = struct('v1', 'WeightedPodAffinityTerm', [
  ['weight', int32],
  ['podAffinityTerm', podAffinityTerm],
]);
const podAffinity = (name: string) =>
  struct('v1', name, [
    ['requiredDuringSchedulingIgnoredDuringExecution', list(podAffinityTerm)],
    ['preferredDuringSchedulingIgnoredDuringExecution', list(weightedPodAffinityTerm)],
  ]);

const affinity = struct('v1', 'Affinity', [
  [
    'nodeAffinity',
    struct('v1', 'NodeAffinity', [
      ['requiredDuringSchedulingIgnoredDuringExecution', nodeSelector],
      [
        'preferredDuringSchedulingIgnoredDuringExecution',
        list(
          struct('v1', 'PreferredSchedulingTerm', [
            ['weight', int32],
            ['preference', nodeSelectorTerm],
          ]),
        ),
      ],
    ]),
  ],
  ['podAffinity', podAffinity('PodAffinity')],
  ['podAntiAffinity', podAffinity('PodAntiAffinity')],
]);

export const toleration = struct('v1', 'Toleration', [
  ['key', str],
  ['operator', named('v1.TolerationOperator')],
  ['value', str],
  ['effect', named('v1.TaintEffect')],
  ['tolerationSeconds', int64],
]);

const podSecurityContext = struct('v1', 'PodSecurityContext', [
  ['seLinuxOptions', seLinuxOptions],
  ['windowsOptions', windowsOptions],
  ['runAsUser', int64],
  ['runAsGroup', int64],
  ['runAsNonRoot', bool],
  ['supplementalGroups', list(int64)],
  ['fsGroup', int64],
  [
    'sysctls',
    list(
      struct('v1', 'Sysctl', [
        ['name', str],
        ['value', str],
      ]),
    ),
  ],
  ['fsGroupChangePolicy', named('v1.PodFSGroupChangePolicy')],
  ['seccompProfile', seccompProfile],
  ['appArmorProfile', appArmorProfile],
]);

export const podSpec = struct('v1', 'PodSpec', [
  ['volumes', list(volume)],
  ['initContainers', list(container)],
  ['containers', list(container)],
  ['ephemeralContainers', list(ephemeralContainer)],
  ['restartPolicy', named('v1.RestartPolicy')],
  ['terminationGracePeriodSeconds', int64],
  ['activeDeadlineSeconds', int64],
  ['dnsPolicy', named('v1.DNSPolicy')],
  ['nodeSelector', map(str)],
  ['serviceAccountName', str],
  ['serviceAccount', str],
  ['automountServiceAccountToken', bool],
  ['nodeName', str],
  ['hostNetwork', bool],
  ['hostPID', bool],
  ['hostIPC', bool],
  ['shareProcessNamespace', bool],
  ['securityContext', podSecurityContext],
  ['imagePullSecrets', list(localObjectReference)],
  ['hostname', str],
  ['subdomain', str],
  ['affinity', affinity],
  ['schedulerName', str],
  ['tolerations', list(toleration)],
  [
    'hostAliases',
    list(
      struct('v1', 'HostAlias', [
        ['ip', str],
        ['hostnames', list(str)],
      ]),
    ),
  ],
  ['priorityClassName', str],
  ['priority', int32],
  [
    'dnsConfig',
    struct('v1', 'PodDNSConfig', [
      ['nameservers', list(str)],
      ['searches', list(str)],
      [
        'options',
        list(
          struct('v1', 'PodDNSConfigOption', [
            ['name', str],
            ['value', str],
          ]),
        ),
      ],
    ]),
  ],
  [
    'readinessGates',
    list(struct('v1', 'PodReadinessGate', [['conditionType', named('v1.PodConditionType')]])),
  ],
  ['runtimeClassName', str],
  ['enableServiceLinks', bool],
  ['preemptionPolicy', named('v1.PreemptionPolicy')],
  ['overhead', resourceList],
  [
    'topologySpreadConstraints',
    list(
      struct('v1', 'TopologySpreadConstraint', [
        ['maxSkew', int32],
        ['topologyKey', str],
        ['whenUnsatisfiable', named('v1.UnsatisfiableConstraintAction')],
        ['labelSelector', labelSelector],
        ['minDomains', int32],
        ['nodeAffinityPolicy', named('v1.NodeInclusionPolicy')],
        ['nodeTaintsPolicy', named('v1.NodeInclusionPolicy')],
        ['matchLabelKeys', list(str)],
      ]),
    ),
  ],
  ['setHostnameAsFQDN', bool],
  ['os', struct('v1', 'PodOS', [['name', named('v1.OSName')]])],
  ['hostUsers', bool],
  ['schedulingGates', list(struct('v1', 'PodSchedulingGate', [['name', str]]))],
  ['resourceClaims', list(open)],
]);

export const podTemplateSpec = struct('v1', 'PodTemplateSpec', [
  ['metadata', objectMeta],
  ['spec', podSpec],
]);

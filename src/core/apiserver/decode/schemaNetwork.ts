/**
 * Structural schema of the networking kinds: core/v1 Service and Endpoints
 * (k8s.io/api/core/v1/types.go, 1.30) and discovery.k8s.io/v1 EndpointSlice
 * (k8s.io/api/discovery/v1/types.go). Lab difference: load-balancer ingress and EndpointSlice hints
 * are open (written only by the cluster itself).
 */
import { condition, objectMeta, objectReference } from './schemaMeta.ts';
import {
  bool,
  int32,
  intOrString,
  list,
  map,
  named,
  open,
  str,
  struct,
  type TypeNode,
} from './schemaTypes.ts';

/** TypeMeta's two fields, inlined at the top of every kind. */
export const typeMeta: ReadonlyArray<readonly [string, TypeNode]> = [
  ['apiVersion', str],
  ['kind', str],
];

export const service = struct('v1', 'Service', [
  ...typeMeta,
  ['metadata', objectMeta],
  [
    'spec',
    struct('v1', 'ServiceSpec', [
      [
        'ports',
        list(
          struct('v1', 'ServicePort', [
            ['name', str],
            ['protocol', named('v1.Protocol')],
            ['appProtocol', str],
            ['port', int32],
            ['targetPort', intOrString],
            ['nodePort', int32],
          ]),
        ),
      ],
      ['selector', map(str)],
      ['clusterIP', str],
      ['clusterIPs', list(str)],
      ['type', named('v1.ServiceType')],
      ['externalIPs', list(str)],
      ['sessionAffinity', named('v1.ServiceAffinity')],
      ['loadBalancerIP', str],
      ['loadBalancerSourceRanges', list(str)],
      ['externalName', str],
      ['externalTrafficPolicy', named('v1.ServiceExternalTrafficPolicy')],
      ['healthCheckNodePort', int32],
      ['publishNotReadyAddresses', bool],
      [
        'sessionAffinityConfig',
        struct('v1', 'SessionAffinityConfig', [
          ['clientIP', struct('v1', 'ClientIPConfig', [['timeoutSeconds', int32]])],
        ]),
      ],
      ['ipFamilies', list(named('v1.IPFamily'))],
      ['ipFamilyPolicy', named('v1.IPFamilyPolicy')],
      ['allocateLoadBalancerNodePorts', bool],
      ['loadBalancerClass', str],
      ['internalTrafficPolicy', named('v1.ServiceInternalTrafficPolicy')],
      ['trafficDistribution', str],
    ]),
  ],
  [
    'status',
    struct('v1', 'ServiceStatus', [
      ['loadBalancer', struct('v1', 'LoadBalancerStatus', [['ingress', list(open)]])],
      ['conditions', list(condition)],
    ]),
  ],
]);

const endpointAddress = struct('v1', 'EndpointAddress', [
  ['ip', str],
  ['hostname', str],
  ['nodeName', str],
  ['targetRef', objectReference],
]);

export const endpoints = struct('v1', 'Endpoints', [
  ...typeMeta,
  ['metadata', objectMeta],
  [
    'subsets',
    list(
      struct('v1', 'EndpointSubset', [
        ['addresses', list(endpointAddress)],
        ['notReadyAddresses', list(endpointAddress)],
        [
          'ports',
          list(
            struct('v1', 'EndpointPort', [
              ['name', str],
              ['port', int32],
              ['protocol', named('v1.Protocol')],
              ['appProtocol', str],
            ]),
          ),
        ],
      ]),
    ),
  ],
]);

export const endpointSlice = struct('v1', 'EndpointSlice', [
  ...typeMeta,
  ['metadata', objectMeta],
  ['addressType', named('v1.AddressType')],
  [
    'endpoints',
    list(
      struct('v1', 'Endpoint', [
        ['addresses', list(str)],
        [
          'conditions',
          struct('v1', 'EndpointConditions', [
            ['ready', bool],
            ['serving', bool],
            ['terminating', bool],
          ]),
        ],
        ['hostname', str],
        ['targetRef', objectReference],
        ['deprecatedTopology', map(str)],
        ['nodeName', str],
        ['zone', str],
        ['hints', open],
      ]),
    ),
  ],
  [
    'ports',
    list(
      struct('v1', 'EndpointPort', [
        ['name', str],
        ['protocol', named('v1.Protocol')],
        ['port', int32],
        ['appProtocol', str],
      ]),
    ),
  ],
]);

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  ControllerRevision,
  PersistentVolume,
  PersistentVolumeClaim,
  Service,
  StatefulSet,
} from '../../core/api/types.ts';
import { type ClusterView, emptyClusterView } from '../../state/clusterView.ts';
import { makePod, makeSet, type PodShape } from '../../state/testing.ts';
import { foreignWords, valueWords } from '../../ui/i18n/foreignWords.ts';
import { createI18n } from '../../ui/i18n/i18n.ts';
import { DIAGRAM_TEXT_KEYS, type DiagramTranslate } from './diagramTexts.ts';
import { layoutCluster as layoutIn } from './layoutCluster.ts';
import type { DiagramNode, LayoutSize } from './types.ts';

/** The page's translator in a language (i18next over the page's catalogues). */
function translatorFor(lang: 'en' | 'ja'): DiagramTranslate {
  const i18n = createI18n(lang);
  return (key, params) => i18n.t(key, params);
}

const english = translatorFor('en');
const layoutCluster = (view: ClusterView, size: LayoutSize) => layoutIn(view, size, english);

function headless(name: string, app: string): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-svc-${name}`,
      resourceVersion: '1',
      creationTimestamp: '',
    },
    spec: { clusterIP: 'None', selector: { app }, ports: [{ port: 3306 }] },
  };
}

function claimFor(set: StatefulSet, ord: number, bound: boolean): PersistentVolumeClaim {
  const name = `data-${set.metadata.name}-${ord}`;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: '' },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '20Mi' } },
      ...(bound ? { volumeName: `pvc-uid-${name}` } : {}),
    },
    status: { phase: bound ? 'Bound' : 'Pending' },
  };
}

function volumeFor(claim: PersistentVolumeClaim): PersistentVolume {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: `pvc-${claim.metadata.uid}`,
      uid: `uid-pv-${claim.metadata.name}`,
      resourceVersion: '1',
      creationTimestamp: '',
    },
    spec: {
      capacity: { storage: '20Mi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
    },
    status: { phase: 'Bound' },
  };
}

function revision(set: StatefulSet, name: string, n: number): ControllerRevision {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: '1',
      creationTimestamp: '',
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name, uid: set.metadata.uid },
      ],
    },
    data: {},
    revision: n,
  };
}

/** A view of one set with the given pod shapes at ordinals 0.., each with a bound claim and volume. */
function viewOf(set: StatefulSet, shapes: PodShape[], extraClaims: number[] = []): ClusterView {
  const pods = shapes.map((s, i) => makePod(set, i, s));
  const claims = [...shapes.keys(), ...extraClaims].map((i) => claimFor(set, i, true));
  return {
    ...emptyClusterView(),
    statefulSets: [set],
    pods,
    claims,
    volumes: claims.map(volumeFor),
    services: [headless(set.spec.serviceName as string, set.metadata.name)],
    nodes: [
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: 'minikube', uid: 'uid-node', resourceVersion: '1', creationTimestamp: '' },
      },
    ],
    revisions: [revision(set, `${set.metadata.name}-rev1`, 1), revision(set, `${set.metadata.name}-rev2`, 2)],
  };
}

const ofKind = (nodes: DiagramNode[], kind: DiagramNode['kind']) => nodes.filter((n) => n.kind === kind);

describe('layoutCluster', () => {
  it('draws pods left to right in ordinal order, each above its claim and volume', () => {
    const set = makeSet('mariadb-sts', 3);
    const view = viewOf(set, ['ready', 'ready', 'ready']);
    const { nodes, links } = layoutCluster(view, { width: 1200 });
    const pods = ofKind(nodes, 'pod');
    expect(pods.map((p) => p.label)).toEqual(view.pods.map((p) => p.metadata.name));
    expect(pods.map((p) => p.x)).toEqual([...pods.map((p) => p.x)].sort((a, b) => a - b));
    for (const pod of pods) {
      const claim = nodes.find((n) => n.kind === 'claim' && n.ordinal === pod.ordinal) as DiagramNode;
      expect(claim.label).toBe(`data-${pod.label}`);
      expect(claim.x).toBe(pod.x);
      expect(claim.y).toBeGreaterThan(pod.y);
      expect(links.some((l) => l.kind === 'mounts' && l.source === pod.id && l.target === claim.id)).toBe(
        true,
      );
      expect(links.some((l) => l.kind === 'binds' && l.source === claim.id)).toBe(true);
    }
  });

  it('[STS-DNS] publishes a DNS record only for Ready pods', () => {
    const set = makeSet('web', 3);
    const view = viewOf(set, ['ready', 'running', 'creating']);
    const dns = ofKind(layoutCluster(view, { width: 1200 }).nodes, 'dns');
    expect(dns.map((d) => d.label)).toEqual(['web-0.web-svc']);
    expect(dns[0].ariaLabel).toContain(
      `web-0.web-svc.default.svc.cluster.local resolves to ${view.pods[0].status.podIP}`,
    );
  });

  it('follows EndpointSlices when the cluster has them', () => {
    const set = makeSet('web', 2);
    const base = viewOf(set, ['ready', 'ready']);
    const view: ClusterView = {
      ...base,
      hasEndpointSlices: true,
      endpointSlices: [
        {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          addressType: 'IPv4',
          metadata: {
            name: 'web-svc-abc',
            namespace: 'default',
            uid: 'u',
            resourceVersion: '1',
            creationTimestamp: '',
            labels: { 'kubernetes.io/service-name': 'web-svc' },
          },
          endpoints: [
            {
              addresses: ['10.244.0.10'],
              hostname: 'web-0',
              conditions: { ready: true, serving: true, terminating: false },
            },
            {
              addresses: ['10.244.0.11'],
              hostname: 'web-1',
              conditions: { ready: false, serving: false, terminating: false },
            },
          ],
        },
      ],
    };
    expect(ofKind(layoutCluster(view, { width: 1200 }).nodes, 'dns').map((d) => d.detail)).toEqual([
      '10.244.0.10',
    ]);
  });

  it('keeps a claim visible in its column after its pod was scaled away', () => {
    const set = makeSet('web', 1);
    const view = viewOf(set, ['ready'], [1, 2]);
    const claims = ofKind(layoutCluster(view, { width: 1200 }).nodes, 'claim');
    expect(claims.map((c) => [c.label, c.orphaned])).toEqual([
      ['data-web-0', false],
      ['data-web-1', true],
      ['data-web-2', true],
    ]);
    expect(claims[2].ariaLabel).toContain('kept without a pod');
  });

  it('gives a re-created pod a new key in the same column', () => {
    const set = makeSet('web', 1);
    const before = layoutCluster(viewOf(set, ['ready']), { width: 800 });
    const after = layoutCluster(viewOf(set, ['pending']), { width: 800 });
    const [a] = ofKind(before.nodes, 'pod');
    const [b] = ofKind(after.nodes, 'pod');
    expect(b.label).toBe(a.label);
    expect(b.id).not.toBe(a.id);
    expect([b.x, b.y]).toEqual([a.x, a.y]);
    expect(b.stage).toBe('pending');
  });

  it('[STS-PART] draws the partition between ordinal k-1 and k and marks revisions', () => {
    const set = makeSet('web', 4, {
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } },
    });
    set.status = {
      replicas: 4,
      availableReplicas: 4,
      readyReplicas: 4,
      updateRevision: 'web-rev2',
      currentRevision: 'web-rev1',
    };
    const view = viewOf(set, ['ready', 'ready', 'ready', 'ready']);
    view.pods[3] = makePod(set, 3, 'ready', 'web-rev2');
    const { nodes } = layoutCluster(view, { width: 1200 });
    const pods = ofKind(nodes, 'pod');
    const [marker] = ofKind(nodes, 'partition');
    expect(marker.label).toBe('partition: 2');
    expect(marker.x).toBeGreaterThan(pods[1].x + pods[1].w - 1);
    expect(marker.x).toBeLessThan(pods[2].x + 1);
    expect(pods.map((p) => p.revision)).toEqual([1, 1, 1, 2]);
    expect(pods.map((p) => p.updated)).toEqual([false, false, false, true]);
    expect(pods[3].ariaLabel).toContain('revision 2 (update)');
  });

  it('marks the pod the controller waits on, with the reason', () => {
    const set = makeSet('web', 2);
    const view = viewOf(set, ['ready', 'running']);
    const message = 'waiting for web-1 to be Running and Ready';
    view.waiting = [
      {
        key: 'statefulset|default/web',
        object: 'default/web',
        kind: 'StatefulSet',
        waitingOn: 'web-1',
        message,
        since: 0,
      },
    ];
    const pods = ofKind(layoutCluster(view, { width: 1200 }).nodes, 'pod');
    expect(pods.map((p) => p.waitReason)).toEqual([undefined, message]);
  });

  it('draws each pod inside the band of the node it runs on; a pod not yet scheduled has none', () => {
    const set = makeSet('web', 4);
    const view = viewOf(set, ['ready', 'ready', 'ready', 'pending']);
    const worker = 'minikube-m02';
    view.pods[2] = { ...view.pods[2], spec: { ...view.pods[2].spec, nodeName: worker } };
    const { nodes } = layoutCluster(view, { width: 1200 });
    const bands = ofKind(nodes, 'node');
    const pods = ofKind(nodes, 'pod');
    const bandOf = (pod: DiagramNode) =>
      bands.filter((b) => pod.x >= b.x && pod.x + pod.w <= b.x + b.w && pod.y >= b.y && pod.y < b.y + b.h);
    expect(bandOf(pods[0]).map((b) => b.ref?.name)).toEqual([view.pods[0].spec.nodeName]);
    expect(bandOf(pods[1])).toEqual(bandOf(pods[0]));
    expect(bandOf(pods[2]).map((b) => b.ref?.name)).toEqual([worker]);
    expect(bandOf(pods[2])[0].label).toContain(worker);
    expect(bandOf(pods[3])).toEqual([]);
    expect(bands).toHaveLength(2);
  });

  it('puts two pods side by side on a phone, the Service under the set, and nothing below the drawing', () => {
    // a 360 px screen leaves about 320 px inside the diagram's panel
    const set = makeSet('mariadb-sts', 3);
    const layout = layoutCluster(viewOf(set, ['ready', 'ready', 'ready']), { width: 320 });
    const pods = ofKind(layout.nodes, 'pod');
    expect(pods[0].y).toBe(pods[1].y);
    expect(pods[2].y).toBeGreaterThan(pods[1].y);
    const [sts] = ofKind(layout.nodes, 'statefulset');
    const [svc] = ofKind(layout.nodes, 'service');
    expect(svc.y).toBeGreaterThanOrEqual(sts.y + sts.h);
    // the Service box is as wide as the set's: its second line is as long
    expect(svc.w).toBe(sts.w);
    const lowest = Math.max(...layout.nodes.map((n) => n.y + n.h));
    expect(layout.height - lowest).toBeLessThan(30);
  });

  it('fits any number of pods inside the width, without overlaps (a 360 px screen and up)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 320, max: 1600 }), (n, width) => {
        const set = makeSet('web', n);
        const layout = layoutCluster(
          viewOf(
            set,
            Array.from({ length: n }, () => 'ready' as const),
          ),
          { width },
        );
        const pods = ofKind(layout.nodes, 'pod');
        expect(pods).toHaveLength(n);
        for (const p of layout.nodes) expect(p.x + p.w).toBeLessThanOrEqual(layout.width);
        const seen = new Set(pods.map((p) => `${p.x},${p.y}`));
        expect(seen.size).toBe(n);
        for (const p of layout.nodes) expect(p.y + p.h).toBeLessThanOrEqual(layout.height);
      }),
      { numRuns: 60 },
    );
  });
});

/** A set of four on revisions 1 and 2 with partition 2, one pod waited on, and a claim kept at ordinal 4. */
function busyView(): ClusterView {
  const set = makeSet('web', 4, {
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } },
  });
  set.status = {
    replicas: 4,
    availableReplicas: 3,
    readyReplicas: 3,
    updateRevision: 'web-rev2',
    currentRevision: 'web-rev1',
  };
  const view = viewOf(set, ['ready', 'ready', 'ready', 'pending'], [4]);
  view.pods[3] = makePod(set, 3, 'pending', 'web-rev2');
  view.waiting = [
    {
      key: 'statefulset|default/web',
      object: 'default/web',
      kind: 'StatefulSet',
      waitingOn: 'web-3',
      message: 'waiting for web-3 to be Running and Ready',
      since: 0,
    },
  ];
  return view;
}

/** The data on the page: names, sizes and IPs of the view's objects and the controller's messages. */
function dataWords(view: ClusterView): Set<string> {
  const objects = [...view.statefulSets, ...view.pods, ...view.claims, ...view.volumes, ...view.services];
  return valueWords([
    ...objects.map((o) => o.metadata.name),
    ...view.nodes.map((n) => n.metadata.name),
    ...view.claims.map((c) => c.spec.resources?.requests?.storage ?? ''),
    ...view.waiting.map((w) => w.message),
    ...view.pods.map((p) => p.status?.podIP ?? ''),
    'svc.cluster.local',
  ]);
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("layoutCluster in the page's language", () => {
  it('has every word it uses in both catalogues', () => {
    for (const lang of ['en', 'ja'] as const) {
      const i18n = createI18n(lang);
      for (const key of DIAGRAM_TEXT_KEYS)
        expect(i18n.exists(key, { count: 2 }) || i18n.exists(key), `${lang}: ${key}`).toBe(true);
    }
  });

  it('reads a pod in English as the text version promises', () => {
    const view = busyView();
    const pods = ofKind(layoutIn(view, { width: 1200 }, english).nodes, 'pod');
    const ip = view.pods[3].status.podIP ?? '<none>';
    expect(pods[0].ariaLabel).toBe(
      `Pod web-0: Running, ready 1/1, IP ${view.pods[0].status.podIP}, revision 1`,
    );
    expect(pods[3].ariaLabel).toBe(
      `Pod web-3: Pending, ready 0/1, IP ${ip}, revision 2 (update); controller waiting: ${view.waiting[0].message}`,
    );
  });

  it('counts DNS records in good English', () => {
    const set = makeSet('web', 2);
    const one = layoutIn(viewOf(set, ['ready', 'creating']), { width: 1200 }, english);
    const two = layoutIn(viewOf(set, ['ready', 'ready']), { width: 1200 }, english);
    expect(ofKind(one.nodes, 'service')[0].ariaLabel).toBe('Service web-svc, headless, 1 DNS record');
    expect(ofKind(two.nodes, 'service')[0].ariaLabel).toBe('Service web-svc, headless, 2 DNS records');
  });

  it('writes and speaks Japanese with ?lang=ja, keeping what kubectl prints in English', () => {
    const view = busyView();
    const layout = layoutIn(view, { width: 1200 }, translatorFor('ja'));
    const data = dataWords(view);
    // no English word outside Kubernetes' own terms and the objects' names and values
    for (const n of layout.nodes)
      for (const field of ['label', 'detail', 'ariaLabel'] as const)
        expect(foreignWords(n[field], data), `${n.id} ${field}: ${n[field]}`).toEqual([]);
    // ...and the English sentences are Japanese sentences
    for (const kind of ['statefulset', 'service', 'dns', 'pod', 'volume', 'partition'] as const)
      for (const n of ofKind(layout.nodes, kind)) expect(n.ariaLabel, n.id).toMatch(JAPANESE);
    expect(ofKind(layout.nodes, 'claim').find((c) => c.orphaned)?.ariaLabel).toMatch(JAPANESE);
    const [band] = ofKind(layout.nodes, 'node');
    expect(band.label).toMatch(JAPANESE);
    expect(band.label).toContain(view.nodes[0].metadata.name);
    const [marker] = ofKind(layout.nodes, 'partition');
    expect(marker.detail).toMatch(JAPANESE);
    expect(marker.detail).toContain('2');
    expect(ofKind(layout.nodes, 'service')[0].detail).toMatch(JAPANESE);
    expect(ofKind(layout.nodes, 'service')[0].detail).toContain('clusterIP: None');
    // Kubernetes' own words stay as kubectl prints them
    const pods = ofKind(layout.nodes, 'pod');
    expect(pods[0].ariaLabel).toContain('Running');
    expect(pods[0].detail).toBe(pods[0].detail.replace(JAPANESE, ''));
    expect(pods[3].ariaLabel).toContain(view.waiting[0].message);
    expect(ofKind(layout.nodes, 'claim').every((c) => c.ariaLabel.includes('PersistentVolumeClaim'))).toBe(
      true,
    );
  });

  it('lays out the same boxes in either language', () => {
    const view = busyView();
    const en = layoutIn(view, { width: 700 }, english);
    const ja = layoutIn(view, { width: 700 }, translatorFor('ja'));
    const geometry = (l: typeof en) => l.nodes.map((n) => [n.id, n.x, n.y, n.w, n.h]);
    expect(geometry(ja)).toEqual(geometry(en));
    expect(ja.links).toEqual(en.links);
  });
});

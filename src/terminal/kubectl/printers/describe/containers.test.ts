import { describe, expect, it } from 'vitest';
import type { Container, PodTemplateSpec, Volume } from '../../../../core/api/types.ts';
import { probeText, writeContainers, writePodTemplate, writeVolumes } from './containers.ts';
import { DescribeWriter } from './describeWriter.ts';

const attrs = 'delay=10s timeout=15s period=10s #success=1 #failure=8';
const timings = {
  initialDelaySeconds: 10,
  timeoutSeconds: 15,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 8,
};

describe('DescribeProbe http-get (url.URL String)', () => {
  it('lower-cases the scheme and keeps the host, as kube-apiserver-minikube shows', () => {
    const p = { ...timings, httpGet: { host: '192.168.49.2', path: '/livez', port: 8443, scheme: 'HTTPS' } };
    expect(probeText(p)).toBe(`http-get https://192.168.49.2:8443/livez ${attrs}`);
  });
  it("escapes the path's `?` (etcd's health query) but not `&` or `=`", () => {
    const p = {
      ...timings,
      httpGet: {
        host: '127.0.0.1',
        path: '/health?exclude=NOSPACE&serializable=true',
        port: 2381,
        scheme: 'HTTP',
      },
    };
    expect(probeText(p)).toBe(
      `http-get http://127.0.0.1:2381/health%3Fexclude=NOSPACE&serializable=true ${attrs}`,
    );
  });
  it('leaves the host empty when the probe has none', () => {
    expect(probeText({ ...timings, httpGet: { path: '/health', port: 8080 } })).toMatch(
      /^http-get http:\/\/:8080\/health /,
    );
  });
});

describe('containers and volumes', () => {
  it('joins several ports with ", " and prints the startup probe after readiness', () => {
    const c = {
      name: 'x',
      image: 'img',
      ports: [
        { containerPort: 53, protocol: 'UDP' },
        { containerPort: 53, protocol: 'TCP' },
      ],
      readinessProbe: { httpGet: { path: '/ready', port: 8181 } },
      startupProbe: { ...timings, httpGet: { path: '/livez', port: 1 } },
    } as unknown as Container;
    const w = new DescribeWriter();
    writeContainers(w, 'Containers', [c], undefined, '');
    const out = w.done();
    expect(out).toMatch(/Ports: +53\/UDP, 53\/TCP\n/);
    expect(out).toMatch(/Host Ports: +0\/UDP, 0\/TCP\n/);
    expect(out.indexOf('Readiness:')).toBeLessThan(out.indexOf('Startup:'));
  });
  it('prints hostPath volumes and a configMap volume without `optional` as false', () => {
    const volumes = [
      { name: 'lib-modules', hostPath: { path: '/lib/modules', type: '' } },
      { name: 'cfg', configMap: { name: 'kube-proxy' } },
    ] as unknown as Volume[];
    const w = new DescribeWriter();
    writeVolumes(w, volumes, '');
    const out = w.done();
    expect(out).toContain('Type:          HostPath (bare host directory volume)\n');
    expect(out).toMatch(/Path: +\/lib\/modules\n +HostPathType: +\n/);
    expect(out).toMatch(/Optional: +false\n/);
  });
  it("prints the template's Priority Class Name before its node selectors", () => {
    const t = {
      metadata: { labels: { a: 'b' } },
      spec: {
        containers: [],
        priorityClassName: 'system-node-critical',
        nodeSelector: { 'kubernetes.io/os': 'linux' },
      },
    } as unknown as PodTemplateSpec;
    const w = new DescribeWriter();
    writePodTemplate(w, t);
    const out = w.done();
    expect(out).toMatch(
      / {2}Priority Class Name: +system-node-critical\n {2}Node-Selectors: +kubernetes.io\/os=linux\n/,
    );
  });
});

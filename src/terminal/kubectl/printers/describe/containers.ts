/**
 * Containers, volumes and the pod template as `kubectl describe` prints them (describe.go 1.30:
 * describeContainers, describeContainerBasicInfo/Command/State/Probe/EnvVars/Volumes,
 * describeResources, describeVolumes, DescribePodTemplate). Env-from sources are not printed: the
 * lab's manifests do not set them.
 */
import type {
  Container,
  ContainerState,
  ContainerStatus,
  PodTemplateSpec,
  Probe,
  Volume,
} from '../../../../core/api/types.ts';
import { rfc1123z } from '../humanDuration.ts';
import { type DescribeWriter, writeLabels, writeTolerations } from './describeWriter.ts';

/** describeContainerPorts / describeContainerHostPorts: `53/UDP, 53/TCP` (joined with ", "). */
function portsText(c: Container, host: boolean): string {
  return (c.ports ?? [])
    .map(
      (p) =>
        `${host ? ((p as { hostPort?: number }).hostPort ?? 0) : p.containerPort}/${p.protocol ?? 'TCP'}`,
    )
    .join(', ');
}

function writeState(w: DescribeWriter, name: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${state.running.startedAt ? rfc1123z(state.running.startedAt) : ''}\n`);
  } else if (state?.waiting) {
    w.write(2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${t.startedAt ? rfc1123z(t.startedAt) : ''}\n`);
    w.write(3, `Finished:\t${t.finishedAt ? rfc1123z(t.finishedAt) : ''}\n`);
  } else w.write(2, `${name}:\tWaiting\n`);
}

/** DescribeProbe: `exec [cmd] delay=0s timeout=1s period=10s #success=1 #failure=3` etc. */
/** Go's escape(path, encodePath), as url.URL.String uses it: all but unreserved and `$&+,/:;=@`. */
function escapeUrlPath(path: string): string {
  return Array.from(new TextEncoder().encode(path), (b) => {
    const ch = String.fromCharCode(b);
    return /[A-Za-z0-9\-._~$&+,/:;=@]/.test(ch) ? ch : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

export function probeText(p: Probe): string {
  const attrs =
    `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s ` +
    `#success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${p.exec.command.join(' ')}] ${attrs}`;
  if (p.httpGet) {
    // url.URL{Scheme, Host: JoinHostPort(host, port), Path}.String(): lower-case scheme, escaped path.
    const get = p.httpGet as NonNullable<Probe['httpGet']> & { host?: string; scheme?: string };
    const scheme = (get.scheme ?? 'HTTP').toLowerCase();
    const host = get.host?.includes(':') ? `[${get.host}]` : (get.host ?? '');
    return `http-get ${scheme}://${host}:${get.port}${escapeUrlPath(get.path ?? '')} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket :${p.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

interface EnvSource {
  secretKeyRef?: { name: string; key: string; optional?: boolean };
  configMapKeyRef?: { name: string; key: string; optional?: boolean };
  fieldRef?: { apiVersion?: string; fieldPath: string };
}

function writeEnv(w: DescribeWriter, c: Container, fieldValue: (path: string) => string): void {
  const env = c.env ?? [];
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const from = e.valueFrom as EnvSource | undefined;
    if (!from) {
      (e.value ?? '').split('\n').forEach((s, i) => {
        w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`);
      });
    } else if (from.fieldRef) {
      const f = from.fieldRef;
      w.write(3, `${e.name}:\t${fieldValue(f.fieldPath)} (${f.apiVersion ?? 'v1'}:${f.fieldPath})\n`);
    } else if (from.secretKeyRef) {
      const s = from.secretKeyRef;
      w.write(
        3,
        `${e.name}:\t<set to the key '${s.key}' in secret '${s.name}'>\tOptional: ${Boolean(s.optional)}\n`,
      );
    } else if (from.configMapKeyRef) {
      const s = from.configMapKeyRef;
      w.write(
        3,
        `${e.name}:\t<set to the key '${s.key}' of config map '${s.name}'>\tOptional: ${Boolean(s.optional)}\n`,
      );
    }
  }
}

interface ContainerResources {
  limits?: Record<string, string>;
  requests?: Record<string, string>;
}

/** describeResources: `Limits:` then `Requests:`, resource names sorted. */
function writeResources(w: DescribeWriter, resources: ContainerResources | undefined): void {
  for (const [title, list] of [
    ['Limits', resources?.limits],
    ['Requests', resources?.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length === 0) continue;
    w.write(2, `${title}:\n`);
    for (const n of names) w.write(3, `${n}:\t${(list as Record<string, string>)[n]}\n`);
  }
}

/**
 * describeContainers. `space` is '  ' inside a pod template (container names get one more space)
 * and '' for a pod. `statuses` are the pod's container statuses (none for a template).
 */
export function writeContainers(
  w: DescribeWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  space: string,
  fieldValue: (path: string) => string = () => '',
): void {
  w.write(0, containers.length === 0 ? `${space}${label}: <none>\n` : `${space}${label}:\n`);
  const nameIndent = space.length > 0 ? ' ' : '';
  for (const c of containers) {
    const st = statuses?.find((s) => s.name === c.name);
    w.write(1, `${nameIndent}${c.name}:\n`);
    if (st) w.write(2, `Container ID:\t${st.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image}\n`);
    if (st) w.write(2, `Image ID:\t${st.imageID}\n`);
    const ports = portsText(c, false);
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = portsText(c, true);
    w.write(
      2,
      hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`,
    );
    if (c.command?.length) {
      w.write(2, 'Command:\n');
      for (const s of c.command) for (const line of s.split('\n')) w.write(3, `${line}\n`);
    }
    if (c.args?.length) {
      w.write(2, 'Args:\n');
      for (const s of c.args) for (const line of s.split('\n')) w.write(3, `${line}\n`);
    }
    if (st) {
      writeState(w, 'State', st.state);
      if (st.lastState?.terminated) writeState(w, 'Last State', st.lastState);
      w.write(2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${st.restartCount}\n`);
    }
    writeResources(w, c.resources as ContainerResources | undefined);
    if (c.livenessProbe) w.write(2, `Liveness:\t${probeText(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${probeText(c.readinessProbe)}\n`);
    const startup = (c as { startupProbe?: Probe }).startupProbe;
    if (startup) w.write(2, `Startup:\t${probeText(startup)}\n`);
    writeEnv(w, c, fieldValue);
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) =>
      a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0,
    );
    w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) w.write(3, `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})\n`);
  }
}

interface ProjectedSource {
  serviceAccountToken?: { expirationSeconds?: number };
  configMap?: { name: string; optional?: boolean };
  downwardAPI?: unknown;
  secret?: { name: string; optional?: boolean };
}

/** describeVolumes for PVC, emptyDir, projected and configMap volumes. */
export function writeVolumes(w: DescribeWriter, volumes: readonly Volume[] | undefined, space: string): void {
  const list = volumes ?? [];
  if (list.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  const nameIndent = space.length > 0 ? ' ' : '';
  for (const v of list) {
    w.write(1, `${nameIndent}${v.name}:\n`);
    if (v.persistentVolumeClaim) {
      const c = v.persistentVolumeClaim;
      w.write(
        2,
        'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n' +
          `    ClaimName:\t${c.claimName}\n    ReadOnly:\t${Boolean(c.readOnly)}\n`,
      );
    } else if (v.emptyDir) {
      const e = v.emptyDir as { medium?: string; sizeLimit?: string };
      w.write(
        2,
        "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n" +
          `    Medium:\t${e.medium ?? ''}\n    SizeLimit:\t${e.sizeLimit ?? '<unset>'}\n`,
      );
    } else if (v.projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const s of (v.projected as { sources?: ProjectedSource[] }).sources ?? []) {
        if (s.serviceAccountToken)
          w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`);
        if (s.configMap) {
          const opt = s.configMap.optional === undefined ? '<nil>' : String(s.configMap.optional);
          w.write(2, `ConfigMapName:\t${s.configMap.name}\n    ConfigMapOptional:\t${opt}\n`);
        }
        if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
      }
    } else if ((v as { hostPath?: unknown }).hostPath) {
      // printHostPathVolumeSource: the API defaults an unset type to "" (printed as nothing).
      const h = (v as unknown as { hostPath: { path: string; type?: string } }).hostPath;
      w.write(
        2,
        `Type:\tHostPath (bare host directory volume)\n    Path:\t${h.path}\n    HostPathType:\t${h.type ?? ''}\n`,
      );
    } else if (v.configMap) {
      // printConfigMapVolumeSource prints `Optional != nil && *Optional`, never <nil>.
      const c = v.configMap as { name?: string; optional?: boolean };
      const opt = String(c.optional === true);
      w.write(
        2,
        `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${c.name ?? ''}\n    Optional:\t${opt}\n`,
      );
    }
  }
}

/** DescribePodTemplate, as inside `describe statefulset`. */
export function writePodTemplate(w: DescribeWriter, template: PodTemplateSpec): void {
  w.write(0, 'Pod Template:\n');
  writeLabels(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    w.write(0, '  Annotations:\t');
    const ann = template.metadata?.annotations ?? {};
    Object.keys(ann)
      .sort()
      .forEach((k, i) => {
        if (i !== 0) w.write(0, '\t');
        w.write(0, `${k}: ${ann[k]}\n`);
      });
  }
  if (template.spec.serviceAccountName) w.write(1, `Service Account:\t${template.spec.serviceAccountName}\n`);
  if (template.spec.initContainers?.length)
    writeContainers(w, 'Init Containers', template.spec.initContainers, undefined, '  ');
  writeContainers(w, 'Containers', template.spec.containers, undefined, '  ');
  writeVolumes(w, template.spec.volumes, '  ');
  const priorityClass = (template.spec as { priorityClassName?: string }).priorityClassName;
  if (priorityClass) w.write(1, `Priority Class Name:\t${priorityClass}\n`);
  writeLabels(
    w,
    '  Node-Selectors',
    (template.spec as { nodeSelector?: Record<string, string> }).nodeSelector,
  );
  writeTolerations(w, '  Tolerations', template.spec.tolerations);
}

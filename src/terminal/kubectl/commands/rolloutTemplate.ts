/**
 * The pod template as `kubectl rollout history --revision=N` prints it: kubernetes/kubectl
 * pkg/describe/describe.go `DescribePodTemplate` written through a PrefixWriter straight into a
 * buffer (pkg/polymorphichelpers/history.go `printTemplate`, 1.30) — no tabwriter, so the fields
 * are separated by literal tab characters, as the real command prints them. Covers labels,
 * annotations, containers (image, ports, command, args, probes, environment, mounts), volumes,
 * node selectors and tolerations. Lab difference: resources and envFrom are not printed.
 */
import type { Container, PodTemplateSpec, Probe, Volume } from '../../../core/api/types.ts';

const L1 = '  ';
const L2 = '    ';
const L3 = '      ';

function multiline(title: string, map: Record<string, string> | undefined): string {
  const keys = Object.keys(map ?? {}).sort();
  if (keys.length === 0) return `${title}:\t<none>\n`;
  return `${title}:\t${keys.map((k) => `${k}=${(map as Record<string, string>)[k]}`).join('\n\t')}\n`;
}

function probeText(p: Probe): string {
  let how = 'unknown';
  if (p.exec) how = `exec [${p.exec.command.join(' ')}]`;
  else if (p.httpGet) how = `http-get http://:${p.httpGet.port}${p.httpGet.path ?? ''}`;
  else if (p.tcpSocket) how = `tcp-socket :${p.tcpSocket.port}`;
  return `${how} delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
}

function container(c: Container): string {
  let out = `${L1} ${c.name}:\n${L2}Image:\t${c.image}\n`;
  const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
  const hostPorts = (c.ports ?? []).map((p) => `0/${p.protocol ?? 'TCP'}`).join(', ');
  out += ports.includes(',') ? `${L2}Ports:\t${ports}\n` : `${L2}Port:\t${ports || '<none>'}\n`;
  out += hostPorts.includes(',')
    ? `${L2}Host Ports:\t${hostPorts}\n`
    : `${L2}Host Port:\t${hostPorts || '<none>'}\n`;
  if (c.command?.length) out += `${L2}Command:\n${c.command.map((s) => `${L3}${s}\n`).join('')}`;
  if (c.args?.length) out += `${L2}Args:\n${c.args.map((s) => `${L3}${s}\n`).join('')}`;
  if (c.livenessProbe) out += `${L2}Liveness:\t${probeText(c.livenessProbe)}\n`;
  if (c.readinessProbe) out += `${L2}Readiness:\t${probeText(c.readinessProbe)}\n`;
  const env = c.env ?? [];
  out += `${L2}Environment:${env.length === 0 ? '\t<none>' : ''}\n`;
  for (const e of env) {
    const lines = (e.value ?? '').split('\n');
    out += `${L3}${e.name}:\t${e.valueFrom ? '<set from a reference>' : lines[0]}\n`;
    for (const more of lines.slice(1)) out += `${L3}\t${more}\n`;
  }
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1));
  out += `${L2}Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`;
  for (const m of mounts) out += `${L3}${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})\n`;
  return out;
}

function volume(v: Volume): string {
  let out = `${L1} ${v.name}:\n`;
  if (v.persistentVolumeClaim)
    out += `${L2}Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n${L2}ClaimName:\t${v.persistentVolumeClaim.claimName}\n${L2}ReadOnly:\t${v.persistentVolumeClaim.readOnly ?? false}\n`;
  else if (v.emptyDir)
    out += `${L2}Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n${L2}Medium:\t${(v.emptyDir.medium as string) ?? ''}\n${L2}SizeLimit:\t${(v.emptyDir.sizeLimit as string) ?? '<unset>'}\n`;
  else if (v.configMap)
    out += `${L2}Type:\tConfigMap (a volume populated by a ConfigMap)\n${L2}Name:\t${v.configMap.name as string}\n${L2}Optional:\t${(v.configMap.optional as boolean) ?? false}\n`;
  return out;
}

/** `Pod Template:` and its fields, each line ending in a newline. */
export function describePodTemplate(t: PodTemplateSpec): string {
  let out = 'Pod Template:\n';
  out += multiline(`${L1}Labels`, t.metadata?.labels);
  if (Object.keys(t.metadata?.annotations ?? {}).length > 0)
    out += multiline(`${L1}Annotations`, t.metadata?.annotations);
  if (t.spec.serviceAccountName) out += `${L1}Service Account:\t${t.spec.serviceAccountName}\n`;
  if (t.spec.initContainers?.length)
    out += `${L1}Init Containers:\n${t.spec.initContainers.map(container).join('')}`;
  out += `${L1}Containers:${t.spec.containers.length === 0 ? ' <none>' : ''}\n${t.spec.containers.map(container).join('')}`;
  const vols = t.spec.volumes ?? [];
  out += vols.length === 0 ? `${L1}Volumes:\t<none>\n` : `${L1}Volumes:\n${vols.map(volume).join('')}`;
  out += multiline(`${L1}Node-Selectors`, (t.spec as { nodeSelector?: Record<string, string> }).nodeSelector);
  const tol = t.spec.tolerations ?? [];
  out += `${L1}Tolerations:\t${tol.length === 0 ? '<none>' : tol.map((x) => `${x.key ?? ''}`).join('\n\t')}\n`;
  return out;
}

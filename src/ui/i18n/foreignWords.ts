/**
 * Finding English left in the Japanese page. The Japanese page keeps Kubernetes in English as kubectl
 * prints it — kinds, STATUS and phase texts, field names and their values, tool names, commands, keys —
 * and the names and values of the learner's own objects; every other ASCII word is a sentence someone
 * forgot to translate. Used by the catalogue test (src/ui/lessons/catalogues.test.ts) and by the scan
 * of the rendered page (src/app/untranslated.test.tsx); the page itself never imports it.
 */

/**
 * The words the Japanese page may show in English: terms as Kubernetes, kubectl and minikube spell
 * them (case matters: `Ready` is a condition, `ready` would be an English adjective), and the few
 * symbols the legend defines. Commands, flags, {{placeholders}} and `code` are removed before words
 * are looked up, so they need no entry here.
 */
export const KUBERNETES_TERMS: ReadonlySet<string> = new Set([
  // kinds and their short names
  'Pod',
  'StatefulSet',
  'Service',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'PVC',
  'PV',
  'Node',
  'ControllerRevision',
  'EndpointSlice',
  'Endpoints',
  'Event',
  'Namespace',
  'StorageClass',
  'Deployment',
  'ReplicaSet',
  // pod STATUS texts, phases and conditions (kubectl get / describe)
  'Pending',
  'Running',
  'Ready',
  'NotReady',
  'ContainerCreating',
  'PodInitializing',
  'Terminating',
  'Completed',
  'Succeeded',
  'Failed',
  'Unknown',
  'CrashLoopBackOff',
  'ErrImagePull',
  'ImagePullBackOff',
  'Error',
  'OOMKilled',
  'ExitCode',
  'Signal',
  'Bound',
  'Released',
  'Available',
  'Lost',
  'Normal',
  'Warning',
  // StatefulSet and Service fields and their values
  'podManagementPolicy',
  'OrderedReady',
  'Parallel',
  'updateStrategy',
  'RollingUpdate',
  'OnDelete',
  'partition',
  'replicas',
  'serviceName',
  'volumeClaimTemplates',
  'persistentVolumeClaimRetentionPolicy',
  'whenScaled',
  'whenDeleted',
  'Retain',
  'Delete',
  'minReadySeconds',
  'clusterIP',
  'None',
  'publishNotReadyAddresses',
  'readiness',
  'Readiness',
  'readinessProbe',
  'liveness',
  'default',
  // tools, components, formats
  'Kubernetes',
  'kubectl',
  'minikube',
  'kubelet',
  'CoreDNS',
  'DNS',
  'IP',
  // "ID" is how Japanese writes the word (安定した ID), as it writes IP and DNS
  'ID',
  'YAML',
  'JSON',
  'CSI',
  'MariaDB',
  'nginx',
  // kubectl and minikube verbs, as tabs, buttons and titles name the command they run
  'start',
  'apply',
  'get',
  'describe',
  'Describe',
  'delete',
  'scale',
  'rollout',
  'exec',
  'logs',
  'patch',
  // keys
  'Tab',
  'Escape',
  'Enter',
  'Ctrl-C',
  // symbols the page defines: `rev N` (the legend), `60x` (speeds), `T+1:05` (elapsed virtual time)
  'rev',
  'N',
  'x',
  'T',
]);

/** Texts that are not words: placeholders, `code`, flags, RFC 3339 timestamps, URLs, kubectl's `<none>`. */
const NOT_WORDS = [
  /<none>/g,
  /\{\{[^}]*\}\}/g,
  /`[^`]*`/g,
  /(^|[\s(（])--?[A-Za-z][\w-]*(=\S*)?/g,
  /\d{4}-\d\d-\d\dT[\d:.]+Z/g,
  /\bhttps?:\/\/\S+/g,
];

/**
 * The ASCII words of a text, in order: runs that start with a letter and go on with letters, digits,
 * `_` and `-` (`mariadb-sts-0`, `Ctrl-C`), without a trailing hyphen. Dots and slashes separate words,
 * so `web-0.web-svc` is two names and `default/web` a namespace and a name.
 */
export function asciiWords(text: string): string[] {
  let rest = text;
  for (const re of NOT_WORDS) rest = rest.replace(re, ' ');
  return (rest.match(/[A-Za-z][\w-]*/g) ?? []).map((w) => w.replace(/-+$/, ''));
}

/**
 * The words of `text` that are neither Kubernetes terms nor among `values` (words of the names,
 * images, sizes and messages on the page, which are data, not sentences). A text the diagram cut to
 * fit its box ends in `…`: its last word may be the beginning of a value.
 */
export function foreignWords(text: string, values: ReadonlySet<string> = new Set()): string[] {
  const words = asciiWords(text);
  const cut = text.trimEnd().endsWith('…') ? words.length - 1 : -1;
  return words.filter(
    (w, i) =>
      !KUBERNETES_TERMS.has(w) && !values.has(w) && !(i === cut && [...values].some((v) => v.startsWith(w))),
  );
}

/** The words of data texts (object names, images, controller messages), to pass as `values`. */
export function valueWords(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const w of asciiWords(t)) out.add(w);
  return out;
}

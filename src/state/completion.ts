/**
 * Tab completion for the page's terminal, in the spirit of bash with kubectl's completion script
 * loaded: the first word completes to a command, kubectl's second word to a verb, a word after
 * get/describe/delete/... to a resource type, and the word after a resource type to the names of that
 * kind in the cluster. One match completes (with a space); several complete to their common prefix
 * and are listed, as bash does on a second Tab. Pure.
 */
import type { ClusterView } from './clusterView.ts';

/** Host commands the shell knows (terminal-contract.md). */
export const HOST_COMMANDS = [
  'cat',
  'clear',
  'echo',
  'false',
  'grep',
  'head',
  'history',
  'kubectl',
  'minikube',
  'sleep',
  'sort',
  'tail',
  'timeout',
  'true',
  'wc',
];

/** kubectl verbs the lab implements. */
export const KUBECTL_VERBS = [
  'annotate',
  'api-resources',
  'apply',
  'config',
  'create',
  'delete',
  'describe',
  'edit',
  'events',
  'exec',
  'explain',
  'get',
  'label',
  'logs',
  'patch',
  'rollout',
  'run',
  'scale',
  'set',
  'version',
  'wait',
];

const MINIKUBE_VERBS = ['addons', 'delete', 'ip', 'service', 'start', 'status', 'stop', 'version'];

/** Resource words kubectl accepts, with the view list they name. */
const RESOURCES: Record<string, keyof ClusterView | undefined> = {
  controllerrevisions: 'revisions',
  endpoints: undefined,
  endpointslices: 'endpointSlices',
  events: 'events',
  namespaces: undefined,
  nodes: 'nodes',
  persistentvolumeclaims: 'claims',
  persistentvolumes: 'volumes',
  pods: 'pods',
  pod: 'pods',
  po: 'pods',
  pv: 'volumes',
  pvc: 'claims',
  services: 'services',
  service: 'services',
  svc: 'services',
  statefulsets: 'statefulSets',
  statefulset: 'statefulSets',
  sts: 'statefulSets',
  storageclasses: undefined,
};

const VERBS_TAKING_RESOURCE = new Set([
  'get',
  'describe',
  'delete',
  'edit',
  'label',
  'annotate',
  'patch',
  'scale',
  'explain',
  'wait',
]);

export interface Completion {
  /** the line after completion */
  line: string;
  /** the candidates to list when several match (empty when the line was completed or nothing matched) */
  options: string[];
}

function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function candidates(words: string[], view: ClusterView): string[] {
  const i = words.length - 1;
  if (i === 0) return HOST_COMMANDS;
  if (words[0] === 'minikube' && i === 1) return MINIKUBE_VERBS;
  if (words[0] !== 'kubectl') return [];
  if (i === 1) return KUBECTL_VERBS;
  const verb = words[1];
  const prev = words[i - 1];
  if (verb === 'rollout' && i === 2) return ['history', 'pause', 'restart', 'resume', 'status', 'undo'];
  if (verb === 'set' && i === 2) return ['image'];
  if ((VERBS_TAKING_RESOURCE.has(verb) && i === 2) || ((verb === 'rollout' || verb === 'set') && i === 3)) {
    return Object.keys(RESOURCES);
  }
  const list = RESOURCES[prev];
  if (list) {
    const objs = view[list] as Array<{ metadata: { name: string; namespace?: string } }>;
    return objs
      .filter((o) => !o.metadata.namespace || o.metadata.namespace === 'default')
      .map((o) => o.metadata.name);
  }
  return [];
}

/** Completes the last word of `line` (the cursor is at its end). */
export function completeLine(line: string, view: ClusterView): Completion {
  const words = line.split(/\s+/);
  if (words[0] === '') words.shift();
  if (words.length === 0) words.push('');
  const partial = words[words.length - 1];
  const matches = [...new Set(candidates(words, view))].filter((c) => c.startsWith(partial)).sort();
  if (matches.length === 0) return { line, options: [] };
  const head = line.slice(0, line.length - partial.length);
  if (matches.length === 1) return { line: `${head}${matches[0]} `, options: [] };
  const prefix = commonPrefix(matches);
  return { line: `${head}${prefix}`, options: prefix.length > partial.length ? [] : matches };
}

/**
 * Looks an image reference up in the catalogue the way a pull through minikube's docker runtime
 * would end: the image (with its size, timings and traits), or the docker daemon's error text that
 * the kubelet puts in its `Failed to pull image "<ref>": <error>` event.
 *
 * Reference parsing follows docker's reference.ParseNormalizedNamed (github.com/distribution/reference
 * normalize.go): a first path component with a `.` or `:` (or `localhost`) is a registry host,
 * anything else is Docker Hub, where one-word names live under `library/`; no tag means `:latest`.
 * Error texts are those the docker 26 daemon returns (kubelet 1.28+ strips the gRPC `rpc error: code
 * = Unknown desc =` prefix, kubernetes/kubernetes#117612): Docker Hub `manifest unknown` / `pull access
 * denied`, registry.k8s.io's Artifact Registry `Failed to fetch`, ghcr.io's `manifest unknown` / `denied`.
 * The lab differs in one way: every repository not in the catalogue counts as missing, although a
 * real node could pull any public image.
 */
import { nextRandom } from '../clock/seededRandom.ts';
import { IMAGE_CATALOGUE, type ImageEntry, type ImageTraits } from './catalogue.ts';

/** A parsed image reference. */
export interface ImageReference {
  /** registry host, `docker.io` for Docker Hub */
  domain: string;
  /** path inside the registry, `library/nginx` for official images */
  path: string;
  /** tag, `latest` when the reference had none */
  tag: string;
  /** whether the reference carried a tag (imagePullPolicy defaults on it) */
  explicitTag: boolean;
  digest?: string;
  /** docker's familiar repository name: `nginx`, `bitnami/redis`, `registry.k8s.io/nginx-slim` */
  familiar: string;
}

/** Why a pull fails. */
export type PullErrorKind = 'invalidReference' | 'tagNotFound' | 'repositoryNotFound' | 'registryUnreachable';

export type ImageResolution =
  | {
      ok: true;
      entry: ImageEntry;
      reference: ImageReference;
      /** `repo:tag` as docker reports it in container statuses, e.g. `busybox:latest` */
      image: string;
      /** `docker-pullable://repo@sha256:...`, stable for one repo:tag */
      imageID: string;
      sizeBytes: number;
      pullSeconds: number;
      traits: ImageTraits;
    }
  | { ok: false; kind: PullErrorKind; message: string; reference?: ImageReference };

const REFERENCE_RE =
  /^((?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?\/)?([a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::([\w][\w.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?$/;

/** Parses an image reference as docker does; undefined for an invalid reference format. */
export function parseImageReference(ref: string): ImageReference | undefined {
  const m = REFERENCE_RE.exec(ref);
  if (!m) return undefined;
  let domain = 'docker.io';
  let rest = ref.replace(/@.*$/, '');
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    domain = first === 'index.docker.io' ? 'docker.io' : first;
    rest = rest.slice(slash + 1);
  }
  const colon = rest.lastIndexOf(':');
  let path = colon >= 0 ? rest.slice(0, colon) : rest;
  const tag = colon >= 0 ? rest.slice(colon + 1) : undefined;
  if (path.toLowerCase() !== path) return undefined;
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  const familiar = domain === 'docker.io' ? path.replace(/^library\//, '') : `${domain}/${path}`;
  return { domain, path, tag: tag ?? 'latest', explicitTag: tag !== undefined, digest: m[4], familiar };
}

/** FNV-1a over a string, 32 bits. */
function fnv32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A stable pseudo-digest (64 hex digits) for a repository and tag; real digests are unknowable offline. */
export function imageDigest(familiar: string, tag: string): string {
  let state = fnv32(`${familiar}:${tag}`);
  let out = '';
  while (out.length < 64) {
    const [next, value] = nextRandom(state);
    state = next;
    out += Math.floor(value * 16).toString(16);
  }
  return out;
}

function pullError(kind: PullErrorKind, r: ImageReference): ImageResolution {
  const named = `${r.familiar}:${r.tag}`;
  let message: string;
  if (r.domain === 'docker.io')
    message =
      kind === 'tagNotFound'
        ? `Error response from daemon: manifest for ${named} not found: manifest unknown: manifest unknown`
        : `Error response from daemon: pull access denied for ${r.familiar}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
  else if (r.domain === 'registry.k8s.io' || r.domain.endsWith('gcr.io') || r.domain.endsWith('pkg.dev'))
    message = `Error response from daemon: manifest for ${named} not found: manifest unknown: Failed to fetch "${r.tag}"`;
  else if (r.domain === 'ghcr.io')
    message =
      kind === 'tagNotFound'
        ? 'Error response from daemon: manifest unknown'
        : `Error response from daemon: Head "https://ghcr.io/v2/${r.path}/manifests/${r.tag}": denied`;
  else {
    kind = 'registryUnreachable';
    const host = r.domain.replace(/:\d+$/, '');
    message = `Error response from daemon: Get "https://${r.domain}/v2/": dial tcp: lookup ${host} on 192.168.49.1:53: no such host`;
  }
  return { ok: false, kind, message, reference: r };
}

/**
 * Resolves an image reference against the catalogue (the built-in one unless `catalogue` is given):
 * the image and what to show for it, or the pull error and the daemon's text. Pure.
 */
export function resolveImage(
  ref: string,
  catalogue: readonly ImageEntry[] = IMAGE_CATALOGUE,
): ImageResolution {
  const r = parseImageReference(ref);
  if (!r)
    return {
      ok: false,
      kind: 'invalidReference',
      message: `couldn't parse image reference "${ref}": invalid reference format`,
    };
  const entry = catalogue.find((e) => e.repository === r.familiar);
  if (!entry) return pullError('repositoryNotFound', r);
  if (r.digest || !entry.tags.includes(r.tag)) return pullError('tagNotFound', r);
  const image = `${r.familiar}:${r.tag}`;
  return {
    ok: true,
    entry,
    reference: r,
    image,
    imageID: `docker-pullable://${r.familiar}@sha256:${imageDigest(r.familiar, r.tag)}`,
    sizeBytes: entry.tagSizeBytes?.[r.tag] ?? entry.sizeBytes,
    pullSeconds: entry.pullSeconds,
    traits: { ...entry.traits, ...(entry.tagTraits?.[r.tag] ?? {}) },
  };
}

/**
 * The imagePullPolicy the apiserver defaults for an image (SetDefaults_Container): Always when the
 * tag is `latest` or there is neither tag nor digest, else IfNotPresent (also for unparseable
 * references, whose pull fails later).
 */
export function defaultPullPolicy(ref: string): 'Always' | 'IfNotPresent' {
  const r = parseImageReference(ref);
  if (!r || (r.digest && !r.explicitTag)) return 'IfNotPresent';
  return r.tag === 'latest' ? 'Always' : 'IfNotPresent';
}

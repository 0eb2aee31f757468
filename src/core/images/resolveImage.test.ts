import { describe, expect, it } from 'vitest';
import { IMAGE_CATALOGUE } from './catalogue.ts';
import { defaultPullPolicy, parseImageReference, resolveImage } from './resolveImage.ts';

describe('resolveImage', () => {
  it("knows the chapter's images and their traits", () => {
    const db = resolveImage('mariadb:11.3.2-jammy');
    expect(db.ok && db.image).toBe('mariadb:11.3.2-jammy');
    expect(db.ok && db.traits.tools.mariadbClient).toBe(true);
    const ubuntu = resolveImage('ghcr.io/takara9/my-ubuntu:0.3');
    expect(ubuntu.ok && ubuntu.traits.user).toBe('nobody');
    expect(ubuntu.ok && ubuntu.traits.tools.nslookup).toBe('bind9');
  });

  it('treats a missing tag as :latest and reports the image the way docker does', () => {
    const r = resolveImage('busybox');
    expect(r.ok && r.image).toBe('busybox:latest');
    expect(r.ok && r.imageID).toMatch(/^docker-pullable:\/\/busybox@sha256:[0-9a-f]{64}$/);
  });

  it('normalises docker.io and library/ prefixes to the same repository', () => {
    for (const ref of [
      'nginx:1.25',
      'docker.io/nginx:1.25',
      'docker.io/library/nginx:1.25',
      'library/nginx:1.25',
    ]) {
      const r = resolveImage(ref);
      expect(r.ok && r.image).toBe('nginx:1.25');
    }
  });

  it('fails a missing Docker Hub tag with the daemon text for a missing manifest', () => {
    const r = resolveImage('nginx:does-not-exist');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.kind).toBe('tagNotFound');
    expect(!r.ok && r.message).toBe(
      'Error response from daemon: manifest for nginx:does-not-exist not found: manifest unknown: manifest unknown',
    );
  });

  it('fails an unknown Docker Hub repository with pull access denied', () => {
    const r = resolveImage('nosuchuser/nosuchimage:1.0');
    expect(!r.ok && r.kind).toBe('repositoryNotFound');
    expect(!r.ok && r.message).toBe(
      "Error response from daemon: pull access denied for nosuchuser/nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    );
  });

  it("fails a missing registry.k8s.io tag with Artifact Registry's Failed to fetch", () => {
    const r = resolveImage('registry.k8s.io/nginx-slim:does-not-exist');
    expect(!r.ok && r.message).toBe(
      'Error response from daemon: manifest for registry.k8s.io/nginx-slim:does-not-exist not found: manifest unknown: Failed to fetch "does-not-exist"',
    );
  });

  it('rejects references docker cannot parse', () => {
    expect(parseImageReference('Nginx:1.25')).toBeUndefined();
    const r = resolveImage('nginx::1');
    expect(!r.ok && r.kind).toBe('invalidReference');
  });

  it('gives every catalogue entry a size, a pull time and at least one tag', () => {
    for (const e of IMAGE_CATALOGUE) {
      expect(e.tags.length).toBeGreaterThan(0);
      expect(e.sizeBytes).toBeGreaterThan(0);
      expect(e.pullSeconds).toBeGreaterThan(0);
      for (const tag of e.tags) expect(resolveImage(`${e.repository}:${tag}`).ok).toBe(true);
    }
  });

  it('lets course authors extend the catalogue', () => {
    const extra = [...IMAGE_CATALOGUE, { ...IMAGE_CATALOGUE[0], repository: 'example/app', tags: ['1'] }];
    expect(resolveImage('example/app:1').ok).toBe(false);
    expect(resolveImage('example/app:1', extra).ok).toBe(true);
  });
});

describe('defaultPullPolicy', () => {
  it.each([
    ['busybox', 'Always'],
    ['busybox:latest', 'Always'],
    ['mariadb:11.3.2-jammy', 'IfNotPresent'],
    ['registry.k8s.io/nginx-slim:0.8', 'IfNotPresent'],
  ])('%s -> %s', (ref, policy) => {
    expect(defaultPullPolicy(ref)).toBe(policy);
  });
});

/**
 * Which containers run a MariaDB server, and what that server says about itself: the version string
 * of the official `mariadb` image for each tag the catalogue knows (the text after `Server version: `
 * in the monitor's banner, `SELECT VERSION()`), and the data directory the image's server uses.
 *
 * The version strings are the official images' (docker-library/mariadb, built from the MariaDB
 * apt repository): up to the April 2024 releases they read `11.3.2-MariaDB-1:11.3.2+maria~ubu2204`
 * (the textbook's banner); from the May 2024 releases on, `11.4.2-MariaDB-ubu2404`. Floating tags
 * (`11`, `lts`, `latest`) are resolved as they pointed in mid 2024, when the lab's cluster versions
 * (minikube 1.33, Kubernetes 1.30) were current.
 */
import type { Container } from '../api/types.ts';
import { resolveImage } from '../images/resolveImage.ts';

/** Where the official image's server keeps its data (the chapter mounts the claim here). */
export const MARIADB_DATADIR = '/var/lib/mysql';
/** The server's TCP port. */
export const MARIADB_PORT = 3306;

interface MariadbRelease {
  /** `11.3.2` */
  version: string;
  /** the full server version string */
  server: string;
}

const R11_3_2: MariadbRelease = { version: '11.3.2', server: '11.3.2-MariaDB-1:11.3.2+maria~ubu2204' };
const R11_4_2: MariadbRelease = { version: '11.4.2', server: '11.4.2-MariaDB-ubu2404' };
const R10_11_8: MariadbRelease = { version: '10.11.8', server: '10.11.8-MariaDB-ubu2204' };

const RELEASE_BY_TAG: Record<string, MariadbRelease> = {
  '11.3.2-jammy': R11_3_2,
  '11.3.2': R11_3_2,
  '11.3': R11_3_2,
  '11.4.2-noble': R11_4_2,
  '11.4.2': R11_4_2,
  '11.4': R11_4_2,
  '11': R11_4_2,
  lts: R11_4_2,
  latest: R11_4_2,
  '10.11': R10_11_8,
};

function releaseOf(image: string): MariadbRelease | undefined {
  const r = resolveImage(image);
  if (!r.ok || r.entry.repository !== 'mariadb') return undefined;
  return RELEASE_BY_TAG[r.reference.tag];
}

/** True when the image is one of the official MariaDB server images the catalogue knows. */
export function isMariadbImage(image: string): boolean {
  return releaseOf(image) !== undefined;
}

/**
 * True when the container's main process is the MariaDB server: a MariaDB image run with its
 * default command (`mariadbd`), or with `mariadbd`/`mysqld` named explicitly. A MariaDB image run as
 * a client (`kubectl run -it my-client --image=mariadb:... -- bash`) is not a server.
 */
export function isMariadbServer(container: Container): boolean {
  if (!isMariadbImage(container.image)) return false;
  const first = [...(container.command ?? []), ...(container.args ?? [])][0];
  if (first === undefined) return true;
  const program = first.slice(first.lastIndexOf('/') + 1);
  return program === 'mariadbd' || program === 'mysqld' || program === 'docker-entrypoint.sh';
}

/** The `Server version:` text of the image's server, e.g. `11.3.2-MariaDB-1:11.3.2+maria~ubu2204`. */
export function mariadbServerVersion(image: string): string | undefined {
  return releaseOf(image)?.server;
}

/** The plain release number of the image's MariaDB (`11.3.2`), for `mariadb --version`. */
export function mariadbRelease(image: string): string | undefined {
  return releaseOf(image)?.version;
}

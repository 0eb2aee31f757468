/**
 * The cluster CA certificate as the `kube-root-ca.crt` ConfigMaps publish it (`ca.crt`): minikube
 * makes a fresh `minikubeCA` certificate per profile, so its bytes are the cluster's own. The lab
 * derives one PEM per cluster from the seed: the DER header of a minikubeCA certificate (a 778-byte
 * SEQUENCE whose issuer is CN=minikubeCA) followed by seed-derived base64, 64 characters a line.
 * Lab difference: the body is not a parseable certificate. Derived without the simulation's random
 * generator, so publishing it draws nothing.
 */
import { fnv1_32 } from '../statefulset/revisions.ts';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** The encoded start every minikubeCA certificate shares (length, version, serial 1, sha256RSA, CN). */
const HEADER = 'MIIDBjCCAe6gAwIBAgIBATANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDEwptaW5pa3ViZUNBMB4X';
/** 778 DER bytes are 1040 base64 characters, the last two `=`. */
const BODY_CHARS = 1040;

/** The PEM text of the cluster CA for `seed` (ends with a newline). */
export function clusterCaPem(seed: number): string {
  let body = HEADER;
  for (let i = 0; body.length < BODY_CHARS - 3; i++) {
    const h = fnv1_32(`minikubeCA:${seed}:${i}`);
    for (let s = 0; s < 30 && body.length < BODY_CHARS - 3; s += 6) body += B64[(h >>> s) & 63];
  }
  // the last character before `==` carries 2 bits and 4 zero bits
  body += `${'AQgw'[fnv1_32(`minikubeCA:${seed}:end`) & 3]}==`;
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

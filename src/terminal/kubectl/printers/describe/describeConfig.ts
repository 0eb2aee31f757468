/**
 * `kubectl describe configmap` and `kubectl describe secret` (kubectl pkg/describe/describe.go
 * ConfigMapDescriber and describeSecret, 1.30). Secret values are hidden (`key:  N bytes`, the
 * decoded length) except a service-account-token secret's `token`. Upstream ranges over Go maps,
 * so its key order is random; the lab prints keys sorted (one of the orders kubectl can print).
 */

import type { ConfigMap, Secret } from '../../../../core/api/types.ts';
import { decodeBase64 } from '../../../../core/controllers/apps/base64.ts';
import type { DescribeContext } from './describeStatefulSet.ts';
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './describeWriter.ts';

const sortedKeys = (m: Record<string, string> | undefined) => Object.keys(m ?? {}).sort();

/** Byte length of a base64 value: 6 bits per alphabet character, padding excluded. */
function decodedLength(b64: string): number {
  const chars = b64.replace(/[^A-Za-z0-9+/]/g, '').length;
  return Math.floor((chars * 6) / 8);
}

/** The full `kubectl describe configmap <name>` text. */
export function describeConfigMap(cm: ConfigMap, ctx: DescribeContext, showEvents: boolean): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', cm.metadata.labels);
  writeAnnotations(w, 'Annotations', cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  for (const k of sortedKeys(cm.data)) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${(cm.data as Record<string, string>)[k]}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  for (const k of sortedKeys(cm.binaryData)) {
    w.write(0, `${k}: ${decodedLength((cm.binaryData as Record<string, string>)[k])} bytes\n`);
  }
  w.write(0, '\n');
  if (showEvents) writeEvents(w, ctx.events, ctx.now);
  return w.done();
}

const SA_TOKEN_TYPE = 'kubernetes.io/service-account-token';

/** The full `kubectl describe secret <name>` text (no Events: upstream does not list them). */
export function describeSecret(secret: Secret): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${secret.metadata.name}\n`);
  w.write(0, `Namespace:\t${secret.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', secret.metadata.labels);
  writeAnnotations(w, 'Annotations', secret.metadata.annotations);
  w.write(0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(0, '\nData\n====\n');
  for (const k of sortedKeys(secret.data)) {
    const v = (secret.data as Record<string, string>)[k];
    if (k === 'token' && secret.type === SA_TOKEN_TYPE) w.write(0, `${k}:\t${decodeBase64(v)}\n`);
    else w.write(0, `${k}:\t${decodedLength(v)} bytes\n`);
  }
  return w.done();
}

/**
 * The kubectl command line each diagram control stands for. The page types these into the terminal,
 * so a learner sees (and can retype) the real command behind every click. Pure: object names in,
 * command text out. Flags and patch bodies are those a kubectl 1.30 user would type; podManagementPolicy
 * and the like are sent even though the apiserver forbids changing them, because the real error is the
 * lesson (learners.md #9).
 */

/** The resource a set command targets: `sts/<name>` would also work; kubectl's docs use `statefulset`. */
const sts = (name: string) => `statefulset ${name}`;

/** Quotes a JSON patch for the shell with single quotes, as tutorials write it. */
function patch(name: string, body: unknown): string {
  return `kubectl patch ${sts(name)} -p '${JSON.stringify(body)}'`;
}

/** `kubectl delete pod NAME` (adds -n for a namespace other than default). */
export function deletePodCommand(name: string, namespace = 'default'): string {
  return `kubectl delete pod ${name}${nsFlag(namespace)}`;
}

/** `kubectl scale statefulset NAME --replicas=N`. */
export function scaleCommand(name: string, replicas: number, namespace = 'default'): string {
  return `kubectl scale ${sts(name)} --replicas=${replicas}${nsFlag(namespace)}`;
}

/** `kubectl set image statefulset/NAME CONTAINER=IMAGE`. */
export function setImageCommand(
  name: string,
  container: string,
  image: string,
  namespace = 'default',
): string {
  return `kubectl set image statefulset/${name} ${container}=${image}${nsFlag(namespace)}`;
}

/** A patch setting the RollingUpdate partition. */
export function partitionCommand(name: string, partition: number, namespace = 'default'): string {
  return (
    patch(name, { spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition } } } }) +
    nsFlag(namespace)
  );
}

/**
 * A patch switching the update strategy. Going to OnDelete clears rollingUpdate with null, since the
 * apiserver rejects rollingUpdate under OnDelete and a strategic merge would otherwise keep it.
 */
export function updateStrategyCommand(
  name: string,
  type: 'RollingUpdate' | 'OnDelete',
  namespace = 'default',
): string {
  const body =
    type === 'OnDelete'
      ? { spec: { updateStrategy: { type, rollingUpdate: null } } }
      : { spec: { updateStrategy: { type } } };
  return patch(name, body) + nsFlag(namespace);
}

/** A patch setting podManagementPolicy (the apiserver forbids it: the learner sees why). */
export function podManagementPolicyCommand(
  name: string,
  policy: 'OrderedReady' | 'Parallel',
  namespace = 'default',
): string {
  return patch(name, { spec: { podManagementPolicy: policy } }) + nsFlag(namespace);
}

/** A patch setting one field of persistentVolumeClaimRetentionPolicy. */
export function retentionCommand(
  name: string,
  field: 'whenDeleted' | 'whenScaled',
  value: 'Retain' | 'Delete',
  namespace = 'default',
): string {
  return (
    patch(name, { spec: { persistentVolumeClaimRetentionPolicy: { [field]: value } } }) + nsFlag(namespace)
  );
}

/** `kubectl delete statefulset NAME`, with `--cascade=orphan` to leave the pods running. */
export function deleteStatefulSetCommand(name: string, orphan: boolean, namespace = 'default'): string {
  return `kubectl delete ${sts(name)}${orphan ? ' --cascade=orphan' : ''}${nsFlag(namespace)}`;
}

function nsFlag(namespace: string): string {
  return namespace === 'default' ? '' : ` -n ${namespace}`;
}

import { describe, expect, it } from 'vitest';
import {
  deletePodCommand,
  deleteStatefulSetCommand,
  partitionCommand,
  podManagementPolicyCommand,
  retentionCommand,
  scaleCommand,
  setImageCommand,
  updateStrategyCommand,
} from './controlCommands.ts';

/** Extracts the JSON body of a `-p '...'` patch so the test checks its meaning, not its spelling. */
const body = (cmd: string) => JSON.parse(/-p '(.*)'/.exec(cmd)?.[1] ?? 'null');

describe('the command behind each control', () => {
  it('types the commands a learner would type', () => {
    expect(deletePodCommand('mariadb-sts-0')).toBe('kubectl delete pod mariadb-sts-0');
    expect(scaleCommand('mariadb-sts', 3)).toBe('kubectl scale statefulset mariadb-sts --replicas=3');
    expect(setImageCommand('mariadb-sts', 'mariadb', 'mariadb:11.4')).toBe(
      'kubectl set image statefulset/mariadb-sts mariadb=mariadb:11.4',
    );
    expect(deleteStatefulSetCommand('web', false)).toBe('kubectl delete statefulset web');
    expect(deleteStatefulSetCommand('web', true)).toBe('kubectl delete statefulset web --cascade=orphan');
    expect(deletePodCommand('web-1', 'shop')).toBe('kubectl delete pod web-1 -n shop');
  });

  it('patches the partition under a RollingUpdate strategy', () => {
    const cmd = partitionCommand('web', 2);
    expect(cmd.startsWith('kubectl patch statefulset web -p ')).toBe(true);
    expect(body(cmd)).toEqual({
      spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } },
    });
  });

  it('clears rollingUpdate when switching to OnDelete', () => {
    expect(body(updateStrategyCommand('web', 'OnDelete'))).toEqual({
      spec: { updateStrategy: { type: 'OnDelete', rollingUpdate: null } },
    });
  });

  it('sends immutable and retention fields as patches', () => {
    expect(body(podManagementPolicyCommand('web', 'Parallel'))).toEqual({
      spec: { podManagementPolicy: 'Parallel' },
    });
    expect(body(retentionCommand('web', 'whenScaled', 'Delete'))).toEqual({
      spec: { persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete' } },
    });
  });
});

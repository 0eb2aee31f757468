/**
 * The log of an interpreted command (commandLog.ts) and how `kubectl logs` sees it through the
 * kubelet (podLog.ts containerLog): echo lines at the time the script reaches them, a loop's lines
 * every period, nothing after the run ended, `--timestamps` never going backwards within a run, and
 * `previous` reading the run before the current one.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types.ts';
import { createPod, getPod, podTestCluster } from '../../lifecycle/lifecycleFixtures.ts';
import { commandRunLog } from './commandLog.ts';
import { kubeletTimestamp } from './logTime.ts';
import { containerLog } from './podLog.ts';

const sh = (script: string) => ({ command: ['sh', '-c', script] });

describe('commandRunLog', () => {
  it('writes echo lines when the script reaches them, and nothing after the run ended', () => {
    const script = sh('echo one; sleep 3; echo two; exit 1');
    expect(commandRunLog(script, 1000, undefined, 10_000)).toEqual([
      { at: 1000, text: 'one' },
      { at: 4000, text: 'two' },
    ]);
    // killed after 2 s: the second echo never ran
    expect(commandRunLog(script, 1000, 3000, 10_000)).toEqual([{ at: 1000, text: 'one' }]);
  });

  it('repeats a loop body every period, up to the first line after `until`', () => {
    const lines = commandRunLog(sh('while true; do echo tick; sleep 10; done'), 0, undefined, 25_000);
    expect(lines?.map((l) => l.at)).toEqual([0, 10_000, 20_000, 30_000]);
    expect(lines?.every((l) => l.text === 'tick')).toBe(true);
  });

  it('is undefined for commands it does not interpret', () => {
    expect(commandRunLog({}, 0, undefined, 1000)).toBeUndefined();
    expect(commandRunLog(sh('cat /etc/hostname'), 0, undefined, 1000)).toBeUndefined();
  });
});

describe('containerLog of a crash-looping command', () => {
  const script = 'echo a; echo b; echo c; echo d; echo e; sleep 2; exit 3';
  const status = (pod: Pod | undefined) => pod?.status?.containerStatuses?.[0];

  it('--timestamps rise within a run even for lines written in the same millisecond', () => {
    const sim = podTestCluster();
    createPod(sim, 'p', { containers: [{ name: 'c', image: 'busybox:1.36', ...sh(script) }] });
    sim.runUntil(() => status(getPod(sim, 'p'))?.state.running !== undefined, 60_000);
    sim.advance(500);
    const log = containerLog(sim, getPod(sim, 'p') as Pod, 'c', false);
    expect(log.lines.map((l) => l.text)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const stamps = log.lines.map((l) => kubeletTimestamp(l.at, l.nanos));
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('previous is the run before the current one; none while the first run is shown terminated', () => {
    const sim = podTestCluster();
    createPod(sim, 'p', { containers: [{ name: 'c', image: 'busybox:1.36', ...sh(script) }] });
    sim.runUntil(() => status(getPod(sim, 'p'))?.state.terminated !== undefined, 60_000);
    expect(containerLog(sim, getPod(sim, 'p') as Pod, 'c', true).lines).toEqual([]);
    sim.runUntil(() => (status(getPod(sim, 'p'))?.restartCount ?? 0) >= 1, 60_000);
    sim.runUntil(() => status(getPod(sim, 'p'))?.state.running !== undefined, 60_000);
    const pod = getPod(sim, 'p') as Pod;
    const current = containerLog(sim, pod, 'c', false);
    const previous = containerLog(sim, pod, 'c', true);
    expect(previous.containerID).toBe(status(pod)?.lastState.terminated?.containerID);
    expect(current.containerID).not.toBe(previous.containerID);
    expect(previous.lines.map((l) => l.text)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

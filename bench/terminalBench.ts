/**
 * Terminal benchmark: `kubectl get pods -w` in the headless runner while a 1 000-pod StatefulSet rolls
 * out (Parallel creation), cut by `timeout`. The script first adds workers with `minikube node add`
 * (one node per 100 replicas in all, as a node takes at most 110 pods). Prints wall time and the
 * number of watch lines.
 */
import { HOST_COMMANDS } from '../src/terminal/commands.ts';
import { runScript } from '../src/terminal/shell/session.ts';
import { type BenchRow, nodesFor } from './clusterBench.ts';

export async function benchWatchRollout(replicas: number): Promise<BenchRow> {
  const manifest = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  replicas: ${replicas}
  podManagementPolicy: Parallel
  serviceName: nginx
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.8
`;
  const nodes = nodesFor(replicas);
  const lines = [
    ...Array.from({ length: nodes - 1 }, () => 'minikube node add'),
    'kubectl apply -f web.yaml',
    'timeout 600 kubectl get pods -w',
    'kubectl get sts web',
  ];
  const t0 = performance.now();
  const screen = await runScript(lines, {
    seed: 3,
    commands: HOST_COMMANDS,
    readFile: (p) => (p === 'web.yaml' ? manifest : undefined),
  });
  const wallMs = performance.now() - t0;
  const watchLines = screen.split('\n').filter((l) => l.startsWith('web-')).length;
  const last = screen.trimEnd().split('\n').pop() ?? '';
  if (!last.startsWith(`web    ${replicas}/${replicas}`))
    throw new Error(`set not Ready at the end: ${last}`);
  (globalThis as { gc?: () => void }).gc?.();
  return {
    name: `kubectl get pods -w over ${replicas}-pod rollout (runner)`,
    nodes,
    wallMs,
    events: watchLines,
    virtualS: 600,
    heapMb: process.memoryUsage().heapUsed / 1_048_576,
  };
}

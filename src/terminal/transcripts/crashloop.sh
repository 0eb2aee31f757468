# crash loops: a command that exits 3 (Error, CrashLoopBackOff with a growing back-off, RESTARTS), logs and logs -p while it runs and while it waits, describe's Last State, Restart Count and BackOff events; a MariaDB pod without a root password
kubectl run crash --image=busybox:1.36 -- sh -c "echo starting; sleep 2; echo giving up; exit 3"
timeout 42 kubectl get pods -w
kubectl logs crash --timestamps
kubectl logs crash -p --timestamps
sleep 5
kubectl get pods
kubectl logs crash
kubectl logs crash -p
kubectl get pod crash -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}{"\n"}'
kubectl describe pod crash
kubectl delete pod crash --grace-period=0 --force
kubectl run db --image=mariadb:11.3.2-jammy
timeout 35 kubectl get pods -w
kubectl logs db -p
kubectl logs db --tail=2

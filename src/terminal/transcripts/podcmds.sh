# kubectl wait --for, logs, exec and run without -it
minikube addons enable csi-hostpath-driver
kubectl apply -f minimal-sts.yaml
kubectl wait --for=condition=Ready pod/mariadb-sts-0 --timeout=120s
kubectl wait --for=jsonpath='{.status.readyReplicas}'=1 sts/mariadb-sts
kubectl exec mariadb-sts-0 -- hostname
kubectl exec mariadb-sts-0 -c mariadb -- hostname -f
kubectl exec mariadb-sts-0 -- cat /etc/hostname
kubectl exec mariadb-sts-0 -- ls /nosuch
kubectl exec mariadb-sts-0
kubectl logs nosuch
kubectl run test-pod --image=nginx:1.25
kubectl run test-pod --image=nginx:1.25
kubectl wait --for=condition=Ready pod/test-pod --timeout=60s
kubectl get pods
kubectl exec test-pod -- hostname
kubectl wait --for=delete pod/test-pod --timeout=5s
kubectl delete pod test-pod
kubectl wait --for=delete pod/test-pod --timeout=5s
kubectl run bad --image=nginx:does-not-exist
sleep 20
kubectl get pod bad
kubectl logs bad
kubectl wait --for=condition=Ready pod/bad --timeout=10s

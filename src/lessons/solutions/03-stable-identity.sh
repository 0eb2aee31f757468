# The lines a learner types to complete lesson 03-stable-identity (content/03-stable-identity.yaml), after its setup lines.
kubectl get pods -o wide
kubectl get pvc
kubectl run -it my-pod --image=ghcr.io/takara9/my-ubuntu:0.3 -- bash
nslookup mariadb-svc
nslookup mariadb-sts-1.mariadb-svc
exit
kubectl delete pod mariadb-sts-0
timeout 60 kubectl get pods -o wide -w
kubectl get pods -o wide
kubectl exec my-pod -- nslookup mariadb-sts-0.mariadb-svc
kubectl delete pod my-pod

# The lines a learner types to complete lesson 01-chapter (content/01-chapter.yaml), after its setup lines.
minikube start
minikube addons disable storage-provisioner
minikube addons disable default-storageclass
minikube addons enable csi-hostpath-driver
kubectl get sc
kubectl apply -f minimal-sts.yaml
kubectl rollout status sts/mariadb-sts
kubectl get sts,pod,pvc
kubectl get pvc
kubectl get pv
kubectl get svc mariadb-svc
kubectl get pod -o wide
kubectl run -it my-pod --image=ghcr.io/takara9/my-ubuntu:0.3 -- bash
nslookup mariadb-svc
nslookup mariadb-sts-0.mariadb-svc.default.svc.cluster.local
exit
kubectl run -it my-client --image=mariadb:11.3.2-jammy -- bash
mariadb --host mariadb-svc --password
secret
create database test1;
show databases;
exit
exit
kubectl get pod
kubectl delete pod mariadb-sts-0
sleep 30
kubectl get pod -o wide
kubectl exec -it my-client -- bash
mariadb --host mariadb-svc --password
secret
show databases;
exit
exit
kubectl get sts mariadb-sts -o yaml
minikube delete

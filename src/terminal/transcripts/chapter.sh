minikube start
minikube addons disable storage-provisioner
minikube addons disable default-storageclass
minikube addons enable csi-hostpath-driver
kubectl get sc
kubectl apply -f minimal-sts.yaml
sleep 70
kubectl get sts
sleep 4
kubectl get po
sleep 43
kubectl get pvc
kubectl get pv
sleep 62
kubectl get svc mariadb-svc
sleep 31
kubectl get pod -o wide
sleep 64
kubectl delete pod mariadb-sts-0
kubectl get sts mariadb-sts  -o yaml
minikube delete

# kubectl describe: sts, pod, pvc, pv, svc (with Events) on the chapter's setup, a prefix match, errors; then ns, sa, ep, controllerrevision (generic describer), deploy, rs, secret
minikube addons disable storage-provisioner
minikube addons disable default-storageclass
minikube addons enable csi-hostpath-driver
kubectl apply -f minimal-sts.yaml
sleep 60
kubectl describe sts mariadb-sts
kubectl describe pod mariadb-sts-0
kubectl describe pvc dbvl-mariadb-sts-0
kubectl describe pv
kubectl describe svc mariadb-svc
kubectl describe pods mariadb
kubectl describe statefulset/mariadb-sts service/mariadb-svc
kubectl describe pod nosuch
kubectl describe
kubectl describe ns default
kubectl describe sa default
kubectl describe ep mariadb-svc
kubectl describe controllerrevision
kubectl apply -f deploy-web.yaml
sleep 20
kubectl describe deploy nginx
kubectl describe rs
kubectl describe secret db-pass

# Deployments, ReplicaSets, DaemonSets, ConfigMaps, Secrets and ServiceAccounts: the system ones, get all -A, a user Deployment scaled, a Secret from stringData, errors
kubectl get all -A
kubectl get deploy,rs,ds -A -o wide
kubectl get cm,sa -A
minikube addons enable csi-hostpath-driver
kubectl get sts,ds -n kube-system
kubectl api-resources --api-group=apps
kubectl apply -f deploy-web.yaml
sleep 20
kubectl get deploy,rs
kubectl scale deploy nginx --replicas=1
sleep 5
kubectl get deploy,rs
kubectl get secret db-pass -o jsonpath={.data.password}
kubectl get secret,cm
kubectl apply -f secret-bad.yaml

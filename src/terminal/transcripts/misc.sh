# kubectl events, api-resources, version
minikube addons enable csi-hostpath-driver
kubectl apply -f minimal-sts.yaml
sleep 5
kubectl events
kubectl events --for pod/mariadb-sts-0
kubectl events --types=Warning
kubectl api-resources --api-group=discovery.k8s.io
kubectl version
kubectl version --client
kubectl version -o json

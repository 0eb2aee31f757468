# describe of what minikube leaves: node minikube (system pods' requests), the storage classes, coredns, kube-proxy, an EndpointSlice after its Service's pods change, a `standard` volume
kubectl describe node minikube
kubectl describe deploy coredns -n kube-system
kubectl describe ds kube-proxy -n kube-system
minikube addons enable csi-hostpath-driver
kubectl describe sc csi-hostpath-sc
kubectl apply -f web.yaml
sleep 30
kubectl describe endpointslice
kubectl scale sts web --replicas=2
sleep 15
kubectl describe endpoints nginx
kubectl describe endpointslice
kubectl describe pv

# minikube start, status, stop, delete, addons list | enable | disable
minikube status
minikube addons list
minikube addons enable csi-hostpath-driver
minikube addons enable volumesnapshots
minikube addons disable volumesnapshots
minikube addons enable nosuch
minikube stop
minikube status
kubectl get pods
minikube start
minikube status
minikube delete
minikube status
kubectl get pods
minikube start
kubectl get sc
minikube addons list

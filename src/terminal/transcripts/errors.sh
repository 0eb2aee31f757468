# errors the learner meets: shell, kubectl usage, unknown resources, bad manifests
kubctl get pods
kubectl gte pods
kubectl get
kubectl get pods --nosuch
kubectl get pods -z
kubectl get foo
kubectl get pod nosuch
kubectl get sts nosuch
kubectl get pvc nosuch
kubectl get pv nosuch
kubectl get svc nosuch
kubectl apply -f nosuch.yaml
kubectl apply -f bad-kind.yaml
kubectl apply
kubectl create -f web.yaml
kubectl create -f web.yaml
kubectl get pods -o yamll
kubectl scale sts web --replicas=-1
echo done && kubectl get pods nosuch ; echo $?

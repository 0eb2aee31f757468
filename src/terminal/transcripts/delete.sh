# kubectl delete: by name, -f, -l, --all, --cascade, --grace-period, --force, --wait
kubectl apply -f web.yaml
sleep 30
kubectl delete pod web-2
kubectl get pods
kubectl delete pod web-1 --wait=false
kubectl get pods
sleep 20
kubectl delete pod web-0 --grace-period=0 --force
kubectl get pods
sleep 20
kubectl delete pods -l app=nginx
kubectl get pods
sleep 40
kubectl delete pod nosuch
kubectl delete pods -l app=nothing
kubectl delete sts web --cascade=orphan
kubectl get sts
kubectl get pods
kubectl delete pods --all
kubectl get pods
kubectl apply -f web.yaml
sleep 40
kubectl delete sts web --cascade=foreground
kubectl get pods
kubectl apply -f web.yaml
sleep 40
kubectl delete -f web.yaml
kubectl get sts,svc,pods
sleep 20
kubectl get pods
kubectl delete pvc --all
kubectl get pvc,pv
kubectl delete pod web-0 --cascade=sideways
kubectl delete
kubectl delete pods

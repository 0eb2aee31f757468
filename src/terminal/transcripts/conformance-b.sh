# shared/spec/conformance-cases.md B and C: 8 scale up and down in order, 11 Parallel, 17 Retain, 18 whenScaled Delete, 20 whenDeleted Delete
kubectl apply -f web.yaml
sleep 30
kubectl scale sts web --replicas=5
timeout 30 kubectl get pods -w -l app=nginx
kubectl patch sts web -p '{"spec":{"replicas":3}}'
timeout 30 kubectl get pods -w -l app=nginx
kubectl get sts web
kubectl get pvc
kubectl patch sts web -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenScaled":"Delete"}}}'
kubectl scale sts web --replicas=1
sleep 30
kubectl get pods,pvc
kubectl scale sts web --replicas=3
sleep 30
kubectl get pvc
kubectl patch sts web --type=merge -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenDeleted":"Delete","whenScaled":"Retain"}}}'
sleep 1
kubectl get pvc www-web-0 -o jsonpath='{.metadata.ownerReferences}{"\n"}'
kubectl delete sts web
kubectl get pods,pvc
sleep 30
kubectl get pods,pvc,svc
kubectl delete pvc --all
kubectl apply -f web-parallel.yaml
kubectl get pods,pvc
sleep 30
kubectl scale sts web --replicas=4
sleep 1
kubectl get pods
sleep 30
kubectl scale sts web --replicas=1
kubectl get pods

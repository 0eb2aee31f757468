# shared/spec/conformance-cases.md A: 1 ordered creation, 2 defaults, 3 identity, 4 PVCs, 6 delete and come back
kubectl apply -f web.yaml
kubectl get pods,pvc
timeout 30 kubectl get pods -w -l app=nginx
kubectl get sts web
kubectl get sts web -o jsonpath='{.spec.podManagementPolicy} {.spec.revisionHistoryLimit} {.spec.updateStrategy} {.spec.persistentVolumeClaimRetentionPolicy}{"\n"}'
kubectl get pod web-1 -o jsonpath='{.metadata.labels}{"\n"}{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} controller={.metadata.ownerReferences[0].controller}{"\n"}{.spec.hostname}.{.spec.subdomain}{"\n"}'
kubectl exec web-1 -- hostname
kubectl get pvc www-web-1 --show-labels
kubectl get pvc -l app=nginx
kubectl get pods -o custom-columns=NAME:.metadata.name,UID:.metadata.uid,IP:.status.podIP
kubectl delete pod -l app=nginx
kubectl get pods
sleep 30
kubectl get pods -o custom-columns=NAME:.metadata.name,UID:.metadata.uid,IP:.status.podIP
kubectl get pvc

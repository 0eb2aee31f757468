# The lines a learner types to complete lesson 06-retention (content/06-retention.yaml), after its setup lines.
kubectl scale sts mariadb-sts --replicas=1
timeout 90 kubectl get pods -w
kubectl get pvc
kubectl scale sts mariadb-sts --replicas=3
kubectl rollout status sts/mariadb-sts
kubectl patch sts mariadb-sts -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenScaled":"Delete"}}}'
kubectl scale sts mariadb-sts --replicas=1
timeout 90 kubectl get pods -w
kubectl get pvc,pv
kubectl delete sts mariadb-sts
timeout 60 kubectl get pods -w
kubectl get pvc
kubectl apply -f delete-policy-sts.yaml
kubectl rollout status sts/mariadb-sts
kubectl delete sts mariadb-sts
timeout 60 kubectl get pvc -w

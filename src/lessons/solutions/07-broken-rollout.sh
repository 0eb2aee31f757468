# The lines a learner types to complete lesson 07-broken-rollout (content/07-broken-rollout.yaml), after its setup lines.
kubectl set image sts/mariadb-sts mariadb=mariadb:11.4.2-nobel
timeout 60 kubectl get pods -w
kubectl describe pod mariadb-sts-2
kubectl rollout undo sts/mariadb-sts
timeout 60 kubectl get pods -w
kubectl delete pod mariadb-sts-2
kubectl rollout status sts/mariadb-sts

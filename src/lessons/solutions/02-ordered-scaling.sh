# The lines a learner types to complete lesson 02-ordered-scaling (content/02-ordered-scaling.yaml), after its setup lines.
kubectl apply -f minimal-sts.yaml
kubectl rollout status sts/mariadb-sts
kubectl scale sts mariadb-sts --replicas=3
timeout 90 kubectl get pods -w
kubectl scale sts mariadb-sts --replicas=1
timeout 120 kubectl get pods -w
kubectl get pvc
kubectl patch sts mariadb-sts -p '{"spec":{"podManagementPolicy":"Parallel"}}'
kubectl delete sts mariadb-sts
kubectl apply -f parallel-sts.yaml
timeout 60 kubectl get pods -w
kubectl set image sts/mariadb-sts mariadb=mariadb:11.4.2-noble
kubectl rollout status sts/mariadb-sts
kubectl delete sts mariadb-sts
kubectl delete pvc -l app=mariadb

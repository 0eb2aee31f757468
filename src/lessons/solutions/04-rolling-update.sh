# The lines a learner types to complete lesson 04-rolling-update (content/04-rolling-update.yaml), after its setup lines.
kubectl patch sts mariadb-sts -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}'
kubectl set image sts/mariadb-sts mariadb=mariadb:11.4.2-noble
timeout 60 kubectl get pods -L controller-revision-hash -w
kubectl get sts -o wide
kubectl delete pod mariadb-sts-0
timeout 60 kubectl get pods -o wide -w
kubectl patch sts mariadb-sts -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}'
kubectl rollout status sts/mariadb-sts
kubectl rollout undo sts/mariadb-sts
kubectl rollout status sts/mariadb-sts
kubectl rollout history sts/mariadb-sts

# The lines a learner types to complete lesson 05-on-delete (content/05-on-delete.yaml), after its setup lines.
kubectl patch sts mariadb-sts -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'
kubectl set image sts/mariadb-sts mariadb=mariadb:11.4.2-noble
timeout 30 kubectl get pods -w
kubectl get sts mariadb-sts -o wide
kubectl delete pod mariadb-sts-1
timeout 60 kubectl get pods -o wide -w
kubectl delete pod mariadb-sts-2 mariadb-sts-0
timeout 90 kubectl get pods -o wide -w

# kubectl logs of the chapter's MariaDB pod on a fresh CSI volume (--tail, --timestamps, -c, -p without a crash) and after the pod is recreated on the same volume
minikube addons enable csi-hostpath-driver
kubectl apply -f minimal-sts.yaml
sleep 60
kubectl logs mariadb-sts-0 --tail=5
kubectl logs mariadb-sts-0 --tail=2 --timestamps
kubectl logs mariadb-sts-0 -c mariadb --tail=1
kubectl logs mariadb-sts-0 -p
kubectl delete pod mariadb-sts-0
sleep 60
kubectl logs mariadb-sts-0 --tail=8

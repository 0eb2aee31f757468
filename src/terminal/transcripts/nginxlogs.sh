# kubectl logs of the official nginx image (latest tag on the lab's date: 1.27.0): all, -p with no previous container, --tail
kubectl run web --image=nginx
sleep 20
kubectl logs web
kubectl logs web -p
kubectl logs web --tail=3

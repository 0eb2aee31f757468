# The lines a learner types to complete lesson 09-node-failure (content/09-node-failure.yaml), after its setup lines.
kubectl get pods -o wide
minikube node stop m02
sleep 60
kubectl get nodes
kubectl get pods -o wide
sleep 300
kubectl get pods -o wide
kubectl describe pod web-1
kubectl delete pod web-1 --grace-period=0 --force
kubectl rollout status sts/web
kubectl get pods -o wide
minikube node start m02
kubectl get nodes
kubectl get pods -o wide

# kubectl rollout status | history | undo | restart
kubectl apply -f web.yaml
kubectl rollout status sts/web
kubectl rollout history sts/web
kubectl rollout undo sts/web
kubectl set image sts/web nginx=registry.k8s.io/nginx-slim:0.9
kubectl rollout status statefulset/web
kubectl rollout history sts/web
kubectl rollout history sts/web --revision=2
kubectl rollout undo sts/web
kubectl rollout status sts/web --timeout=10s
kubectl rollout status sts/web
kubectl rollout history sts/web
kubectl rollout undo sts/web --to-revision=9
kubectl rollout undo sts/web --to-revision=3
kubectl rollout restart sts/web
kubectl rollout status sts/web
kubectl get pods
kubectl rollout history sts/web
kubectl rollout pause sts/web
kubectl rollout status sts/nosuch
kubectl rollout status

# shared/spec/conformance-cases.md D, E, F, G: 24 rolling update, 26 partition, 29 broken update, 32 OnDelete,
# 34 undo, 37 forbidden update, 39 selector mismatch, 42 cascading delete
kubectl apply -f web.yaml
sleep 30
kubectl patch sts web --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"registry.k8s.io/nginx-slim:0.9"}]'
kubectl rollout status sts/web
kubectl get controllerrevisions
kubectl get pods -L controller-revision-hash
kubectl rollout undo sts/web
kubectl rollout status sts/web
kubectl rollout history sts/web
kubectl patch sts web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}}'
kubectl set image sts/web nginx=registry.k8s.io/nginx-slim:0.7
sleep 20
kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
kubectl delete pod web-2
kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
kubectl patch sts web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}}}}'
kubectl rollout status sts/web
kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
kubectl patch sts web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}'
kubectl rollout status sts/web
kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
kubectl set image sts/web nginx=registry.k8s.io/nginx-slim:does-not-exist
kubectl rollout status sts/web --timeout=60s
kubectl get pods
kubectl rollout undo sts/web
sleep 30
kubectl get pods
kubectl delete pod web-2
kubectl rollout status sts/web
kubectl get sts web -o jsonpath='{.status.currentRevision} {.status.updateRevision}{"\n"}'
kubectl patch sts web -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'
kubectl set image sts/web nginx=registry.k8s.io/nginx-slim:0.9
sleep 20
kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
kubectl rollout status sts/web
kubectl delete pod web-0
kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
kubectl apply -f web-2gi.yaml
kubectl apply -f web-badselector.yaml
kubectl delete sts web
kubectl get sts
kubectl get pods,pvc
kubectl apply -f web.yaml
sleep 40
kubectl get pods

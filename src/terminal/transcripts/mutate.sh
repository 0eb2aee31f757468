# scale, patch (strategic, merge, json), set image, label, annotate
kubectl apply -f web.yaml
sleep 30
kubectl scale sts web --replicas=5
kubectl scale statefulset/web --replicas=5
kubectl get sts web
sleep 30
kubectl get pods
kubectl patch sts web -p '{"spec":{"replicas":3}}'
kubectl patch sts web -p '{"spec":{"replicas":3}}'
kubectl patch sts web --type=merge -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":3}}}}'
kubectl patch sts web --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"registry.k8s.io/nginx-slim:0.9"}]'
kubectl get sts web -o jsonpath='{.spec.updateStrategy}{"\n"}{.status.updateRevision}{" "}{.status.currentRevision}{"\n"}'
sleep 30
kubectl get pods
kubectl get pvc
kubectl set image sts/web nginx=registry.k8s.io/nginx-slim:0.8
kubectl set image statefulset web nginx=registry.k8s.io/nginx-slim:0.8
kubectl set image sts/web nosuch=nginx:1.25
kubectl label pod web-0 tier=frontend
kubectl get pods -L tier
kubectl label pod web-0 tier=backend
kubectl label pod web-0 tier=backend --overwrite
kubectl label pod web-0 tier-
kubectl label pods -l app=nginx env=lab
kubectl get pods --show-labels
kubectl annotate sts web description='chapter lab'
kubectl annotate sts web description=changed
kubectl annotate sts web description=changed --overwrite
kubectl get sts web -o jsonpath='{.metadata.annotations.description}{"\n"}'
kubectl annotate sts web description-
kubectl scale sts web
kubectl scale sts nosuch --replicas=1
kubectl patch sts web --type=json -p '[{"op":"remove","path":"/spec/nosuch"}]'
kubectl patch sts web -p 'not json'

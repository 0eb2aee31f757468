# kubectl get: every kind the lab serves, short names and plurals, -o wide|yaml|json|name|jsonpath|custom-columns,
# -L, --show-labels, -l, -n, -A, --sort-by, several kinds, get all, -w
kubectl apply -f web.yaml
sleep 60
kubectl get statefulsets
kubectl get statefulset web
kubectl get sts -o wide
kubectl get pods
kubectl get pod web-0
kubectl get po -o wide
kubectl get persistentvolumeclaims
kubectl get persistentvolumeclaim www-web-0
kubectl get pvc -o wide
kubectl get persistentvolumes
kubectl get pv -o wide
kubectl get services
kubectl get service nginx
kubectl get svc -o wide
kubectl get endpoints
kubectl get ep nginx
kubectl get storageclasses
kubectl get storageclass standard
kubectl get sc -o wide
kubectl get nodes
kubectl get node minikube
kubectl get no -o wide
kubectl get namespaces
kubectl get ns default
kubectl get controllerrevisions
kubectl get events
kubectl get ev --sort-by=.metadata.creationTimestamp
kubectl get pods -A
kubectl get pods --all-namespaces -o wide
kubectl get pods -n kube-system
kubectl get svc --namespace=kube-system
kubectl get pods -n nosuch
kubectl get pods --show-labels
kubectl get pvc --show-labels
kubectl get pods -L app
kubectl get pods -L app,statefulset.kubernetes.io/pod-name
kubectl get pods -l app=nginx
kubectl get pods -l app=nothing
kubectl get pods -l 'app in (nginx,web)'
kubectl get pods -l '!app'
kubectl get pods -l statefulset.kubernetes.io/pod-name=web-1
kubectl get pods --selector app=nginx --no-headers
kubectl get pods --sort-by=.metadata.name
kubectl get pods -A --sort-by=.metadata.name
kubectl get pods --sort-by=.status.podIP -o wide
kubectl get pv,pvc
kubectl get sts,pod,svc
kubectl get statefulsets,services -l app=nginx
kubectl get all
kubectl get all -l app=nginx
kubectl get pod web-0 web-2
kubectl get pod/web-0 svc/nginx
kubectl get pvc -o name
kubectl get pod,svc -o name
kubectl get sts web -o jsonpath='{.spec.replicas}'
echo
kubectl get pods -o jsonpath='{.items[*].metadata.name}'
echo
kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.podIP}{"\n"}{end}'
kubectl get pod web-0 -o jsonpath='{.metadata.labels}'
echo
kubectl get pod web-0 -o jsonpath='{.spec.volumes[0].persistentVolumeClaim.claimName}{"\n"}'
kubectl get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName
kubectl get pvc -o custom-columns='CLAIM:.metadata.name,SIZE:.spec.resources.requests.storage,VOLUME:.spec.volumeName'
kubectl get svc nginx -o json
kubectl get pvc www-web-0 -o yaml
kubectl get pod web-0 -o yaml
kubectl get sts web -o yaml
timeout 15 kubectl get pods -w
kubectl delete pod web-1 --wait=false
timeout 40 kubectl get pods -w
kubectl get pods -w --watch-only -l statefulset.kubernetes.io/pod-name=web-2

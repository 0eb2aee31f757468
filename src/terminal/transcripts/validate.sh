# Unknown and wrong-typed fields through apply, create and patch, with --validate=strict|warn|ignore|false
kubectl apply -f bad-fields.yaml
kubectl apply -f bad-fields.yaml --validate=warn
kubectl delete pod typo
kubectl create -f bad-fields.yaml --validate=strict
kubectl create -f bad-fields.yaml --validate=ignore
kubectl delete pod typo
kubectl create -f bad-fields.yaml --validate=false
kubectl get pod typo -o jsonpath='{.spec.containers[0].imagePullPolicy}{"\n"}'
kubectl patch pod typo -p '{"spec":{"foo":1}}'
kubectl patch pod typo -p '{"spec":{"foo":1}}' --validate=warn
kubectl patch pod typo -p '{"spec":{"activeDeadlineSeconds":"x"}}'
kubectl patch pod typo -p '{"metadata":{"labels":{"a":1}}}'
kubectl apply -f bad-type.yaml
kubectl apply -f bad-type.yaml --validate=ignore
kubectl create -f bad-type.yaml --validate=warn
kubectl get pods

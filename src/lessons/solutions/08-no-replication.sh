# The lines a learner types to complete lesson 08-no-replication (content/08-no-replication.yaml), after its setup lines.
sleep 30
kubectl run -it my-client --image=mariadb:11.3.2-jammy -- bash
mariadb --host mariadb-sts-0.mariadb-svc --password
secret
create database test1;
exit
mariadb --host mariadb-sts-1.mariadb-svc --password
secret
show databases;
exit
exit
kubectl delete pod my-client

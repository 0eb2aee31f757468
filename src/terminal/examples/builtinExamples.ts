/**
 * The lab's built-in example files, which `-f NAME`, `cat NAME` and `<` find when the script's folder
 * has no file of that name. `minimal-sts.yaml` is the textbook chapter's manifest
 * (shared/seed/minimal-sts.yaml); builtinExamples.test.ts keeps the text identical to it. The text lives in this
 * module (not read with Vite's `?raw` or node:fs) so one import works in the page, in Vitest and in the
 * tsx runner alike.
 */

const MINIMAL_STS_YAML = `# The manifest of the textbook chapter (shared/seed/000_832488ea48ebe21f.txt), rebuilt from what the
# chapter shows: headless Service mariadb-svc on 3306, StatefulSet mariadb-sts with one replica, a 20Mi
# claim template "dbvl" on the csi-hostpath-sc class, MariaDB 11.3.2. The lab ships it as a built-in
# example, so \`kubectl apply -f minimal-sts.yaml\` works without the learner writing a file.
apiVersion: v1
kind: Service
metadata:
  name: mariadb-svc
  labels:
    app: mariadb
spec:
  clusterIP: None
  ports:
  - port: 3306
    name: mariadb
  selector:
    app: mariadb
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: mariadb-sts
spec:
  serviceName: mariadb-svc
  replicas: 1
  selector:
    matchLabels:
      app: mariadb
  template:
    metadata:
      labels:
        app: mariadb
    spec:
      containers:
      - name: mariadb
        image: mariadb:11.3.2-jammy
        env:
        - name: MARIADB_ROOT_PASSWORD
          value: secret
        ports:
        - containerPort: 3306
          name: mariadb
        volumeMounts:
        - name: dbvl
          mountPath: /var/lib/mysql
  volumeClaimTemplates:
  - metadata:
      name: dbvl
    spec:
      accessModes: [ "ReadWriteOnce" ]
      storageClassName: csi-hostpath-sc
      resources:
        requests:
          storage: 20Mi
`;

/** File name -> contents of every built-in example. */
export const BUILTIN_EXAMPLES: Readonly<Record<string, string>> = {
  'minimal-sts.yaml': MINIMAL_STS_YAML,
};

/** The built-in example called `path` (a leading `./` is ignored), or undefined. */
export function readBuiltinExample(path: string): string | undefined {
  const name = path.replace(/^(\.\/)+/, '');
  return Object.hasOwn(BUILTIN_EXAMPLES, name) ? BUILTIN_EXAMPLES[name] : undefined;
}

/**
 * The addons minikube v1.33 knows, as `minikube addons list` prints them (name, maintainer), with
 * whether `minikube start` enables them by default and the images `minikube addons enable` announces
 * (kubernetes/minikube pkg/minikube/assets/addons.go: `NewAddon(assets, enabled, name, maintainer,
 * ..., images, registries)`; registry + image with the digest removed, as enable.go prints them).
 * Names and maintainers were checked against real `minikube addons list` transcripts of that
 * release line. Images are listed only where their v1.33 tags were verified (the storage addons the
 * chapter uses, dashboard, ambassador); the others have none here, so their enable output lacks the
 * `Using image` lines (the lab does not model those addons beyond their enabled flag).
 */

export interface AddonInfo {
  name: string;
  /** as the MAINTAINER column and the enable message show it, e.g. `Kubernetes`, `3rd party (Helm)` */
  maintainer: string;
  /** enabled by `minikube start` on a fresh profile */
  defaultEnabled: boolean;
  /** `registry/repository:tag`, in the order the lab prints them (minikube's map order is random) */
  images: string[];
  /** minikube prints `🔎  Verifying <name> addon...` while it waits for the addon's pods */
  verifies: boolean;
}

const a = (
  name: string,
  maintainer: string,
  images: string[] = [],
  extra: Partial<Pick<AddonInfo, 'defaultEnabled' | 'verifies'>> = {},
): AddonInfo => ({
  name,
  maintainer,
  defaultEnabled: extra.defaultEnabled ?? false,
  images,
  verifies: extra.verifies ?? false,
});

/** Every addon, in the alphabetical order `minikube addons list` uses. */
export const ADDONS: readonly AddonInfo[] = [
  a('ambassador', '3rd party (Ambassador)', ['quay.io/datawire/ambassador-operator:v1.2.3']),
  a('auto-pause', 'minikube'),
  a('cloud-spanner', 'Google'),
  a(
    'csi-hostpath-driver',
    'Kubernetes',
    [
      'registry.k8s.io/sig-storage/csi-snapshotter:v6.1.0',
      'registry.k8s.io/sig-storage/csi-provisioner:v3.3.0',
      'registry.k8s.io/sig-storage/csi-attacher:v4.0.0',
      'registry.k8s.io/sig-storage/csi-external-health-monitor-controller:v0.7.0',
      'registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.6.0',
      'registry.k8s.io/sig-storage/hostpathplugin:v1.9.0',
      'registry.k8s.io/sig-storage/livenessprobe:v2.8.0',
      'registry.k8s.io/sig-storage/csi-resizer:v1.6.0',
    ],
    { verifies: true },
  ),
  a('dashboard', 'Kubernetes', [
    'docker.io/kubernetesui/dashboard:v2.7.0',
    'docker.io/kubernetesui/metrics-scraper:v1.0.8',
  ]),
  a('default-storageclass', 'Kubernetes', [], { defaultEnabled: true }),
  a('efk', '3rd party (Elastic)'),
  a('freshpod', 'Google'),
  a('gcp-auth', 'Google', [], { verifies: true }),
  a('gvisor', 'minikube'),
  a('headlamp', '3rd party (kinvolk.io)'),
  a('helm-tiller', '3rd party (Helm)'),
  a('inaccel', '3rd party (InAccel [info@inaccel.com])'),
  a('ingress', 'Kubernetes', [], { verifies: true }),
  a('ingress-dns', 'minikube'),
  a('inspektor-gadget', '3rd party (inspektor-gadget.io)'),
  a('istio', '3rd party (Istio)'),
  a('istio-provisioner', '3rd party (Istio)'),
  a('kong', '3rd party (Kong HQ)'),
  a('kubeflow', '3rd party'),
  a('kubevirt', '3rd party (KubeVirt)'),
  a('logviewer', '3rd party (unknown)'),
  a('metallb', '3rd party (MetalLB)'),
  a('metrics-server', 'Kubernetes'),
  a('nvidia-device-plugin', '3rd party (NVIDIA)'),
  a('nvidia-driver-installer', '3rd party (Nvidia)'),
  a('nvidia-gpu-device-plugin', '3rd party (Nvidia)'),
  a('olm', '3rd party (Operator Framework)'),
  a('pod-security-policy', '3rd party (unknown)'),
  a('portainer', '3rd party (Portainer.io)'),
  a('registry', 'minikube', [], { verifies: true }),
  a('registry-aliases', '3rd party (unknown)'),
  a('registry-creds', '3rd party (UPMC Enterprises)'),
  a('storage-provisioner', 'minikube', ['gcr.io/k8s-minikube/storage-provisioner:v5'], {
    defaultEnabled: true,
  }),
  a('storage-provisioner-gluster', '3rd party (Gluster)'),
  a('storage-provisioner-rancher', '3rd party (Rancher)'),
  a('volumesnapshots', 'Kubernetes', ['registry.k8s.io/sig-storage/snapshot-controller:v6.1.0']),
];

/** The addon's catalogue entry, or undefined for a name minikube does not know. */
export function addonInfo(name: string): AddonInfo | undefined {
  return ADDONS.find((x) => x.name === name);
}

/**
 * `minikube addons enable|disable|list` as core functions: the catalogue (ADDONS, from
 * addonCatalogue.ts), the enabled flags in `sim.state.minikube.addons`, and the objects each modelled
 * addon adds or removes (addonManifests.ts). Like minikube (cmd/minikube/cmd/config/disable.go), disabling
 * deletes the addon's manifests: disabling default-storageclass deletes the `standard` class.
 * Printing is the terminal's job; these functions only change the cluster.
 */
import type { Simulation } from '../simulation/simulation.ts';
import { type AddonInfo, addonInfo } from './addonCatalogue.ts';
import { ADDON_MANIFESTS } from './addonManifests.ts';

export { ADDONS, type AddonInfo, addonInfo } from './addonCatalogue.ts';

export type AddonResult = { ok: true; addon: AddonInfo } | { ok: false; reason: 'unknown-addon' };

/** True when the addon is enabled in this cluster (unknown names: false). */
export function isAddonEnabled(sim: Simulation, name: string): boolean {
  return sim.state.minikube.addons[name] === true;
}

/**
 * Enables an addon: sets its flag and creates its objects (pods already Running, as minikube waits
 * for them before returning). Enabling an enabled addon re-applies without duplicating anything.
 * Unknown names change nothing. `atMs` backdates the objects (bootstrap uses the cluster start).
 */
export function enableAddon(sim: Simulation, name: string, atMs = sim.now): AddonResult {
  const addon = addonInfo(name);
  if (!addon) return { ok: false, reason: 'unknown-addon' };
  sim.state.minikube.addons[name] = true;
  ADDON_MANIFESTS[name]?.apply(sim, atMs);
  return { ok: true, addon };
}

/**
 * Disables an addon: clears its flag and deletes its objects (pods go Terminating; classes go at
 * once). Disabling a disabled addon succeeds and changes nothing. Unknown names change nothing.
 */
export function disableAddon(sim: Simulation, name: string): AddonResult {
  const addon = addonInfo(name);
  if (!addon) return { ok: false, reason: 'unknown-addon' };
  sim.state.minikube.addons[name] = false;
  ADDON_MANIFESTS[name]?.remove(sim);
  return { ok: true, addon };
}

import type { ShowView } from '../../shared/view';
import type { Principal } from './principal';
import { seesObs } from './principal';

/**
 * The one rule of what a face may see of the view: OBS connections (addresses, scenes, health) are
 * the producer's settings; every other principal gets the show without them.
 */
export function viewFor(principal: Principal, view: ShowView): ShowView {
  return seesObs(principal) ? view : { ...view, obs: [] };
}

/**
 * The same rule for a live-feed patch: without the OBS part for everyone but producers, and null
 * when nothing is left to send (only OBS changed).
 */
export function patchFor(principal: Principal, changes: Partial<ShowView>): Partial<ShowView> | null {
  if (seesObs(principal)) return changes;
  const { obs: _obs, ...rest } = changes;
  return Object.keys(rest).length > 0 ? rest : null;
}

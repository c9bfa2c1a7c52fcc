import type { Role } from '../../shared/access';

/** Who a credential belongs to: the owner (the data dir's own token) or a paired device. */
export interface Operator {
  kind: 'owner' | 'device';
  id: string;
  name: string;
  role: Role;
}

/** The overlays' token: reads the live feed and the overlay pages, nothing else. */
export interface OverlayReader {
  kind: 'overlay';
}

export type Principal = Operator | OverlayReader;

export const OWNER: Operator = { kind: 'owner', id: 'owner', name: 'Studio', role: 'producer' };
export const OVERLAY_READER: OverlayReader = { kind: 'overlay' };

export const isOperator = (p: Principal | null | undefined): p is Operator => p?.kind === 'owner' || p?.kind === 'device';

/**
 * OBS connections (their addresses, scenes, health) are the producer's settings, like the route that
 * lists them: every other face gets the show without them.
 */
export const seesObs = (p: Principal): boolean => p.kind !== 'overlay' && p.role === 'producer';

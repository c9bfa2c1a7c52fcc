import type { DeviceRegistry } from '../access/device-registry';
import { OVERLAY_READER, OWNER, type Principal } from '../access/principal';
import { tokenMatches } from '../common/constant-time';

export interface Credentials {
  ownerToken: string;
  overlayToken: string;
  devices: DeviceRegistry;
}

/**
 * Who presents this token: the owner, the overlays' reader, a paired device, or nobody. Each check
 * runs in constant time for its token; a revoked device is simply no longer in the registry.
 */
export function principalOf(token: string | null | undefined, credentials: Credentials): Principal | null {
  if (!token) return null;
  if (tokenMatches(token, credentials.ownerToken)) return OWNER;
  if (tokenMatches(token, credentials.overlayToken)) return OVERLAY_READER;
  const device = credentials.devices.authenticate(token);
  return device ? { kind: 'device', id: device.id, name: device.name, role: device.role } : null;
}

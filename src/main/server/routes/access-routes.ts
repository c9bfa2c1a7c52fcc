import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DevicePatch, LanSettings, PairingRequest, PairingStart, type DeviceView, type Whoami } from '../../../shared/access';
import { deviceView, type StoredDevice } from '../../access/device-registry';
import { ApiError } from '../api-error';
import { parseBody } from '../body';
import type { LanMode } from '../lan-mode';
import type { LiveFeed } from '../live-feed';
import { operatorOf, type StudioContext } from '../studio-context';

/** Who is asking, LAN mode and pairing, and the paired devices (see docs/api.md, "Devices, roles and LAN mode"). */
export function registerAccessRoutes(app: FastifyInstance, ctx: StudioContext, lan: LanMode, live: LiveFeed): void {
  const { devices, presence, pairing } = ctx.access;
  const view = (device: StoredDevice): DeviceView => deviceView(device, presence.isOnline(device.id));
  const deviceId = (req: FastifyRequest) => (req.params as { id: string }).id;

  app.get('/api/v1/me', (req): Whoami => {
    const { id, name, role } = operatorOf(req);
    return { id, name, role };
  });

  app.get('/api/v1/lan', () => lan.view());
  app.put('/api/v1/lan', (req) => lan.set(parseBody(LanSettings, req.body).enabled));
  app.post('/api/v1/lan/pairing', (req) => lan.offerPairing(parseBody(PairingStart, req.body).role));
  app.delete('/api/v1/lan/pairing', async (_req, reply) => {
    pairing.withdraw();
    return reply.code(204).send();
  });

  // No token: the pairing code is the credential, once. Guessing is limited per address and in total.
  app.post('/api/v1/pair', async (req, reply) => {
    const { code, name } = parseBody(PairingRequest, req.body);
    const attempt = pairing.attempt(req.ip, code);
    if (attempt.outcome === 'rate_limited') {
      reply.header('retry-after', String(attempt.retryAfterSeconds));
      throw new ApiError(429, 'too_many_attempts', `too many pairing attempts from this device; wait ${attempt.retryAfterSeconds} s`);
    }
    if (attempt.outcome === 'refused') throw new ApiError(401, 'pairing_refused', 'that code is wrong or has expired; ask the producer for a new one');
    const { token, device } = devices.pair(name, attempt.role);
    return reply.code(201).send({ token, device: view(device) });
  });

  app.get('/api/v1/devices', () => ({ devices: devices.list().map(view) }));

  app.patch('/api/v1/devices/:id', (req) => {
    const updated = devices.update(deviceId(req), parseBody(DevicePatch, req.body));
    if (!updated) throw new ApiError(404, 'not_found', `device "${deviceId(req)}" does not exist`);
    presence.renamed(updated);
    return view(updated);
  });

  app.delete('/api/v1/devices/:id', async (req, reply) => {
    const id = deviceId(req);
    if (!devices.revoke(id)) throw new ApiError(404, 'not_found', `device "${id}" does not exist`);
    live.disconnect(id, 4001, 'revoked');
    presence.forget(id);
    return reply.code(204).send();
  });
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DevicePatch, LanSettings, PairingRequest, PairingStart, PairingTicket, type DeviceView, type Whoami } from '../../../shared/access';
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

  // The producer answers the devices waiting with the code, by name.
  app.post('/api/v1/lan/pairing/requests/:id/allow', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const device = pairing.allow(id, (name, role) => {
      const paired = devices.pair(name, role);
      return { token: paired.token, device: view(paired.device) };
    });
    if (!device) throw new ApiError(404, 'not_found', 'no device is waiting under that id; it may have expired or been answered');
    return reply.code(201).send({ device });
  });
  app.delete('/api/v1/lan/pairing/requests/:id', async (req, reply) => {
    if (!pairing.decline((req.params as { id: string }).id)) throw new ApiError(404, 'not_found', 'no device is waiting under that id; it may have expired or been answered');
    return reply.code(204).send();
  });

  // No token: the right code only puts the device on the producer's list. Wrong codes are limited per address.
  app.post('/api/v1/pair', async (req, reply) => {
    const { code, name } = parseBody(PairingRequest, req.body);
    const attempt = pairing.attempt(req.ip, code, name);
    if (attempt.outcome === 'rate_limited') {
      reply.header('retry-after', String(attempt.retryAfterSeconds));
      throw new ApiError(429, 'too_many_attempts', `too many pairing attempts from this device; wait ${attempt.retryAfterSeconds} s`);
    }
    if (attempt.outcome === 'refused') throw new ApiError(401, 'pairing_refused', 'that code is wrong or has expired; ask the producer for a new one');
    return reply.code(202).send({ status: 'pending', ticket: attempt.ticket, expiresAt: attempt.expiresAt });
  });

  // No token: the ticket is the waiting device's secret; it collects the token here once allowed.
  app.post('/api/v1/pair/status', (req) => {
    const status = pairing.status(parseBody(PairingTicket, req.body).ticket);
    if (!status) throw new ApiError(404, 'not_found', 'the studio knows no such pairing request (it was collected, or is long over); pair again');
    return status;
  });
  app.post('/api/v1/pair/cancel', async (req, reply) => {
    if (!pairing.cancel(parseBody(PairingTicket, req.body).ticket)) throw new ApiError(404, 'not_found', 'no pairing request is waiting under that ticket');
    return reply.code(204).send();
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

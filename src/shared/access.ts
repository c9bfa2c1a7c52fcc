import { z } from 'zod';

/**
 * Who may do what. The owner's token (printed at start, used by the desktop window) is a producer;
 * paired devices get the role the producer chose when making the pairing code. The core enforces
 * `mayRun` on every command and the server refuses routes by the same table (`routeRefusal`): hiding a button in the UI
 * is a courtesy, never the protection.
 */
export const Role = z.enum(['producer', 'moderator', 'viewer', 'host']);
export type Role = z.infer<typeof Role>;

/** Which roles may run which command is declared with each command in ./command-registry. */
export { mayRun } from './command-registry';

/** `POST /api/v1/lan/pairing`: a short-lived code for one device, with the role it will get. */
export const PairingStart = z.object({ role: Role.default('moderator') });
export type PairingStart = z.infer<typeof PairingStart>;

/** `POST /api/v1/pair` (no token): the right code puts the device in the producer's list, nothing more. */
export const PairingRequest = z.object({
  code: z.string().trim().regex(/^\d{6}$/, 'the pairing code is six digits'),
  name: z.string().trim().min(1).max(60)
});
export type PairingRequest = z.infer<typeof PairingRequest>;

/** `POST /api/v1/pair/status` (no token): the ticket `POST /api/v1/pair` gave the waiting device. */
export const PairingTicket = z.object({ ticket: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'the ticket is the 43 characters the pairing answer gave') });
export type PairingTicket = z.infer<typeof PairingTicket>;

/** A device that gave the right code and waits for the producer to allow it. */
export interface PairingRequestView {
  id: string;
  /** The name the device gave itself: the producer allows it by this name. */
  name: string;
  /** The network address it asked from. */
  address: string;
  /** The role it gets once allowed (the code's). */
  role: Role;
  requestedAt: number;
  /** Unanswered by then, the request expires and the device must ask again. */
  expiresAt: number;
}

/** What a waiting device learns from `POST /api/v1/pair/status`; the token comes once, when allowed. */
export type PairingStatus =
  | { status: 'pending'; expiresAt: number }
  | { status: 'allowed'; token: string; device: DeviceView }
  | { status: 'declined' | 'expired' | 'withdrawn' };

/** `PATCH /api/v1/devices/:id` */
export const DevicePatch = z
  .object({ name: z.string().trim().min(1).max(60).optional(), role: Role.optional() })
  .refine((p) => p.name !== undefined || p.role !== undefined, 'give a name or a role');
export type DevicePatch = z.infer<typeof DevicePatch>;

/** `PUT /api/v1/lan` */
export const LanSettings = z.object({ enabled: z.boolean() });
export type LanSettings = z.infer<typeof LanSettings>;

/** A paired device as the producer sees it (never its token or the token's hash). */
export interface DeviceView {
  id: string;
  name: string;
  role: Role;
  pairedAt: number;
  /** Last request or live message from it (epoch ms), null if never seen since pairing. */
  lastSeenAt: number | null;
  /** A live connection from it is open now. */
  online: boolean;
}

/** `GET /api/v1/me`: who this token is. The owner is `{ id: "owner", name: "Studio", role: "producer" }`. */
export interface Whoami {
  id: string;
  name: string;
  role: Role;
}

export interface PairingView {
  /** Six digits, shown large for typing on the device. */
  code: string;
  role: Role;
  /** Epoch ms; a code is also spent once the producer allows a device that gave it. */
  expiresAt: number;
  /** What the QR code holds: `http://LAN-ADDRESS:PORT/pair#code=123456` (the fragment never reaches a server log). */
  url: string;
  /** The QR code of `url`, as a `data:image/svg+xml;base64,…` URL for an <img>. */
  qrDataUrl: string;
  /** Pairing attempts refused while this code is on offer, from any device (wrong code, or too many tries): a typo, or someone guessing. */
  refusedAttempts: number;
}

/** `GET`/`PUT /api/v1/lan`: whether the studio is reachable from the studio network, and how. */
export interface LanView {
  enabled: boolean;
  /** Control-room addresses devices on the network can open (`http://192.168.1.20:4555/`). */
  urls: string[];
  /** The pairing code being offered, if any. */
  pairing: PairingView | null;
  /** Devices that gave the right code and wait for the producer to allow or decline them, oldest first. */
  requests: PairingRequestView[];
}

/**
 * Who is working the show right now, for every face (`ShowView.operators`): the owner's window and
 * each device with a live connection, and when each last changed something.
 */
export interface OperatorView {
  id: string;
  name: string;
  role: Role;
  online: boolean;
  /** Epoch ms of its last acknowledged command, null if none this session. */
  lastActionAt: number | null;
}

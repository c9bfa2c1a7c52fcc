import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../shared/events';
import type { ShowView } from '../../shared/view';
import type { CatalogueIndex } from '../show/catalogue-search';
import type { CommandResult, ShowCore } from '../show/show-core';
import type { StudioViews } from '../show/studio-views';
import type { ObsManager } from '../obs/obs-manager';
import type { MarketplaceManager } from '../marketplace/marketplace-manager';
import type { DeviceRegistry } from '../access/device-registry';
import type { PairingDesk } from '../access/pairing-desk';
import type { Presence } from '../access/presence';
import type { Operator } from '../access/principal';
import { viewFor } from '../access/view-for';
import { ApiError } from './api-error';
import type { MediaDesk } from '../media/media-desk';
import type { RecordingFolders } from '../media/recording-folders';
import type { StudioShows } from '../library/studio-shows';

/** Paired devices, the pairing code on offer, and who is working the show. */
export interface StudioAccess {
  devices: DeviceRegistry;
  pairing: PairingDesk;
  presence: Presence;
}

/** What the HTTP routes need of the studio: the core, its read models, and who is asking. */
export class StudioContext {
  constructor(
    readonly core: ShowCore,
    readonly views: StudioViews,
    readonly catalogue: CatalogueIndex,
    readonly obs: ObsManager,
    readonly version: string,
    /** Given to the owner only, to put overlay URLs into OBS and the preview. */
    readonly overlayToken: string,
    readonly marketplace: MarketplaceManager,
    readonly access: StudioAccess,
    /** Recordings, chapters and clips (src/main/media). */
    readonly media: MediaDesk,
    readonly recordingFolders: RecordingFolders
  ) {}

  /** The show library (set by startStudio once it is open): the shows beside the one on air. */
  shows: StudioShows | null = null;

  view(): ShowView {
    return this.views.current();
  }

  /** The view as the request's operator may see it (OBS connections for producers only). */
  viewFor(req: FastifyRequest): ShowView {
    return viewFor(operatorOf(req), this.views.current());
  }

  /** A command as it came over the network: the core checks the role and the shape. */
  execute(req: FastifyRequest, input: unknown): Promise<CommandResult> {
    return this.core.executeUntrusted(input, actorOf(req));
  }
}

/** The operator each authenticated request came from; set once by the server's auth hook. */
const operators = new WeakMap<FastifyRequest, Operator>();

export function admit(req: FastifyRequest, operator: Operator): void {
  operators.set(req, operator);
}

/**
 * Who sent this request. A request the auth hook did not admit has no operator: it is refused
 * rather than run as anybody (fail closed), so no route can reach the core without a role.
 */
export function operatorOf(req: FastifyRequest): Operator {
  const operator = operators.get(req);
  if (!operator) throw new ApiError(401, 'unauthorized', 'a valid token is required: Authorization: Bearer TOKEN');
  return operator;
}

export function actorOf(req: FastifyRequest): Actor {
  const { id, name, role } = operatorOf(req);
  const client = String(req.headers['x-shopcast-client'] ?? '').slice(0, 60) || userAgentName(req.headers['user-agent']);
  return { id, client, name, role };
}

function userAgentName(ua: string | undefined): string {
  if (!ua) return 'unknown';
  return ua.split(/[\s/]/)[0].slice(0, 40) || 'unknown';
}

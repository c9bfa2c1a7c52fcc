import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../shared/events';
import type { ShowView } from '../../shared/view';
import type { CatalogueIndex } from '../show/catalogue-search';
import type { CommandResult, ShowCore } from '../show/show-core';
import type { StudioViews } from '../studio-views';
import type { ObsManager } from '../obs/obs-manager';
import type { MarketplaceManager } from '../marketplace/marketplace-manager';

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
    readonly marketplace: MarketplaceManager
  ) {}

  view(): ShowView {
    return this.views.current();
  }

  execute(req: FastifyRequest, command: Record<string, unknown>): Promise<CommandResult> {
    return this.core.execute(command, actorOf(req));
  }
}

export function actorOf(req: FastifyRequest): Actor {
  const client = String(req.headers['x-shopcast-client'] ?? '').slice(0, 60) || userAgentName(req.headers['user-agent']);
  return { id: 'owner', client };
}

function userAgentName(ua: string | undefined): string {
  if (!ua) return 'unknown';
  return ua.split(/[\s/]/)[0].slice(0, 40) || 'unknown';
}

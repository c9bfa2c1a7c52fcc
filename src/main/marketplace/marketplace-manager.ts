import { MARKETPLACE_SECRETS, type MarketplaceSettingsInput, type MarketplaceView } from '../../shared/marketplace';
import type { SecretVault } from '../common/secret-vault';
import type { ShowCore } from '../show/show-core';
import type { MarketplaceConnector } from './connector';
import { DemoMarketplace } from './demo-marketplace';
import { AliExpressMarketplace } from './aliexpress/aliexpress-marketplace';
import { SalesPoller } from './sales-poller';
import { ShopifyMarketplace } from './shopify/shopify-marketplace';
import { acceptedSecrets, PREVIOUS_SECRET_GRACE_MS } from './shopify/webhook-signature';

/** The marketplace settings as stored: everything but the secrets, which live in the vault. */
export type StoredMarketplace = Record<string, string | number> & { kind: MarketplaceSettingsInput['kind'] };

export interface MarketplaceStore {
  load(): StoredMarketplace | undefined;
  save(settings: StoredMarketplace): void;
}

const secretName = (field: string) => `marketplace.${field}`;
/** The webhook secret before the last change, with when it stops being accepted (JSON in the vault). */
const PREVIOUS_WEBHOOK_SECRET = 'marketplace.webhookSecret.previous';

/** The marketplace the show sells on: its settings, its secrets, its connector and its poller. */
export class MarketplaceManager {
  private settings: StoredMarketplace;
  private connector: MarketplaceConnector | null = null;
  private poller: SalesPoller | null = null;
  private readonly listeners = new Set<() => void>();
  private cached: MarketplaceView | null = null;

  constructor(
    private readonly deps: { store: MarketplaceStore; secrets: SecretVault; core: ShowCore; initial: MarketplaceSettingsInput }
  ) {
    this.settings = deps.store.load() ?? this.remember(deps.initial);
  }

  start(): void {
    this.connect();
  }

  async close(): Promise<void> {
    await this.poller?.stop();
  }

  /** Replaces the settings; a secret left out keeps its stored value (forms never see secrets). */
  async update(input: MarketplaceSettingsInput): Promise<MarketplaceView> {
    await this.poller?.stop();
    this.settings = this.remember(input);
    this.connect();
    return this.view();
  }

  current(): MarketplaceConnector | null {
    return this.connector;
  }

  /**
   * The secrets a Shopify webhook may be signed with now (the current one, and the previous one for
   * an hour after a change); null when the show does not sell on Shopify.
   */
  webhookSecrets(now = Date.now()): string[] | null {
    if (this.settings.kind !== 'shopify') return null;
    return acceptedSecrets(this.deps.secrets.get(secretName('webhookSecret')), this.previousWebhookSecret(), now);
  }

  view(): MarketplaceView {
    if (this.cached) return this.cached;
    const { kind, ...settings } = this.settings;
    const health = this.poller?.view();
    this.cached = {
      kind,
      settings,
      secrets: Object.fromEntries(MARKETPLACE_SECRETS[kind].map((f) => [f, this.deps.secrets.get(secretName(f)) ? 'set' : 'not set'])),
      status: health?.status ?? 'off',
      lastError: health?.lastError ?? null,
      lastErrorReason: health?.lastErrorReason ?? null,
      lastSyncAt: health?.lastSyncAt ?? null,
      retryAt: health?.retryAt ?? null
    };
    return this.cached;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private remember(input: MarketplaceSettingsInput): StoredMarketplace {
    const secretFields: readonly string[] = MARKETPLACE_SECRETS[input.kind];
    const stored: Record<string, string | number> = {};
    for (const [field, value] of Object.entries(input)) {
      if (value === undefined) continue;
      if (field === 'webhookSecret') this.rotateWebhookSecret(String(value));
      if (secretFields.includes(field)) this.deps.secrets.set(secretName(field), String(value));
      else stored[field] = value as string | number;
    }
    this.deps.store.save(stored as StoredMarketplace);
    return stored as StoredMarketplace;
  }

  /** Shopify keeps signing with the old secret for a while after it is rotated: so do we accept it. */
  private rotateWebhookSecret(next: string): void {
    const current = this.deps.secrets.get(secretName('webhookSecret'));
    if (!current || current === next) return;
    this.deps.secrets.set(PREVIOUS_WEBHOOK_SECRET, JSON.stringify({ secret: current, until: Date.now() + PREVIOUS_SECRET_GRACE_MS }));
  }

  private previousWebhookSecret(): { secret: string; until: number } | null {
    try {
      const stored = JSON.parse(this.deps.secrets.get(PREVIOUS_WEBHOOK_SECRET) ?? 'null') as { secret?: unknown; until?: unknown } | null;
      return typeof stored?.secret === 'string' && typeof stored.until === 'number' ? { secret: stored.secret, until: stored.until } : null;
    } catch {
      return null;
    }
  }

  private connect(): void {
    this.connector = this.build();
    this.poller = this.connector ? new SalesPoller(this.connector, this.deps.core) : null;
    this.poller?.subscribe(() => this.changed());
    this.poller?.start();
    this.changed();
  }

  private build(): MarketplaceConnector | null {
    const s = this.settings;
    const secret = (field: string) => this.deps.secrets.get(secretName(field));
    const pollSeconds = typeof s.pollSeconds === 'number' ? s.pollSeconds : undefined;
    switch (s.kind) {
      case 'none':
        return null;
      case 'demo':
        return new DemoMarketplace(() => this.deps.core.current, {
          seed: typeof s.seed === 'number' ? s.seed : undefined,
          pace: typeof s.pace === 'number' ? s.pace : undefined,
          pollSeconds
        });
      case 'aliexpress':
        return new AliExpressMarketplace({
          appKey: String(s.appKey),
          appSecret: secret('appSecret') ?? '',
          trackingId: String(s.trackingId),
          gatewayUrl: typeof s.gatewayUrl === 'string' ? s.gatewayUrl : undefined,
          shipToCountry: typeof s.shipToCountry === 'string' ? s.shipToCountry : undefined,
          pollSeconds
        });
      case 'shopify':
        return new ShopifyMarketplace({
          shop: String(s.shop),
          accessToken: secret('accessToken') ?? '',
          pollSeconds,
          locales: () => this.deps.core.current.locales
        });
    }
  }

  private changed(): void {
    this.cached = null;
    for (const listener of this.listeners) listener();
  }
}

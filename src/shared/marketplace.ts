import { z } from 'zod';
import type { Reason } from './reason';

const PollSeconds = z.number().int().min(2).max(3600).optional();

/** The access token is only ever sent over https, or over plain http to this machine (a local proxy, a test double). */
export function isSafeShopAddress(shop: string): boolean {
  if (!/^http:\/\//.test(shop)) return true;
  try {
    const host = new URL(shop).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

/** `PUT /api/v1/marketplace`: which marketplace the show sells on. Secrets are write-only. */
export const MarketplaceSettingsInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('demo'),
    seed: z.number().int().optional(),
    pollSeconds: PollSeconds,
    /** How many times faster than a real show the demo sells: for rehearsals and tests. */
    pace: z.number().min(1).max(100).optional()
  }),
  /** No marketplace: sales only come in through the API. */
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('aliexpress'),
    appKey: z.string().min(1).max(64),
    appSecret: z.string().min(1).max(256).optional(),
    trackingId: z.string().min(1).max(128),
    gatewayUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Where buyers ship to, for product prices and availability (`PL`, `DE`…). */
    shipToCountry: z.string().regex(/^[A-Z]{2}$/).optional(),
    pollSeconds: PollSeconds
  }),
  z.object({
    kind: z.literal('shopify'),
    shop: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$|^https?:\/\/[^\s]+$/, 'expected your-shop.myshopify.com')
      .refine(isSafeShopAddress, 'the shop address must be https (plain http only to this computer): the access token would travel in the clear'),
    accessToken: z.string().min(1).max(256).optional(),
    webhookSecret: z.string().min(1).max(256).optional(),
    pollSeconds: PollSeconds
  })
]);
export type MarketplaceSettingsInput = z.infer<typeof MarketplaceSettingsInput>;

/** The names of the fields that are secrets, per kind: stored apart, never answered. */
export const MARKETPLACE_SECRETS = { demo: [], none: [], aliexpress: ['appSecret'], shopify: ['accessToken', 'webhookSecret'] } as const;

export type MarketplaceStatus = 'off' | 'syncing' | 'ok' | 'backing_off' | 'failed';

/** `GET /api/v1/marketplace`: settings without secrets (only whether each is set) and the link's health. */
export interface MarketplaceView {
  kind: MarketplaceSettingsInput['kind'];
  settings: Record<string, string | number>;
  secrets: Record<string, 'set' | 'not set'>;
  status: MarketplaceStatus;
  lastError: string | null;
  /** `lastError` as a code for the desk (`marketplace.auth`, `{ detail }`: the marketplace's own words). */
  lastErrorReason: Reason | null;
  lastSyncAt: number | null;
  /** When the next poll is due after a failure or a rate limit (epoch ms). */
  retryAt: number | null;
}

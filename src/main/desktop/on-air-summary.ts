import type { ObsConnectionView } from '../../shared/obs';
import type { ShowState } from '../show/state';

/** What the tray, the quit guard and the update gate need to know about the show right now. */
export interface OnAirSummary {
  /** The on-air product's title in the show's first language, or null when nothing is on air. */
  product: string | null;
  /** When it went on air (epoch ms). */
  since: number | null;
  obs: { name: string; live: boolean; recording: boolean; connected: boolean }[];
}

export function summarizeOnAir(state: ShowState, obs: readonly ObsConnectionView[]): OnAirSummary {
  const onAir = state.onAir;
  const product = onAir ? (Object.hasOwn(state.products, onAir.productId) ? state.products[onAir.productId] : undefined) : undefined;
  const lang = state.locales[0]?.locale.split('-')[0] ?? 'en';
  const title = product ? (product.title[lang] ?? Object.values(product.title)[0] ?? product.id) : (onAir?.productId ?? null);
  return {
    product: title,
    since: onAir?.since ?? null,
    obs: obs.map((o) => ({
      name: o.name,
      live: o.outputs.stream.state === 'on' || o.outputs.stream.state === 'starting',
      recording: o.outputs.record.state === 'on' || o.outputs.record.state === 'starting',
      connected: o.status === 'identified' || o.status === 'degraded'
    }))
  };
}

/** Something the audience would notice if the studio went away: a product on air or an OBS live. */
export function isShowRunning(s: OnAirSummary): boolean {
  return s.product !== null || s.obs.some((o) => o.live);
}

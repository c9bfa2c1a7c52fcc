import type { RequestBatchRequest } from 'obs-websocket-js';
import { formatPrice, pickText, type ShowLocale } from '../../shared/locale';
import type { OverlayText } from '../../shared/overlay-text';
import type { ShowView } from '../../shared/view';

/** The scene the studio owns in each OBS; the user adds it to their own scenes as a source. */
export const STUDIO_SCENE = 'Shopcast Studio';

/** The studio's sources; their prefix keeps them apart from the user's own. */
export const STUDIO_SOURCE = {
  overlay: 'Shopcast · Overlay',
  card: 'Shopcast · Card',
  image: 'Shopcast · Image',
  title: 'Shopcast · Title',
  price: 'Shopcast · Price',
  stock: 'Shopcast · Stock'
} as const;

export const isStudioSource = (name: string): boolean => name.startsWith('Shopcast · ');

/** Who watches this OBS: the language its overlays speak and the currency of its prices. */
export interface Audience {
  locale: string;
  currency: string;
  /** Where missing translations fall back to: the show's first language, then English. */
  fallbacks: string[];
}

export function audienceFor(locale: string, showLocales: ShowLocale[]): Audience {
  const lang = locale.split('-')[0];
  const match = showLocales.find((l) => l.locale === locale) ?? showLocales.find((l) => l.locale.split('-')[0] === lang) ?? showLocales[0];
  const fallbacks = [...new Set([showLocales[0]?.locale, 'en'].filter((l): l is string => !!l && l !== locale))];
  return { locale, currency: match?.currency ?? 'EUR', fallbacks };
}

/** What the product card shows on this OBS's canvas right now. */
export interface CanvasContent {
  visible: boolean;
  itemId: string | null;
  productId: string | null;
  title: string;
  price: string;
  stockLine: string;
  image: string | null;
  scene: string | null;
}

export function canvasContent(view: ShowView, audience: Audience, text: OverlayText): CanvasContent {
  const item = view.onAir ? view.rundown.find((i) => i.id === view.onAir!.itemId) : undefined;
  const product = item?.product;
  if (!view.onAir || !item || !product) {
    return { visible: false, itemId: null, productId: null, title: '', price: '', stockLine: '', image: null, scene: null };
  }
  const amount = product.price[audience.currency];
  const was = product.compareAt[audience.currency];
  const price =
    amount === undefined
      ? ''
      : formatPrice(amount, audience.currency, audience.locale) +
        (was !== undefined && was > amount ? `  ${text.t(audience.locale, 'was', { price: formatPrice(was, audience.currency, audience.locale) })}` : '');
  return {
    visible: true,
    itemId: item.id,
    productId: product.id,
    title: pickText(product.title, audience.locale, audience.fallbacks).text,
    price,
    stockLine: text.stockLine(audience.locale, product.stock),
    image: product.image,
    scene: item.scene
  };
}

export interface CanvasTarget {
  mode: 'native' | 'browser';
  /** Scene items of the studio scene, shown and hidden together with the product. */
  sceneItemIds: number[];
  /** The OBS's scenes, so an item naming a scene that is not there does not fail the batch. */
  scenes: string[];
  /** Local file of the product image, when there is one. */
  imageFile: string | null;
}

/**
 * One batch that brings this OBS's canvas from `previous` (what it last acknowledged; null after a
 * reconnect) to `content`. Only what changed is sent: every request costs OBS a re-render.
 */
export function canvasRequests(content: CanvasContent, target: CanvasTarget, previous: AppliedCanvas | null = null): RequestBatchRequest[] {
  const requests: RequestBatchRequest[] = [];
  if (target.mode === 'native' && content.visible) {
    const text = (inputName: string, value: string, before: string | undefined) => {
      if (value !== before) requests.push({ requestType: 'SetInputSettings', requestData: { inputName, inputSettings: { text: value }, overlay: true } });
    };
    const shown = previous?.content.visible ? previous : null;
    text(STUDIO_SOURCE.title, content.title, shown?.content.title);
    text(STUDIO_SOURCE.price, content.price, shown?.content.price);
    text(STUDIO_SOURCE.stock, content.stockLine, shown?.content.stockLine);
    if (!shown || shown.imageFile !== target.imageFile) {
      requests.push({ requestType: 'SetInputSettings', requestData: { inputName: STUDIO_SOURCE.image, inputSettings: { file: target.imageFile ?? '' }, overlay: true } });
    }
  }
  if (target.mode === 'native' && content.visible !== previous?.content.visible) {
    for (const sceneItemId of target.sceneItemIds) {
      requests.push({ requestType: 'SetSceneItemEnabled', requestData: { sceneName: STUDIO_SCENE, sceneItemId, sceneItemEnabled: content.visible } });
    }
  }
  if (content.scene && content.scene !== previous?.content.scene && target.scenes.includes(content.scene)) {
    requests.push({ requestType: 'SetCurrentProgramScene', requestData: { sceneName: content.scene } });
  }
  return requests;
}

/** What an OBS last acknowledged. */
export interface AppliedCanvas {
  content: CanvasContent;
  imageFile: string | null;
}

import type { RequestBatchRequest } from 'obs-websocket-js';
import { onAirCard, type Audience } from '../../shared/on-air-card';
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

export { audienceFor, type Audience } from '../../shared/on-air-card';

/** What the native product card shows on this OBS's canvas right now. */
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
  const card = onAirCard(view, audience, text);
  const was = card.was ? `  ${text.t(audience.locale, 'was', { price: card.was })}` : '';
  return {
    visible: card.visible,
    itemId: card.itemId,
    productId: card.productId,
    title: card.title,
    price: card.price ? card.price + was : '',
    stockLine: card.stockLine,
    image: card.image,
    scene: card.scene
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

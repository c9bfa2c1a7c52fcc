import type { Theme } from '../../shared/theme';
import { nativeCard, TOP_LEFT, type NativeKinds, type SourceSpec } from './native-card';
import { GRAPHIC_SOURCE_NAMES } from './native-graphics';
import { reason, type Reason } from '../../shared/reason';

/** The scene the studio owns in each OBS; the user adds it to their own scenes as a source. */
export const STUDIO_SCENE = 'Shopcast Studio';

/** The studio's sources; their prefix keeps them apart from the user's own. */
export const STUDIO_SOURCE = {
  overlay: 'Shopcast · Overlay',
  card: 'Shopcast · Card',
  image: 'Shopcast · Image',
  badge: 'Shopcast · Badge',
  title: 'Shopcast · Title',
  pitch: 'Shopcast · Pitch',
  price: 'Shopcast · Price',
  was: 'Shopcast · Was',
  lowest: 'Shopcast · Lowest 30 days',
  stock: 'Shopcast · Stock',
  nextCard: 'Shopcast · Next card',
  nextLabel: 'Shopcast · Next label',
  next: 'Shopcast · Next',
  dealCard: 'Shopcast · Deal card',
  dealLabel: 'Shopcast · Deal label',
  deal: 'Shopcast · Deal',
  dealClock: 'Shopcast · Deal clock',
  tickerBar: 'Shopcast · Ticker bar',
  ticker: 'Shopcast · Ticker',
  logo: 'Shopcast · Logo'
} as const;

export const isStudioSource = (name: string): boolean => name.startsWith('Shopcast · ');

/** Something about this OBS that setup cannot fix by itself; the message says what to do. */
/** Setup cannot go on; `reason` says why as a code the desk words. */
export class SetupError extends Error {
  constructor(
    message: string,
    readonly reason: Reason
  ) {
    super(message);
  }
}

/** What the studio's sources depend on in one OBS. */
export interface StudioEnv {
  inputKinds: string[];
  width: number;
  height: number;
  theme: Theme;
  overlayUrl: string;
}

const TEXT_KINDS = ['text_ft2_source_v2', 'text_gdiplus_v3', 'text_gdiplus_v2'];

export const studioMode = (inputKinds: string[]): 'browser' | 'native' => (inputKinds.includes('browser_source') ? 'browser' : 'native');

/**
 * The sources the studio needs in this OBS: one browser source showing the overlay page where OBS
 * has it, else the same layout drawn with OBS's own text, colour and image sources. `filled` says
 * which text sources have something to show now (the card closes up around the others).
 */
export function studioSources(env: StudioEnv, filled?: (name: string) => boolean): SourceSpec[] {
  if (studioMode(env.inputKinds) === 'browser') return [browserSpec(env.overlayUrl, env.width, env.height)];
  return nativeCard(nativeKinds(env.inputKinds), env.width, env.height, env.theme, filled);
}

/** The names setup makes in this OBS, bottom to top. */
export function studioSourceNames(inputKinds: string[]): string[] {
  if (studioMode(inputKinds) === 'browser') return [STUDIO_SOURCE.overlay];
  return [...Object.values(STUDIO_SOURCE).filter((n) => n !== STUDIO_SOURCE.overlay), ...GRAPHIC_SOURCE_NAMES];
}

export function nativeKinds(inputKinds: string[]): NativeKinds {
  const text = TEXT_KINDS.find((k) => inputKinds.includes(k));
  if (!text || !inputKinds.includes('image_source')) {
    throw new SetupError('this OBS has neither the browser source nor text and image sources; install the official OBS build', reason('obs.setup.noSources'));
  }
  return {
    text,
    color: inputKinds.find((k) => k.startsWith('color_source')) ?? 'color_source_v3',
    // Every OBS build ships the scroll filter; OBS 29 cannot list filter kinds, so assume it.
    scroll: true
  };
}

function browserSpec(url: string, width: number, height: number): SourceSpec {
  return {
    name: STUDIO_SOURCE.overlay,
    kind: 'browser_source',
    // The page animates itself; OBS must keep it running while hidden so it is ready when shown.
    settings: { url, width, height, fps: 30, shutdown: false, restart_when_active: false, reroute_audio: false, css: '' },
    transform: { positionX: 0, positionY: 0, alignment: TOP_LEFT, boundsType: 'OBS_BOUNDS_NONE', scaleX: 1, scaleY: 1, rotation: 0 }
  };
}

/**
 * Said on the OBS card of an OBS elsewhere. Its media source could open the image's web address, but
 * OBS 29 then stalls for about 8 s on every other change of address (measured): not while on air.
 */
export const REMOTE_IMAGE_NOTE =
  'This OBS is on another computer: its own sources open pictures only from its own disk, so the product image is not shown here. OBS with the browser source (the official builds) shows it through the overlay page.';

/**
 * Whether an obs-websocket address is another machine, by its address alone: `localhost`,
 * `127.0.0.1` and `::1` are this one; anything else (a LAN address, a host name, even another
 * 127.x address, which tests use to stand in for a second machine) cannot open the studio's files.
 */
export function isRemoteObs(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return true;
  }
  return !(host === 'localhost' || host === '127.0.0.1' || host === '::1');
}

import { OVERLAY_NAMES, type OverlayName } from '@shared/overlays';
import { audienceFor, onAirCard, type OnAirCard } from '@shared/on-air-card';
import { OverlayText, type Dictionary } from '@shared/overlay-text';
import type { Theme } from '@shared/theme';
import type { ShowView } from '@shared/view';
import { createLiveMirror } from '../live/mirror';
import { connectMirror } from '../live/connect';
import { productCard } from './product-card';
import { comingUpCard } from './coming-up';
import { countdownCard } from './countdown';
import { tickerBar } from './ticker';
import { graphicsStack } from './graphics';
import { el } from './dom';
import type { Frame, Widget } from './widget';
import './overlay.css';

// The reviewed dictionaries, bundled: an overlay in OBS must not wait for another request.
const modules = import.meta.glob<Dictionary>('../../../resources/locales/*.json', { eager: true, import: 'default' });
const dictionaries = Object.fromEntries(Object.entries(modules).map(([path, dict]) => [path.replace(/^.*\/(\w+)\.json$/, '$1'), dict]));

const params = new URLSearchParams(location.search);
const requested = location.pathname.split('/').pop() as OverlayName;
const name: OverlayName = OVERLAY_NAMES.includes(requested) ? requested : 'layout';
const locale = params.get('locale') || 'en-GB';
const token = params.get('token') ?? '';
const body = document.body;
body.dataset.overlay = name;
body.dataset.format = params.get('format') === 'vertical' ? 'vertical' : 'landscape';
document.documentElement.lang = locale;
// In the control room's preview, match its colour scheme so Chromium keeps the frame transparent;
// in OBS the page is top-level and stays transparent as it is.
if (window.top !== window) document.documentElement.style.colorScheme = 'dark';

const build: Record<OverlayName, () => Widget[]> = {
  product: () => [productCard()],
  next: () => [comingUpCard()],
  ticker: () => [tickerBar()],
  countdown: () => [countdownCard()],
  graphics: () => [graphicsStack()],
  layout: () => [countdownCard(), comingUpCard(), productCard(), graphicsStack(), tickerBar()]
};
const widgets = build[name]();
const stage = document.getElementById('overlay')!;
const logo = el('img', 'logo');
logo.alt = '';
logo.hidden = true;
stage.append(logo, ...widgets.map((w) => w.root));

const text = new OverlayText(dictionaries);
const mirror = createLiveMirror();
let appliedTheme: Theme | null = null;

/** The show each widget last drew: a widget is updated only when a part it reads was replaced. */
const drawnFrom = new Map<Widget, ShowView>();

function render(): void {
  const view = mirror.getState().show;
  if (!view) return;
  if (view.theme !== appliedTheme) applyTheme((appliedTheme = view.theme));
  const audience = audienceFor(locale, view.locales, view.baseLanguage);
  let card: OnAirCard | undefined;
  const frame: Frame = {
    view,
    audience,
    get card() {
      return (card ??= onAirCard(view, audience, text));
    },
    text,
    serverNow: () => Date.now() + mirror.getState().clockOffset
  };
  for (const widget of widgets) {
    const before = drawnFrom.get(widget);
    if (before && widget.reads.every((part) => before[part] === view[part])) continue;
    drawnFrom.set(widget, view);
    widget.update(frame);
  }
}

function applyTheme(theme: Theme): void {
  const style = document.documentElement.style;
  style.setProperty('--primary', theme.primary);
  style.setProperty('--accent', theme.accent);
  style.setProperty('--text', theme.text);
  style.setProperty('--card', theme.card);
  style.setProperty('--font', theme.font);
  style.setProperty('--safe', `${theme.safeMargin}`);
  logo.hidden = !theme.logo || name !== 'layout';
  if (theme.logo) logo.src = theme.logo;
}

const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/live?token=${encodeURIComponent(token)}`;
// Heartbeats only move the clock; the page is redrawn when the show changed, in the same task the
// message arrived in (the mirror is a synchronous store), so nothing waits for a frame.
mirror.subscribe((live, before) => {
  if (live.show !== before.show) render();
  if (live.link !== before.link) body.dataset.link = live.link;
});
connectMirror(mirror, wsUrl);

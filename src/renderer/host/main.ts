import type { ShowView } from '../../shared/view';
import { pickAudienceText, formatPrice } from '../../shared/locale-text';
import { dueAdvance, formatDuration, showTiming, slotState, ADVANCE_WARNING_SECONDS } from '../../shared/timing';
import { LiveConnection } from '../live/live-connection';
import { applyLiveMessage, type MirroredShow } from '../live/mirror';
import { el, setText } from '../overlay/dom';
import { hostWords } from './host-words';
import { messageList } from './message-list';
import './host.css';

/**
 * The host's monitor (`/host?token=`): the product on air in the host's language, its talking
 * points, prices in every market, the slot's time as a bar, what comes next, the deal, sales and the
 * moderators' messages. Big type for reading from three metres; nothing to scroll.
 */
const params = new URLSearchParams(location.search);
const token = params.get('token') ?? '';
const body = document.body;
const root = document.getElementById('host')!;

const part = (tag: 'div' | 'section' | 'h1' | 'h2' | 'p' | 'ul', cls: string, testId?: string) => el(tag, cls, testId);
const slot = part('section', 'slot', 'host-slot');
const slotLabel = part('p', 'label');
const slotClock = part('p', 'clock', 'host-clock');
const slotBar = part('div', 'bar');
const slotFill = part('div', 'fill', 'host-bar');
const slotNote = part('p', 'slot-note', 'host-advance');
slotBar.append(slotFill);
slot.append(slotLabel, slotClock, slotBar, slotNote);

const product = part('section', 'product', 'host-product');
const onAirLabel = part('p', 'label');
const title = part('h1', 'title', 'host-title');
const prices = part('ul', 'prices', 'host-prices');
const stock = part('p', 'stock', 'host-stock');
product.append(onAirLabel, title, prices, stock);

const notes = part('section', 'notes', 'host-notes');
const notesLabel = part('p', 'label');
const notesText = part('p', 'notes-text', 'host-notes-text');
notes.append(notesLabel, notesText);

const side = part('section', 'side');
const next = part('div', 'next', 'host-next');
const nextLabel = part('p', 'label');
const nextTitle = part('h2', 'next-title', 'host-next-title');
next.append(nextLabel, nextTitle);
const deal = part('div', 'deal', 'host-deal');
const dealLabel = part('p', 'label');
const dealClock = part('p', 'deal-clock', 'host-deal-clock');
deal.append(dealLabel, dealClock);
const sales = part('div', 'sales', 'host-sales');
const salesLabel = part('p', 'label');
const salesFigure = part('p', 'sales-figure', 'host-sales-figure');
const salesPace = part('p', 'sales-pace');
sales.append(salesLabel, salesFigure, salesPace);
const plan = part('p', 'plan', 'host-plan');
side.append(next, deal, sales, plan);

const messages = messageList((id) => acknowledge(id));
const offline = part('p', 'offline', 'host-offline');
root.append(slot, product, notes, side, messages.root, offline);

let mirror: MirroredShow = { show: null, clockOffset: 0 };
const serverNow = () => Date.now() + mirror.clockOffset;

function render(): void {
  const view = mirror.show;
  if (!view) return;
  const locale = view.hostLocale ?? view.locales[0]?.locale ?? 'en-GB';
  const base = view.baseLanguage ?? locale.split('-')[0];
  const words = hostWords(locale);
  document.documentElement.lang = locale;
  const now = serverNow();
  const item = view.onAir ? view.rundown.find((i) => i.id === view.onAir!.itemId) : undefined;
  const p = item?.product ?? null;
  const text = (t: Record<string, string> | undefined) => (t ? pickAudienceText(t, locale, base).text : '');

  setText(onAirLabel, words.onAir);
  setText(title, p ? text(p.title) || p.id : words.nothingOnAir);
  prices.replaceChildren(
    ...(p
      ? view.locales.flatMap((l) => {
          const amount = p.price[l.currency];
          if (amount === undefined) return [];
          const li = el('li', 'price');
          li.textContent = `${l.locale} ${formatPrice(amount, l.currency, l.locale)}`;
          return [li];
        })
      : [])
  );
  setText(stock, !p ? '' : p.stock === null ? words.stockUntracked : p.stock === 0 ? words.soldOut : words.stock(p.stock));
  stock.classList.toggle('sold-out', p?.stock === 0);

  setText(notesLabel, words.notes);
  const notesNow = p ? text(p.hostNotes) || words.noNotes : '';
  if (notesText.textContent !== notesNow) {
    setText(notesText, notesNow);
    fitInside(notesText, notes);
  }

  renderSlot(view, now, words);

  const index = item ? view.rundown.indexOf(item) : view.rundown.findIndex((i) => i.id === view.lastOnAirItemId);
  const following = view.rundown[index + 1];
  setText(nextLabel, words.next);
  setText(nextTitle, following?.product ? text(following.product.title) || following.productId : view.onAir ? words.lastItem : '');

  deal.hidden = !view.deal;
  if (view.deal) {
    setText(dealLabel, `${words.deal} · ${text(view.deal.product?.title) || view.deal.productId}`);
    setText(dealClock, formatDuration(Math.max(0, Math.ceil((view.deal.endsAt - now) / 1000))));
  }

  setText(salesLabel, words.sales);
  const currency = view.locales.find((l) => l.locale === locale)?.currency ?? view.locales[0]?.currency;
  const revenue = currency ? view.sales.revenue[currency] ?? 0 : 0;
  setText(salesFigure, `${words.orders(view.sales.orders)} · ${currency ? formatPrice(revenue, currency, locale) : ''}`);
  const lastMinute = view.sales.perMinute.filter((m) => m.minute >= now - 60_000).reduce((sum, m) => sum + m.units, 0);
  setText(salesPace, words.lastMinute(lastMinute));

  messages.update(view.hostMessages ?? [], words.messages, words.ok, locale);
}

function renderSlot(view: ShowView, now: number, words: ReturnType<typeof hostWords>): void {
  const timed = {
    rundown: view.rundown.map((i) => ({ id: i.id, plannedSeconds: i.plannedSeconds ?? null, autoAdvance: i.autoAdvance ?? null, airedMs: (i.airedSeconds ?? 0) * 1000 })),
    onAir: view.onAir,
    lastOnAirItemId: view.lastOnAirItemId,
    plan: view.plan ?? { startsAt: null, autoAdvance: false }
  };
  const timing = showTiming(timed, now);
  const remaining = timing.itemRemainingSeconds;
  const state = slotState(remaining);
  body.dataset.slot = state;
  const planned = view.onAir ? view.rundown.find((i) => i.id === view.onAir!.itemId)?.plannedSeconds ?? null : null;
  slot.hidden = !view.onAir;
  if (remaining !== null && planned) {
    setText(slotLabel, remaining >= 0 ? words.left : words.over);
    setText(slotClock, formatDuration(Math.abs(remaining)));
    slotFill.style.width = `${Math.max(0, Math.min(100, (remaining / planned) * 100)).toFixed(1)}%`;
  } else {
    setText(slotLabel, words.onAir);
    setText(slotClock, timing.onAirSeconds === null ? '' : formatDuration(timing.onAirSeconds));
    slotFill.style.width = '0%';
  }
  const current = timed.rundown.find((i) => i.id === view.onAir?.itemId);
  const due = dueAdvance(timed);
  const held = current && current.autoAdvance === false;
  const warning = due && remaining !== null && remaining <= ADVANCE_WARNING_SECONDS ? words.advancing(Math.max(0, remaining)) : '';
  setText(slotNote, held ? words.held : warning);
  slotNote.classList.toggle('warning', Boolean(warning));
  const over = timing.overUnderSeconds;
  const planText =
    over === null ? '' : `${over === 0 ? words.onPlan : `${formatDuration(Math.abs(over))} ${over > 0 ? words.behind : words.ahead}`}` + (timing.expectedEndAt ? ` · ${words.endsAt} ${new Date(timing.expectedEndAt).toLocaleTimeString(view.hostLocale ?? undefined, { hour: '2-digit', minute: '2-digit' })}` : '');
  setText(plan, planText);
  plan.classList.toggle('behind', (over ?? 0) > 0);
}

/** Long talking points shrink until they fit their panel: the host never scrolls. */
function fitInside(node: HTMLElement, box: HTMLElement): void {
  node.style.fontSize = '';
  const base = parseFloat(getComputedStyle(node).fontSize);
  for (let scale = 0.9; box.scrollHeight > box.clientHeight + 1 && scale >= 0.4; scale -= 0.1) node.style.fontSize = `${(base * scale).toFixed(1)}px`;
}

async function acknowledge(id: string): Promise<void> {
  await fetch(`/api/v1/host/messages/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}`, 'x-shopcast-client': 'host-monitor' } });
}

const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/live?token=${encodeURIComponent(token)}`;
new LiveConnection(
  wsUrl,
  (message, receivedAt) => {
    const before = mirror.show;
    mirror = applyLiveMessage(mirror, message, receivedAt);
    if (mirror.show !== before) render();
  },
  (status) => {
    body.dataset.link = status;
    setText(offline, status === 'offline' ? hostWords(mirror.show?.hostLocale ?? 'en').offline : '');
  }
).start();
// The slot clock and the deal count down between changes.
setInterval(render, 250);

import { create } from 'zustand';
import type { ShowView } from '@shared/view';
import type { StudioClient } from '../api/client';
import type { OperatorView, Whoami } from '@shared/access';
import { liveMirror } from './live';
import { deskLanguage, t } from '../i18n/desk-text';

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  text: string;
}

interface StudioStore {
  client: StudioClient | null;
  /** Who this screen is to the studio (`GET /api/v1/me`): its name and role decide what it offers. */
  me: Whoami | null;
  /** The show locale the operator reads titles and prices in. */
  locale: string | null;
  selectedItemId: string | null;
  notices: Notice[];
  /** The mirrored show changed: keep the chosen audience and this screen's name and role in step with it. */
  showChanged(show: ShowView | null): void;
  setClient(client: StudioClient, me: Whoami): void;
  setMe(me: Whoami): void;
  /** The credential was refused: nothing of the show stays on screen. */
  reset(): void;
  setLocale(locale: string): void;
  select(itemId: string | null): void;
  notify(text: string, tone?: Notice['tone']): void;
  dismiss(id: number): void;
}

let noticeId = 0;

/** The catalogue's audience, remembered per device like the desk's language. */
const CATALOGUE_LOCALE_KEY = 'shopcast.catalogueLocale';
function storedCatalogueLocale(): string | null {
  try {
    return localStorage.getItem(CATALOGUE_LOCALE_KEY);
  } catch {
    return null;
  }
}

/** The control room's own state: who this screen is, its session, and what is chosen on it. The show is in `liveMirror`. */
export const useStudio = create<StudioStore>((set, get) => ({
  client: null,
  me: null,
  locale: null,
  selectedItemId: null,
  notices: [],
  showChanged(show) {
    const locales = show?.locales ?? [];
    const locale = get().locale;
    // The audience this device last picked; until it picks one, the audience of the desk's own language.
    const stored = storedCatalogueLocale();
    const own = locales.find((l) => l.locale === stored) ?? locales.find((l) => l.locale.split('-')[0] === deskLanguage());
    set({ me: meAsOperators(get().me, show?.operators), locale: locale && locales.some((l) => l.locale === locale) ? locale : (own?.locale ?? locales[0]?.locale ?? null) });
  },
  setClient: (client, me) => set({ client, me }),
  setMe: (me) => set({ me }),
  reset: () => {
    liveMirror.getState().forget();
    set({ client: null, me: null, selectedItemId: null });
  },
  setLocale: (locale) => {
    try {
      localStorage.setItem(CATALOGUE_LOCALE_KEY, locale);
    } catch {
      // Not remembered in a browser that refuses storage; chosen all the same.
    }
    set({ locale });
  },
  select: (selectedItemId) => set({ selectedItemId }),
  notify(text, tone = 'error') {
    const id = ++noticeId;
    set({ notices: [...get().notices.slice(-3), { id, tone, text }] });
    window.setTimeout(() => get().dismiss(id), tone === 'error' ? 8000 : 4000);
  },
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) })
}));


liveMirror.subscribe((live, before) => {
  if (live.show !== before.show) useStudio.getState().showChanged(live.show);
});

/** The producer renamed this device or changed its role: the live feed's operator list says so at once. */
function meAsOperators(me: Whoami | null, operators: OperatorView[] | undefined): Whoami | null {
  const mine = me && operators?.find((o) => o.id === me.id);
  return mine && (mine.name !== me.name || mine.role !== me.role) ? { id: me.id, name: mine.name, role: mine.role } : me;
}

/** Runs a studio call and turns a refusal into a notice the operator can read. */
export async function act<T>(what: (client: StudioClient) => Promise<T>): Promise<T | undefined> {
  const { client } = useStudio.getState();
  if (!client) return undefined;
  try {
    return await what(client);
  } catch (err) {
    refused(client, err);
    return undefined;
  }
}

/**
 * Refusals the operator meets in a show, said in the desk's language; any other keeps the studio's
 * own words, which name exactly what it refused.
 */
// A role refusal keeps the studio's words: they name the command the role may not run.
const WORDED_REFUSALS: Record<string, string> = {
  stale_revision: 'notice.stale',
  not_found: 'notice.notFound',
  on_air: 'notice.onAir',
  sold_out: 'notice.soldOut',
  start_of_rundown: 'notice.startOfRundown',
  end_of_rundown: 'notice.endOfRundown',
  empty_rundown: 'notice.emptyRundown',
  too_many_graphics: 'notice.tooManyGraphics',
  journal_unwritable: 'notice.journalUnwritable',
  closing: 'notice.closing',
  show_unreadable: 'notice.showUnreadable'
};

function refused(client: StudioClient, err: unknown): void {
  const e = err as { code?: string; message: string };
  const key = e.code && Object.hasOwn(WORDED_REFUSALS, e.code) ? WORDED_REFUSALS[e.code] : null;
  useStudio.getState().notify(key ? t(key) : e.message);
  // Refused for this role: the role may have changed under this screen; offer only what it now may do.
  if (e.code === 'forbidden') void client.get<Whoami>('/api/v1/me').then(useStudio.getState().setMe, () => undefined);
}

/** One empty list for every selector: a fresh `[]` per call would re-render forever. */
export const NONE: never[] = [];

import { useEffect, useMemo, useRef, useState } from 'react';
import { activityLine, isOperatorEntry, type ActivityEntry, type Names } from '../lib/activity';
import { productLabel } from '../lib/format';
import { NONE, useStudio } from '../store/studio-store';
import { useLive } from '../store/live';
import { t as deskT, useDeskText } from '../i18n/desk-text';

const SHOWN = 50;
/** At most one refresh a second, however fast the show changes (a flash deal's orders). */
const THROTTLE_MS = 1000;

/** The audit trail: who did what, when, newest first, refreshed as the show changes. */
export function ActivityPanel() {
  const { t, lang } = useDeskText();
  const client = useStudio((s) => s.client);
  const revision = useLive((s) => s.show?.revision ?? 0);
  const [entries, setEntries] = useState<ActivityEntry[]>([]);
  const names = useNames(entries);
  const lastFetch = useRef(0);
  const pending = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (!client || pending.current !== undefined) return;
    // Throttled, not debounced: a steady stream of orders must not postpone the refresh for ever.
    pending.current = window.setTimeout(() => {
      pending.current = undefined;
      lastFetch.current = Date.now();
      // The marketplace's orders are left out on the server: they would crowd out the operators' lines.
      client.get<{ entries: ActivityEntry[] }>(`/api/v1/journal?limit=${SHOWN}&exclude=sales.record`).then(
        (r) => setEntries(r.entries),
        () => undefined // the journal is a courtesy: a failed refresh keeps the last list
      );
    }, Math.max(0, lastFetch.current + THROTTLE_MS - Date.now()));
  }, [client, revision]);
  useEffect(() => () => window.clearTimeout(pending.current), []);

  const lines = useMemo(
    () =>
      entries
        .filter(isOperatorEntry)
        .slice(-SHOWN)
        .reverse()
        .map((e) => ({ key: e.rev, text: activityLine(e, names) })),
    // The lines are words of the desk's language: a new language, new lines.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [entries, names, lang]
  );

  return (
    <section className="panel activity" aria-label={t('activity.title')}>
      <div className="panel-head">
        <h2>{t('activity.title')}</h2>
        <span className="muted">{t('activity.subtitle')}</span>
      </div>
      {lines.length === 0 ? (
        <p className="empty">{t('activity.none')}</p>
      ) : (
        <ol className="activity-list" data-testid="activity">
          {lines.map((l) => (
            <li key={l.key} data-testid="activity-line">
              {l.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Titles in the operator's language for the products the lines mention. */
function useNames(entries: ActivityEntry[]): Names {
  const rundown = useLive((s) => s.show?.rundown ?? NONE);
  const deal = useLive((s) => s.show?.deal ?? null);
  const locales = useLive((s) => s.show?.locales ?? NONE);
  const locale = useStudio((s) => s.locale);
  return useMemo(() => {
    const showLocale = locales.find((l) => l.locale === locale);
    const titles = new Map<string, string>();
    const itemProduct = new Map<string, string>();
    for (const item of rundown) {
      itemProduct.set(item.id, item.productId);
      if (item.product) titles.set(item.productId, productLabel(item.product, showLocale, locales).title);
    }
    if (deal?.product) titles.set(deal.productId, productLabel(deal.product, showLocale, locales).title);
    for (const entry of entries) {
      for (const event of entry.events) {
        if (event.type === 'rundown.itemAdded') itemProduct.set(event.item.id, event.item.productId);
        if (event.type === 'onAir.pinned') itemProduct.set(event.itemId, event.productId);
      }
    }
    const product = (id: string) => titles.get(id) ?? id;
    return { product, item: (id) => (itemProduct.has(id) ? product(itemProduct.get(id)!) : deskT('activity.anItem')) };
  }, [rundown, deal, locales, locale, entries]);
}

import { useEffect, useState } from 'react';
import type { MarketplaceSettingsInput, MarketplaceView } from '@shared/marketplace';
import { ApiFailure } from '../api/client';
import { formatClock } from '../lib/format';
import { act, useStudio } from '../store/studio-store';
import { useLive } from '../store/live';
import { useTicker } from './sales/use-ticker';
import { operatorLocale, t as deskT, useDeskText } from '../i18n/desk-text';
import type { TFunction } from 'i18next';
import { reasonParts } from '../i18n/reason-text';

type Kind = MarketplaceSettingsInput['kind'];

interface Field {
  name: string;
  /** The dictionary key of its label. */
  label: string;
  /** Write-only: a password input that shows only whether it is set, left out of the PUT when untouched. */
  secret?: boolean;
  optional?: boolean;
  number?: boolean;
  /** A literal example (an address, a country code) or, for words, a dictionary key in `placeholderKey`. */
  placeholder?: string;
  placeholderKey?: string;
}

const POLL = { name: 'pollSeconds', label: 'marketplace.field.pollSeconds', optional: true, number: true, placeholderKey: 'marketplace.default' };

/** The fields of each connector, as `PUT /api/v1/marketplace` takes them (src/shared/marketplace.ts). */
const FIELDS: Record<Kind, Field[]> = {
  demo: [{ name: 'seed', label: 'marketplace.field.seed', optional: true, number: true, placeholderKey: 'marketplace.random' }, POLL],
  none: [],
  aliexpress: [
    { name: 'appKey', label: 'marketplace.field.appKey' },
    { name: 'appSecret', label: 'marketplace.field.appSecret', secret: true },
    { name: 'trackingId', label: 'marketplace.field.trackingId' },
    { name: 'shipToCountry', label: 'marketplace.field.shipToCountry', optional: true, placeholder: 'PL' },
    { name: 'gatewayUrl', label: 'marketplace.field.gatewayUrl', optional: true, placeholder: 'https://api-sg.aliexpress.com/sync' },
    POLL
  ],
  shopify: [
    { name: 'shop', label: 'marketplace.field.shop', placeholder: 'your-shop.myshopify.com' },
    { name: 'accessToken', label: 'marketplace.field.accessToken', secret: true },
    { name: 'webhookSecret', label: 'marketplace.field.webhookSecret', secret: true, optional: true },
    POLL
  ]
};

const KINDS: Kind[] = ['demo', 'none', 'aliexpress', 'shopify'];
const kindName = (kind: Kind, t: TFunction) => t(`marketplace.kind.${kind}`);

/** Which marketplace the show sells on, and how the link to it is doing, in plain words. */
export function MarketplacePanel() {
  const { t } = useDeskText();
  const client = useStudio((s) => s.client);
  const [view, setView] = useState<MarketplaceView | null>(null);
  const [editing, setEditing] = useState(false);
  const [hidden, setHidden] = useState(false);

  useEffect(() => {
    if (!client) return;
    let live = true;
    const load = () =>
      client.get<MarketplaceView>('/api/v1/marketplace').then(
        (next) => live && setView(next),
        (err: unknown) => {
          // A role that may not see settings (a moderator's tablet) simply has no marketplace panel.
          if (live && err instanceof ApiFailure && (err.status === 401 || err.status === 403)) setHidden(true);
        }
      );
    void load();
    // The link's health is not on the live feed (settings are the producer's): asked for every few seconds.
    const timer = window.setInterval(() => void load(), 3000);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [client]);

  if (hidden) return null;
  return (
    <section className="panel marketplace-panel" aria-label={t('marketplace.title')}>
      <div className="panel-head">
        <h2>{t('marketplace.title')}</h2>
        <button data-testid="marketplace-edit" onClick={() => setEditing((e) => !e)}>
          {editing ? t('common.close') : t('marketplace.settings')}
        </button>
      </div>
      {view && <MarketplaceStatusLine view={view} />}
      {editing && view && (
        <MarketplaceForm
          view={view}
          onSaved={(next) => {
            setView(next);
            setEditing(false);
          }}
        />
      )}
    </section>
  );
}

function MarketplaceStatusLine({ view }: { view: MarketplaceView }) {
  const { t, locale } = useDeskText();
  const offset = useLive((s) => s.clockOffset);
  const seconds = useTicker(1000, () => (view.retryAt ? Math.max(0, Math.ceil((view.retryAt - Date.now() - offset) / 1000)) : null));
  return (
    <div className={`marketplace-status status-${view.status}`} data-testid="marketplace-status" data-status={view.status} data-kind={view.kind}>
      <span className="dot" aria-hidden />
      <strong>{kindName(view.kind, t)}</strong>
      <span data-testid="marketplace-status-text">{statusText(view, seconds, locale, t)}</span>
    </div>
  );
}

/** "AliExpress is rate-limiting the app — retrying in 40 s": what is wrong and what happens next. */
export function statusText(view: MarketplaceView, retryInSeconds: number | null, locale = operatorLocale(), t: TFunction = deskT): string {
  switch (view.status) {
    case 'off':
      return view.kind === 'none' ? t('marketplace.status.apiOnly') : t('marketplace.status.off');
    case 'syncing':
      return t('marketplace.status.syncing');
    case 'ok':
      // "In sync" only when the last poll was taken whole: a skipped or clashing order says so instead.
      if (view.lastError) return lastErrorText(view, t);
      return view.lastSyncAt ? t('marketplace.status.okAt', { time: formatClock(view.lastSyncAt, locale) }) : t('marketplace.status.ok');
    case 'backing_off': {
      // Worded from the studio's code; the marketplace's own words (they name its API) ride along as they came.
      const why = view.lastError ? lastErrorText(view, t) : t('marketplace.status.notAnswering');
      return retryInSeconds ? t('marketplace.status.retryIn', { why, seconds: retryInSeconds }) : t('marketplace.status.retryNow', { why });
    }
    case 'failed':
      return t('marketplace.status.failed', { why: view.lastError ? lastErrorText(view, t) : t('marketplace.status.refused') });
  }
}

/** The link's last problem in the desk's language (the studio's English for a code this desk does not know). */
function lastErrorText(view: MarketplaceView, t: TFunction): string {
  return reasonParts(t, view.lastErrorReason, view.lastError ?? '')
    .map((part) => part.text)
    .join('');
}

function MarketplaceForm({ view, onSaved }: { view: MarketplaceView; onSaved: (view: MarketplaceView) => void }) {
  const { t } = useDeskText();
  const [kind, setKind] = useState<Kind>(view.kind);
  const [values, setValues] = useState<Record<string, string>>(() => (kind === view.kind ? stringify(view.settings) : {}));
  const fields = FIELDS[kind];
  const chooseKind = (next: Kind) => {
    setKind(next);
    setValues(next === view.kind ? stringify(view.settings) : {});
  };
  const submit = async () => {
    const body: Record<string, string | number> = { kind };
    for (const f of fields) {
      const raw = (values[f.name] ?? '').trim();
      // An untouched secret is left out: the studio keeps the one it has.
      if (raw === '') continue;
      body[f.name] = f.number ? Number(raw) : raw;
    }
    const saved = await act((c) => c.put<MarketplaceView>('/api/v1/marketplace', body));
    if (saved) onSaved(saved);
  };
  return (
    <form
      className="marketplace-form"
      data-testid="marketplace-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="wide">
        {t('marketplace.connector')}
        <select data-testid="marketplace-kind" value={kind} onChange={(e) => chooseKind(e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {kindName(k, t)}
            </option>
          ))}
        </select>
      </label>
      {fields.map((f) => {
        const isSet = kind === view.kind && view.secrets[f.name] === 'set';
        return (
          <label key={f.name} className={f.name === 'gatewayUrl' ? 'wide' : ''}>
            <span>
              {t(f.label)}
              {f.secret && <span className={`chip secret-state${isSet ? ' set' : ''}`}>{isSet ? t('marketplace.secretSet') : t('marketplace.secretNotSet')}</span>}
            </span>
            <input
              name={f.name}
              data-testid={`marketplace-field-${f.name}`}
              type={f.secret ? 'password' : 'text'}
              inputMode={f.number ? 'numeric' : undefined}
              autoComplete={f.secret ? 'new-password' : 'off'}
              placeholder={f.secret ? (isSet ? t('marketplace.secretReplace') : t('marketplace.secretNotSet')) : f.placeholderKey ? t(f.placeholderKey) : f.placeholder}
              required={!f.optional && !(f.secret && isSet)}
              value={values[f.name] ?? ''}
              onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
            />
          </label>
        );
      })}
      <div className="wide form-actions">
        <button className="primary" type="submit" data-testid="marketplace-save">
          {t('marketplace.use', { name: kindName(kind, t) })}
        </button>
      </div>
    </form>
  );
}

function stringify(settings: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)]));
}

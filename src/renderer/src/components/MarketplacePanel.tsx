import { useEffect, useState } from 'react';
import type { MarketplaceSettingsInput, MarketplaceView } from '../../../shared/marketplace';
import { ApiFailure } from '../api/client';
import { formatClock } from '../lib/format';
import { act, useStudio } from '../store/studio-store';
import { useTicker } from './sales/use-ticker';

type Kind = MarketplaceSettingsInput['kind'];

interface Field {
  name: string;
  label: string;
  /** Write-only: a password input that shows only whether it is set, left out of the PUT when untouched. */
  secret?: boolean;
  optional?: boolean;
  number?: boolean;
  placeholder?: string;
}

const POLL = { name: 'pollSeconds', label: 'Poll every (seconds)', optional: true, number: true, placeholder: 'default' };

/** The fields of each connector, as `PUT /api/v1/marketplace` takes them (src/shared/marketplace.ts). */
const FIELDS: Record<Kind, Field[]> = {
  demo: [{ name: 'seed', label: 'Seed (same seed, same orders)', optional: true, number: true, placeholder: 'random' }, POLL],
  none: [],
  aliexpress: [
    { name: 'appKey', label: 'App key' },
    { name: 'appSecret', label: 'App secret', secret: true },
    { name: 'trackingId', label: 'Tracking id' },
    { name: 'shipToCountry', label: 'Ship to country', optional: true, placeholder: 'PL' },
    { name: 'gatewayUrl', label: 'Gateway URL', optional: true, placeholder: 'https://api-sg.aliexpress.com/sync' },
    POLL
  ],
  shopify: [
    { name: 'shop', label: 'Shop', placeholder: 'your-shop.myshopify.com' },
    { name: 'accessToken', label: 'Admin API access token', secret: true },
    { name: 'webhookSecret', label: 'Webhook secret', secret: true, optional: true },
    POLL
  ]
};

const KIND_NAME: Record<Kind, string> = { demo: 'Demo marketplace', none: 'No marketplace', aliexpress: 'AliExpress', shopify: 'Shopify' };

/** Which marketplace the show sells on, and how the link to it is doing, in plain words. */
export function MarketplacePanel() {
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
    <section className="panel marketplace-panel" aria-label="Marketplace">
      <div className="panel-head">
        <h2>Marketplace</h2>
        <button data-testid="marketplace-edit" onClick={() => setEditing((e) => !e)}>
          {editing ? 'Close' : 'Settings…'}
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
  const locale = useStudio((s) => s.locale) ?? undefined;
  const offset = useStudio((s) => s.clockOffset);
  const seconds = useTicker(1000, () => (view.retryAt ? Math.max(0, Math.ceil((view.retryAt - Date.now() - offset) / 1000)) : null));
  return (
    <div className={`marketplace-status status-${view.status}`} data-testid="marketplace-status" data-status={view.status} data-kind={view.kind}>
      <span className="dot" aria-hidden />
      <strong>{KIND_NAME[view.kind]}</strong>
      <span data-testid="marketplace-status-text">{statusText(view, seconds, locale)}</span>
    </div>
  );
}

/** "AliExpress is rate-limiting the app — retrying in 40 s": what is wrong and what happens next. */
export function statusText(view: MarketplaceView, retryInSeconds: number | null, locale?: string): string {
  switch (view.status) {
    case 'off':
      return view.kind === 'none' ? 'sales come in through the API only' : 'not connected';
    case 'syncing':
      return 'connecting…';
    case 'ok':
      // "In sync" only when the last poll was taken whole: a skipped or clashing order says so instead.
      if (view.lastError) return view.lastError;
      return view.lastSyncAt ? `in sync · last checked ${formatClock(view.lastSyncAt, locale ?? 'en-GB')}` : 'in sync';
    case 'backing_off':
      return `${view.lastError ?? 'not answering'} — retrying ${retryInSeconds ? `in ${retryInSeconds} s` : 'now'}`;
    case 'failed':
      return `${view.lastError ?? 'refused'} — stopped until the settings are changed`;
  }
}

function MarketplaceForm({ view, onSaved }: { view: MarketplaceView; onSaved: (view: MarketplaceView) => void }) {
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
        Connector
        <select data-testid="marketplace-kind" value={kind} onChange={(e) => chooseKind(e.target.value as Kind)}>
          {(Object.keys(KIND_NAME) as Kind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_NAME[k]}
            </option>
          ))}
        </select>
      </label>
      {fields.map((f) => {
        const isSet = kind === view.kind && view.secrets[f.name] === 'set';
        return (
          <label key={f.name} className={f.name === 'gatewayUrl' ? 'wide' : ''}>
            <span>
              {f.label}
              {f.secret && <span className={`chip secret-state${isSet ? ' set' : ''}`}>{isSet ? 'set' : 'not set'}</span>}
            </span>
            <input
              name={f.name}
              data-testid={`marketplace-field-${f.name}`}
              type={f.secret ? 'password' : 'text'}
              inputMode={f.number ? 'numeric' : undefined}
              autoComplete={f.secret ? 'new-password' : 'off'}
              placeholder={f.secret ? (isSet ? 'set — type to replace' : 'not set') : f.placeholder}
              required={!f.optional && !(f.secret && isSet)}
              value={values[f.name] ?? ''}
              onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
            />
          </label>
        );
      })}
      <div className="wide form-actions">
        <button className="primary" type="submit" data-testid="marketplace-save">
          Use {KIND_NAME[kind]}
        </button>
      </div>
    </form>
  );
}

function stringify(settings: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)]));
}

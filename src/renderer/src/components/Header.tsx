import { useState } from 'react';
import { NONE, useStudio } from '../store/studio-store';
import { ImportDialog } from './ImportDialog';
import { useIsProducer } from '../lib/roles';

const LINK_TEXT = { live: 'Live', connecting: 'Reconnecting…', offline: 'Offline' } as const;

export function Header() {
  const title = useStudio((s) => s.show?.title);
  const revision = useStudio((s) => s.show?.revision);
  const link = useStudio((s) => s.link);
  const locales = useStudio((s) => s.show?.locales ?? NONE);
  const me = useStudio((s) => s.me);
  const producer = useIsProducer();
  const [importing, setImporting] = useState(false);
  return (
    <header className="header">
      <div className="brand">
        <span className="logo" aria-hidden>◉</span> Shopcast Studio
      </div>
      <h1 className="show-title">{title ?? ''}</h1>
      <div className="audiences" title="The show's audiences">
        {locales.map((l) => (
          <span key={l.locale} className="chip">
            {l.locale} · {l.currency}
          </span>
        ))}
      </div>
      <div className="header-actions">
        {producer && (
          <button data-testid="import-open" onClick={() => setImporting(true)}>
            Import…
          </button>
        )}
        {me && me.id !== 'owner' && (
          <span className="chip me" data-testid="me" title="This device, as the producer paired it">
            {me.name} · {me.role}
          </span>
        )}
        <span className="revision" title="Show revision">
          rev {revision ?? '–'}
        </span>
        <span className={`link link-${link}`} data-testid="connection-status" data-status={link} role="status">
          <span className="dot" aria-hidden /> {LINK_TEXT[link]}
        </span>
        {window.shopcastDesktop?.version && <span className="version">v{window.shopcastDesktop.version}</span>}
      </div>
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </header>
  );
}

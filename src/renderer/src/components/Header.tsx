import { useState } from 'react';
import { NONE, useStudio } from '../store/studio-store';
import { useLive } from '../store/live';
import { ImportDialog } from './ImportDialog';
import { ShowSettings } from './ShowSettings';
import { LanguagePicker } from './LanguagePicker';
import { BroadcastStatus } from './BroadcastStatus';
import { useIsProducer } from '../lib/roles';
import { useDeskText } from '../i18n/desk-text';
import { HotkeysButton } from './HotkeysPanel';

/** "Connected to the studio" is the link to this app's server; whether the show is on air is BroadcastStatus. */
const MAX_CHIPS = 4;
const LINK_KEY = { live: 'header.link.live', connecting: 'header.link.connecting', offline: 'header.link.offline' } as const;

export function Header() {
  const { t } = useDeskText();
  const title = useLive((s) => s.show?.title);
  const revision = useLive((s) => s.show?.revision);
  const link = useLive((s) => s.link);
  const locales = useLive((s) => s.show?.locales ?? NONE);
  const me = useStudio((s) => s.me);
  const producer = useIsProducer();
  const [importing, setImporting] = useState(false);
  const [settings, setSettings] = useState(false);
  return (
    // The show's revision means nothing to a streamer: not shown, kept as data for tools and tests.
    <header className="header" data-revision={revision ?? ''}>
      <div className="brand">
        <span className="logo" aria-hidden>
          ◉
        </span>{' '}
        {t('app.name')}
      </div>
      {/* The show's own title, as the producer wrote it: not desk text (data-verbatim). */}
      <h1 className="show-title" data-verbatim>
        {title ?? ''}
      </h1>
      <div className="audiences" title={t('header.audiences')}>
        {/* Many audiences do not push the header onto two lines: the first few, then "+4" naming the rest. */}
        {locales.slice(0, locales.length > MAX_CHIPS ? MAX_CHIPS - 1 : MAX_CHIPS).map((l) => (
          <span key={l.locale} className="chip">
            {l.locale} · {l.currency}
          </span>
        ))}
        {locales.length > MAX_CHIPS && (
          <span className="chip" title={locales.slice(MAX_CHIPS - 1).map((l) => `${l.locale} · ${l.currency}`).join('\n')}>
            +{locales.length - MAX_CHIPS + 1}
          </span>
        )}
      </div>
      <div className="header-actions">
        <BroadcastStatus />
        {producer && (
          <button data-testid="settings-open" onClick={() => setSettings(true)}>
            {t('header.settings')}
          </button>
        )}
        {producer && (
          <button data-testid="import-open" onClick={() => setImporting(true)}>
            {t('header.import')}
          </button>
        )}
        {me && me.id !== 'owner' && (
          <span className="chip me" data-testid="me" title={t('header.me')}>
            {me.name} · {t(`role.${me.role}`)}
          </span>
        )}
        {producer && <HotkeysButton />}
        <LanguagePicker />
        <span className={`link link-${link}`} data-testid="connection-status" data-status={link} role="status">
          <span className="dot" aria-hidden /> {t(LINK_KEY[link])}
        </span>
        {window.shopcastDesktop?.version && <span className="version">{t('header.version', { version: window.shopcastDesktop.version })}</span>}
      </div>
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
      {settings && <ShowSettings onClose={() => setSettings(false)} />}
    </header>
  );
}

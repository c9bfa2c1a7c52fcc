import { useState } from 'react';
import type { WakeLockState } from '../lib/use-wake-lock';
import { useIsProducer } from '../lib/roles';
import { NONE } from '../store/studio-store';
import { useLive } from '../store/live';
import { OnAirPanel } from './OnAirPanel';
import { RundownPanel } from './RundownPanel';
import { CataloguePanel } from './CataloguePanel';
import { ActivityPanel } from './ActivityPanel';
import { DevicesPanel } from './DevicesPanel';
import { PreviewPanel } from './PreviewPanel';
import { ReadinessPanel } from './ReadinessPanel';
import { ObsPanel } from './ObsPanel';
import { SalesPanel } from './SalesPanel';
import { MarketplacePanel } from './MarketplacePanel';
import { GraphicsPanel } from './GraphicsPanel';
import { useDeskText } from '../i18n/desk-text';

type Tab = 'rundown' | 'catalogue' | 'graphics' | 'sales' | 'activity' | 'studio';

/**
 * The control room for a finger: what is on air and the show controls always on top, the rundown as
 * large rows below, everything else one tab away.
 */
export function TabletRoom({ wakeLock }: { wakeLock: WakeLockState }) {
  const { t } = useDeskText();
  const producer = useIsProducer();
  const [tab, setTab] = useState<Tab>('rundown');
  const count = useLive((s) => s.show?.rundown ?? NONE).length;
  const tabs: { id: Tab; text: string }[] = [
    { id: 'rundown', text: t('tabs.rundown', { count }) },
    { id: 'catalogue', text: t('tabs.catalogue') },
    { id: 'graphics', text: t('graphics.title') },
    { id: 'sales', text: t('tabs.sales') },
    { id: 'activity', text: t('tabs.activity') },
    ...(producer ? [{ id: 'studio' as const, text: t('tabs.studio') }] : [])
  ];
  return (
    <main className="tablet-room">
      {(wakeLock === 'unsupported' || wakeLock === 'refused') && <WakeHint />}
      <OnAirPanel controls />
      <div className="tabs" role="tablist" aria-label={t('tabs.label')}>
        {tabs.map((t) => (
          <button key={t.id} role="tab" id={`tab-${t.id}`} aria-selected={tab === t.id} aria-controls={`panel-${t.id}`} data-testid={`tab-${t.id}`} onClick={() => setTab(t.id)}>
            {t.text}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'rundown' && <RundownPanel controls={false} touch />}
        {tab === 'catalogue' && <CataloguePanel touch />}
        {tab === 'graphics' && <GraphicsPanel />}
        {tab === 'sales' && <SalesPanel />}
        {tab === 'activity' && <ActivityPanel />}
        {tab === 'studio' && (
          <div className="studio-tab">
            <DevicesPanel />
            <MarketplacePanel />
            <PreviewPanel />
            <ReadinessPanel />
            <ObsPanel />
          </div>
        )}
      </div>
    </main>
  );
}

/** Browsers keep the screen on only for secure pages; over plain http on the studio network, the tablet must. */
function WakeHint() {
  const { t } = useDeskText();
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  return (
    <p className="wake-hint" data-testid="wake-hint">
      {t('tablet.wakeHint')}
      <button className="ghost" aria-label={t('tablet.hideHint')} onClick={() => setHidden(true)}>
        ×
      </button>
    </p>
  );
}

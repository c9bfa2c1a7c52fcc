import { useState } from 'react';
import { DndContext, DragOverlay, KeyboardSensor, MouseSensor, TouchSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useStudioSession } from '../api/use-studio-session';
import { act } from '../store/studio-store';
import { useLive, liveMirror } from '../store/live';
import { runOnWhatISaw } from '../lib/run-command';
import { useTabletLayout } from '../lib/use-tablet-layout';
import { useWakeLock } from '../lib/use-wake-lock';
import { useIsProducer } from '../lib/roles';
import { useShortcuts } from './use-shortcuts';
import { Header } from './Header';
import { CataloguePanel } from './CataloguePanel';
import { RundownPanel, RUNDOWN_DROP_ZONE } from './RundownPanel';
import { OnAirPanel } from './OnAirPanel';
import { ObsPanel } from './ObsPanel';
import { ClipsPanel } from './ClipsPanel';
import { SalesPanel } from './SalesPanel';
import { MarketplacePanel } from './MarketplacePanel';
import { PreviewPanel } from './PreviewPanel';
import { ReadinessPanel } from './ReadinessPanel';
import { GraphicsPanel } from './GraphicsPanel';
import { ActivityPanel } from './ActivityPanel';
import { DevicesPanel } from './DevicesPanel';
import { ShowsPanel } from './ShowsPanel';
import { OperatorsNotice } from './OperatorsNotice';
import { Notices } from './Notices';
import { ConnectionBanner } from './ConnectionBanner';
import { ShortcutHelp } from './ShortcutHelp';
import { PairScreen } from './PairScreen';
import { TabletRoom } from './TabletRoom';
import { useDeskText } from '../i18n/desk-text';

export function App() {
  const { stage, restart } = useStudioSession();
  const { t } = useDeskText();
  if (stage.kind === 'pair') return <PairScreen onPaired={restart} notice={stage.notice} />;
  if (stage.kind === 'refused') {
    return (
      <main className="gate" data-testid="refused">
        <h1>{t('app.name')}</h1>
        <p>{t('app.refused')}</p>
      </main>
    );
  }
  if (stage.kind === 'starting') return <main className="loading">{t('app.connecting')}</main>;
  return <ControlRoom />;
}

function ControlRoom() {
  const [dragLabel, setDragLabel] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const show = useLive((s) => s.show);
  const { t } = useDeskText();
  const tablet = useTabletLayout();
  // Held for the whole show, not only while the link is up: a dropped link is when the moderator
  // most needs to see the screen.
  const wakeLock = useWakeLock(show !== null);
  useShortcuts(() => setHelpOpen((open) => !open));

  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click on a row stays a click.
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // On touch a drag needs a press and hold: a swipe over the rundown stays a scroll.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    // Space lifts an item for keyboard reordering; Enter stays "pin the selected item".
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } })
  );

  const onDragStart = (event: DragStartEvent) => setDragLabel(String(event.active.data.current?.label ?? ''));
  const onDragEnd = (event: DragEndEvent) => {
    setDragLabel(null);
    const { active, over } = event;
    const rundown = liveMirror.getState().show?.rundown ?? [];
    if (!over) return;
    const overIndex = rundown.findIndex((i) => i.id === over.id);
    const productId = active.data.current?.productId as string | undefined;
    if (active.data.current?.kind === 'product' && productId) {
      const index = over.id === RUNDOWN_DROP_ZONE || overIndex < 0 ? rundown.length : overIndex;
      void act((c) => c.run('rundown.add', { productId, index }));
      return;
    }
    const from = rundown.findIndex((i) => i.id === active.id);
    if (from < 0 || overIndex < 0 || from === overIndex) return;
    void runOnWhatISaw('rundown.move', { itemId: String(active.id), index: overIndex });
  };

  return (
    <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragLabel(null)}>
      <div className={`app${tablet ? ' tablet' : ''}`} data-layout={tablet ? 'tablet' : 'desktop'} data-wake-lock={wakeLock}>
        <Header />
        <ConnectionBanner />
        <OperatorsNotice />
        {!show ? <main className="loading">{t('app.connecting')}</main> : tablet ? <TabletRoom wakeLock={wakeLock} /> : <DesktopRoom />}
        <Notices />
        {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
      </div>
      <DragOverlay dropAnimation={null}>{dragLabel ? <div className="drag-card">{dragLabel}</div> : null}</DragOverlay>
    </DndContext>
  );
}

function DesktopRoom() {
  const producer = useIsProducer();
  return (
    <main className="columns">
      <CataloguePanel />
      <RundownPanel />
      {/* What is on air, what the OBSes really do and what to fix before going live come first:
          at 1440×900 they are all in view without scrolling. */}
      <div className="column right">
        <OnAirPanel />
        {producer && <ObsPanel />}
        <ReadinessPanel />
        {/* Below the checks: what must be seen without scrolling at 1440×900 comes first. */}
        <GraphicsPanel />
        {producer && <PreviewPanel />}
        {producer && <DevicesPanel />}
      </div>
      <div className="column sales">
        {producer && <ShowsPanel />}
        {producer && <MarketplacePanel />}
        <SalesPanel />
        <ActivityPanel />
        {producer && <ClipsPanel />}
      </div>
    </main>
  );
}

import { useEffect, useState } from 'react';
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { findStudio, StudioClient } from '../api/client';
import { LiveConnection } from '../api/live-connection';
import { act, useStudio } from '../store/studio-store';
import { useShortcuts } from './use-shortcuts';
import { Header } from './Header';
import { CataloguePanel } from './CataloguePanel';
import { RundownPanel, RUNDOWN_DROP_ZONE } from './RundownPanel';
import { OnAirPanel } from './OnAirPanel';
import { ObsPanel } from './ObsPanel';
import { SalesPanel } from './SalesPanel';
import { MarketplacePanel } from './MarketplacePanel';
import { PreviewPanel } from './PreviewPanel';
import { ReadinessPanel } from './ReadinessPanel';
import { Notices } from './Notices';
import { ConnectionBanner } from './ConnectionBanner';
import { ShortcutHelp } from './ShortcutHelp';

export function App() {
  const [state, setState] = useState<'starting' | 'ready' | 'no-token'>('starting');
  const [dragLabel, setDragLabel] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const show = useStudio((s) => s.show);
  useShortcuts(() => setHelpOpen((open) => !open));

  useEffect(() => {
    let live: LiveConnection | null = null;
    void findStudio().then((address) => {
      if (!address) return setState('no-token');
      const client = new StudioClient(address);
      const { setClient, receive, setLink } = useStudio.getState();
      setClient(client);
      live = new LiveConnection(client.liveUrl, receive, setLink);
      live.start();
      setState('ready');
    });
    return () => live?.stop();
  }, []);

  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click on a row stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    // Space lifts an item for keyboard reordering; Enter stays "pin the selected item".
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } })
  );

  const onDragStart = (event: DragStartEvent) => setDragLabel(String(event.active.data.current?.label ?? ''));
  const onDragEnd = (event: DragEndEvent) => {
    setDragLabel(null);
    const { active, over } = event;
    const rundown = useStudio.getState().show?.rundown ?? [];
    if (!over) return;
    const overIndex = rundown.findIndex((i) => i.id === over.id);
    const productId = active.data.current?.productId as string | undefined;
    if (active.data.current?.kind === 'product' && productId) {
      const index = over.id === RUNDOWN_DROP_ZONE || overIndex < 0 ? rundown.length : overIndex;
      void act((c) => c.post('/api/v1/rundown/items', { productId, index }));
      return;
    }
    const from = rundown.findIndex((i) => i.id === active.id);
    if (from < 0 || overIndex < 0 || from === overIndex) return;
    const revision = useStudio.getState().show?.revision;
    void act((c) => c.post(`/api/v1/rundown/items/${encodeURIComponent(String(active.id))}/move`, { index: overIndex, expectedRevision: revision }));
  };

  if (state === 'no-token') {
    return (
      <main className="gate">
        <h1>Shopcast Studio</h1>
        <p>Open the <strong>Control URL</strong> the studio printed when it started (it ends in <code>?token=…</code>).</p>
      </main>
    );
  }

  return (
    <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragLabel(null)}>
      <div className="app">
        <Header />
        <ConnectionBanner />
        {show ? (
          <main className="columns">
            <CataloguePanel />
            <RundownPanel />
            <div className="column right">
              <OnAirPanel />
              <PreviewPanel />
              <ReadinessPanel />
              <ObsPanel />
            </div>
            <div className="column sales">
              <MarketplacePanel />
              <SalesPanel />
            </div>
          </main>
        ) : (
          <main className="loading">Connecting to the studio…</main>
        )}
        <Notices />
        {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
      </div>
      <DragOverlay dropAnimation={null}>{dragLabel ? <div className="drag-card">{dragLabel}</div> : null}</DragOverlay>
    </DndContext>
  );
}

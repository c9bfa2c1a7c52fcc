import { memo } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ShowLocale } from '../../../shared/locale';
import { stockLevel } from '../../../shared/stock';
import type { RundownEntryView } from '../../../shared/view';
import { productLabel } from '../lib/format';
import { act, NONE, useStudio } from '../store/studio-store';
import { ProductImage } from './ProductImage';
import { StockBadge } from './CataloguePanel';

export const RUNDOWN_DROP_ZONE = 'rundown-drop-zone';

/** The rundown: drag to reorder, drop catalogue products in, pin, remove. */
export function RundownPanel() {
  const rundown = useStudio((s) => s.show?.rundown ?? NONE);
  const onAirItemId = useStudio((s) => s.show?.onAir?.itemId ?? null);
  const locales = useStudio((s) => s.show?.locales ?? NONE);
  const locale = useStudio((s) => s.locale);
  const selectedItemId = useStudio((s) => s.selectedItemId);
  const showLocale = locales.find((l) => l.locale === locale);
  const { setNodeRef, isOver } = useDroppable({ id: RUNDOWN_DROP_ZONE });
  return (
    <section className="column rundown" aria-label="Rundown">
      <div className="panel-head">
        <h2>Rundown</h2>
        <span className="muted">{rundown.length} items</span>
      </div>
      <div className="controls">
        <button data-testid="previous" onClick={() => void act((c) => c.post('/api/v1/rundown/previous'))} title="Previous (↑ / PageUp / B)">
          ◀ Previous
        </button>
        <button data-testid="next" className="primary" onClick={() => void act((c) => c.post('/api/v1/rundown/next'))} title="Next (↓ / PageDown / N)">
          Next ▶
        </button>
        <button data-testid="unpin" className="secondary" onClick={() => void act((c) => c.post('/api/v1/rundown/unpin'))} title="Take off air (Esc)">
          Off air
        </button>
      </div>
      <div ref={setNodeRef} className={`scroll rundown-list${isOver ? ' drop-target' : ''}`} data-testid="rundown-drop-zone">
        <SortableContext items={rundown.map((i) => i.id)} strategy={verticalListSortingStrategy}>
          <ol>
            {rundown.map((item, index) => (
              <RundownItem
                key={item.id}
                item={item}
                index={index}
                onAir={item.id === onAirItemId}
                selected={item.id === selectedItemId}
                locale={showLocale}
                locales={locales}
              />
            ))}
          </ol>
        </SortableContext>
        {rundown.length === 0 && <p className="empty">Drag products here, or press Add in the catalogue.</p>}
      </div>
    </section>
  );
}

interface ItemProps {
  item: RundownEntryView;
  index: number;
  onAir: boolean;
  selected: boolean;
  locale: ShowLocale | undefined;
  locales: ShowLocale[];
}

const RundownItem = memo(function RundownItem({ item, index, onAir, selected, locale, locales }: ItemProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, data: { kind: 'item', label: '' } });
  const label = productLabel(item.product, locale, locales);
  const stock = stockLevel(item.product?.stock);
  const select = useStudio((s) => s.select);
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`row rundown-item${onAir ? ' on-air' : ''}${selected ? ' selected' : ''}${isDragging ? ' dragging' : ''}${item.soldOut ? ' sold-out-item' : ''}${stock === 'low' ? ' low-stock-item' : ''}`}
      data-testid="rundown-item"
      data-item-id={item.id}
      data-product-id={item.productId}
      data-on-air={String(onAir)}
      data-sold-out={String(item.soldOut)}
      data-stock={stock}
      aria-current={onAir ? 'true' : undefined}
      onClick={() => select(item.id)}
      {...attributes}
      {...listeners}
    >
      <span className="index">{index + 1}</span>
      <ProductImage src={item.product?.image ?? null} />
      <div className="row-main">
        <div className="row-title" title={label.title}>
          {onAir && <span className="badge live">ON AIR</span>} {label.title}
        </div>
        <div className="row-sub">
          {label.price && <span>{label.price}</span>}
          <StockBadge stock={item.product?.stock ?? null} />
          {item.scene && <span className="chip">scene: {item.scene}</span>}
        </div>
      </div>
      <div className="row-actions" onPointerDown={(e) => e.stopPropagation()}>
        <button data-testid="pin" className={onAir ? 'live' : ''} onClick={() => void act((c) => c.post('/api/v1/rundown/pin', { itemId: item.id }))} aria-label={`Pin ${label.title}`}>
          {onAir ? 'On air' : 'Pin'}
        </button>
        <button data-testid="remove" className="ghost" onClick={() => void act((c) => c.delete(`/api/v1/rundown/items/${encodeURIComponent(item.id)}`))} aria-label={`Remove ${label.title}`}>
          ✕
        </button>
      </div>
    </li>
  );
});

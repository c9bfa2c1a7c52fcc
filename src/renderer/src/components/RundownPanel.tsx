import { memo } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ShowLocale } from '../../../shared/locale';
import { stockLevel } from '../../../shared/stock';
import type { RundownEntryView } from '../../../shared/view';
import { productLabel } from '../lib/format';
import { act, actOnWhatISaw, NONE, useStudio } from '../store/studio-store';
import { useMay } from '../lib/roles';
import { ProductImage } from './ProductImage';
import { StockBadge } from './CataloguePanel';
import { NOT_A_DRAG_HANDLE, ShowControls } from './ShowControls';

export const RUNDOWN_DROP_ZONE = 'rundown-drop-zone';

/**
 * The rundown: drag to reorder (mouse, or a long press on touch), drop catalogue products in, pin,
 * mark sold out, remove. On a tablet the show controls sit under the on-air card instead.
 */
export function RundownPanel({ controls = true, touch = false }: { controls?: boolean; touch?: boolean }) {
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
      {controls && <ShowControls />}
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
                touch={touch}
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
  /** On a touch screen a stray tap must not take an item out of the show. */
  touch: boolean;
}

const RundownItem = memo(function RundownItem({ item, index, onAir, selected, locale, locales, touch }: ItemProps) {
  const mayMove = useMay('rundown.move');
  const mayPin = useMay('rundown.pin');
  const mayRemove = useMay('rundown.remove');
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, data: { kind: 'item', label: '' }, disabled: !mayMove });
  const label = productLabel(item.product, locale, locales);
  const stock = stockLevel(item.product?.stock);
  const select = useStudio((s) => s.select);
  const pin = () => void actOnWhatISaw('/api/v1/rundown/pin', { itemId: item.id });
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
      {(mayPin || mayRemove) && (
        <div className="row-actions" {...NOT_A_DRAG_HANDLE}>
          {mayPin && (
            <button data-testid="pin" className={onAir ? 'live' : ''} onClick={pin} aria-label={`Pin ${label.title}`}>
              {onAir ? 'On air' : 'Pin'}
            </button>
          )}
          {item.product && <SoldOutToggle productId={item.productId} stock={item.product.stock} title={label.title} />}
          {mayRemove && (
            <button
              data-testid="remove"
              className="ghost"
              onClick={() => (!touch || confirm(`Remove ${label.title} from the rundown?`)) && void act((c) => c.delete(`/api/v1/rundown/items/${encodeURIComponent(item.id)}`))}
              aria-label={`Remove ${label.title}`}
            >
              ✕
            </button>
          )}
        </div>
      )}
    </li>
  );
});

/** Stock before it was marked sold out, per product, so "Back in stock" can restore it. */
const stockBefore = new Map<string, number>();

/**
 * Sold out at a tap (stock 0, flagged on every overlay); tapped again, it is back in stock: with the
 * count it had when this screen marked it, else untracked (nobody is asked to type a number mid-show).
 */
function SoldOutToggle({ productId, stock, title }: { productId: string; stock: number | null; title: string }) {
  const may = useMay('product.setStock');
  if (!may) return null;
  const soldOut = stock === 0;
  const path = `/api/v1/products/${encodeURIComponent(productId)}/stock`;
  const toggle = () => {
    if (!soldOut) {
      if (stock !== null) stockBefore.set(productId, stock);
      void act((c) => c.post(path, { stock: 0 }));
      return;
    }
    void act((c) => c.post(path, { stock: stockBefore.get(productId) ?? null }));
  };
  return (
    <button data-testid="sold-out" className={soldOut ? 'sold-out-on' : 'secondary'} aria-pressed={soldOut} onClick={toggle} aria-label={soldOut ? `${title} is sold out: put it back in stock` : `Mark ${title} sold out`}>
      Sold out
    </button>
  );
}

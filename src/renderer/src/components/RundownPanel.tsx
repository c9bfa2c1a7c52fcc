import { memo, useCallback, useEffect, useRef } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ShowLocale } from '@shared/locale';
import { stockLevel } from '@shared/stock';
import type { RundownEntryView } from '@shared/view';
import { productLabel } from '../lib/format';
import { act, NONE, useStudio } from '../store/studio-store';
import { useLive } from '../store/live';
import { runOnWhatISaw } from '../lib/run-command';
import { useMay } from '../lib/roles';
import { ProductImage } from './ProductImage';
import { StockBadge } from './CataloguePanel';
import { NOT_A_DRAG_HANDLE, ShowControls } from './ShowControls';
import { useDeskText } from '../i18n/desk-text';
import { ShowClockBar } from './timing/ShowClockBar';
import { SlotLength } from './timing/SlotLength';
import { HostMessageBox } from './timing/HostMessageBox';
import { ShowPlanPanel } from './timing/ShowPlanPanel';
import { ItemAdvance } from './timing/ItemAdvance';

export const RUNDOWN_DROP_ZONE = 'rundown-drop-zone';

/**
 * The rundown: drag to reorder (mouse, or a long press on touch), drop catalogue products in, pin,
 * mark sold out, remove. On a tablet the show controls sit under the on-air card instead.
 */
export function RundownPanel({ controls = true, touch = false }: { controls?: boolean; touch?: boolean }) {
  const { t } = useDeskText();
  const rundown = useLive((s) => s.show?.rundown ?? NONE);
  const onAirItemId = useLive((s) => s.show?.onAir?.itemId ?? null);
  const locales = useLive((s) => s.show?.locales ?? NONE);
  const locale = useStudio((s) => s.locale);
  const selectedItemId = useStudio((s) => s.selectedItemId);
  const showLocale = locales.find((l) => l.locale === locale);
  const { setNodeRef, isOver } = useDroppable({ id: RUNDOWN_DROP_ZONE });
  return (
    <section className="column rundown" aria-label={t('rundown.title')}>
      <div className="panel-head">
        <h2>{t('rundown.title')}</h2>
        <span className="muted">{t('rundown.count', { count: rundown.length })}</span>
      </div>
      {controls && <ShowControls />}
      <ShowClockBar />
      <ShowPlanPanel />
      <HostMessageBox />
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
        {rundown.length === 0 && <p className="empty">{t(touch ? 'rundown.emptyTouch' : 'rundown.empty')}</p>}
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
  const { t } = useDeskText();
  const mayMove = useMay('rundown.move');
  const mayPin = useMay('rundown.pin');
  const mayRemove = useMay('rundown.remove');
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, data: { kind: 'item', label: '' }, disabled: !mayMove });
  const label = productLabel(item.product, locale, locales);
  const stock = stockLevel(item.product?.stock);
  const select = useStudio((s) => s.select);
  const pin = () => void runOnWhatISaw('rundown.pin', { itemId: item.id });
  const row = useRef<HTMLLIElement | null>(null);
  const ref = useCallback(
    (node: HTMLLIElement | null) => {
      row.current = node;
      setNodeRef(node);
    },
    [setNodeRef]
  );
  // The item on air stays in view: the next press of N, from anyone, scrolls the rundown with it.
  useEffect(() => {
    if (onAir) row.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [onAir]);
  return (
    <li
      ref={ref}
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
          {onAir && <span className="badge live">{t('onAir.badge')}</span>} {label.title}
        </div>
        <div className="row-sub">
          {label.price && <span>{label.price}</span>}
          <StockBadge stock={item.product?.stock ?? null} />
          <span {...NOT_A_DRAG_HANDLE}>
            <SlotLength itemId={item.id} plannedSeconds={item.plannedSeconds ?? null} airedSeconds={item.airedSeconds ?? 0} title={label.title} />
            {typeof item.plannedSeconds === 'number' && <ItemAdvance itemId={item.id} autoAdvance={item.autoAdvance ?? null} title={label.title} />}
          </span>
          {item.scene && <span className="chip">{t('rundown.scene', { scene: item.scene })}</span>}
          {/* On the stock line, beside the stock it changes; the row's buttons keep to pin and remove. */}
          {item.product && (
            <span className="sold-out-slot" {...NOT_A_DRAG_HANDLE}>
              <SoldOutToggle productId={item.productId} stock={item.product.stock} title={label.title} />
            </span>
          )}
        </div>
      </div>
      {(mayPin || mayRemove) && (
        <div className="row-actions" {...NOT_A_DRAG_HANDLE}>
          {mayPin && (
            <button data-testid="pin" className={onAir ? 'live' : ''} onClick={pin} aria-label={t('rundown.pinLabel', { title: label.title })}>
              {onAir ? t('rundown.onAir') : t('rundown.pin')}
            </button>
          )}
          {mayRemove && (
            <button
              data-testid="remove"
              className="ghost"
              onClick={() => (!touch || confirm(t('rundown.removeConfirm', { title: label.title }))) && void act((c) => c.run('rundown.remove', { itemId: item.id }))}
              aria-label={t('rundown.removeLabel', { title: label.title })}
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
  const { t } = useDeskText();
  const may = useMay('product.setStock');
  if (!may) return null;
  const soldOut = stock === 0;
  const toggle = () => {
    if (!soldOut) {
      if (stock !== null) stockBefore.set(productId, stock);
      void act((c) => c.run('product.setStock', { productId, stock: 0 }));
      return;
    }
    void act((c) => c.run('product.setStock', { productId, stock: stockBefore.get(productId) ?? null }));
  };
  return (
    // An action, worded as one ("Mark sold out", "Restock"): the red "Sold out" badge beside the
    // price is the status, this is the switch, and the two never read alike.
    <button
      data-testid="sold-out"
      className={`sold-out-toggle${soldOut ? ' on' : ''}`}
      aria-pressed={soldOut}
      onClick={toggle}
      aria-label={soldOut ? t('rundown.restockLabel', { title }) : t('rundown.markSoldOutLabel', { title })}
      title={soldOut ? t('rundown.restockLabel', { title }) : t('rundown.markSoldOutLabel', { title })}
    >
      {soldOut ? t('rundown.restock') : t('rundown.markSoldOut')}
    </button>
  );
}

import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDraggable } from '@dnd-kit/core';
import type { Product } from '@shared/product';
import type { ShowLocale } from '@shared/locale';
import { stockLevel } from '@shared/stock';
import type { ProductSearchResult } from '@shared/view';
import { productLabel } from '../lib/format';
import { act, NONE, useStudio } from '../store/studio-store';
import { useLive } from '../store/live';
import { ProductImage } from './ProductImage';
import { useMay } from '../lib/roles';
import { NOT_A_DRAG_HANDLE } from './ShowControls';
import { useDeskText } from '../i18n/desk-text';
import { formatCount } from '../lib/format';

const PAGE = 100;
const ROW_HEIGHT = 52;
/** Rows a finger can hit on a tablet. */
const TOUCH_ROW_HEIGHT = 68;

interface Results {
  key: string;
  total: number;
  rows: (Product | undefined)[];
}

/** The catalogue: searched by the studio, listed virtually, fetched page by page as it scrolls. */
export function CataloguePanel({ touch = false }: { touch?: boolean }) {
  const { t, locale: operatorLocale } = useDeskText();
  const rowHeight = touch ? TOUCH_ROW_HEIGHT : ROW_HEIGHT;
  const client = useStudio((s) => s.client);
  const locales = useLive((s) => s.show?.locales ?? NONE);
  const catalogueRevision = useLive((s) => s.show?.catalogue.revision ?? 0);
  const locale = useStudio((s) => s.locale);
  const setLocale = useStudio((s) => s.setLocale);
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [results, setResults] = useState<Results>({ key: '', total: 0, rows: [] });
  const loading = useRef(new Set<string>());
  const scrollRef = useRef<HTMLDivElement>(null);
  const showLocale = locales.find((l) => l.locale === locale);
  const key = `${debounced}\u0000${locale}\u0000${catalogueRevision}`;

  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(query.trim()), 120);
    return () => window.clearTimeout(timer);
  }, [query]);

  const searchPath = (offset: number) => `/api/v1/products?q=${encodeURIComponent(debounced)}&locale=${encodeURIComponent(locale ?? 'en')}&limit=${PAGE}&offset=${offset}`;

  useEffect(() => {
    if (!client) return;
    const abort = new AbortController();
    loading.current.clear();
    client.get<ProductSearchResult>(searchPath(0), abort.signal).then(
      (r) => setResults({ key, total: r.total, rows: Object.assign(new Array<Product | undefined>(r.total).fill(undefined), r.products) }),
      (err: Error) => err.name !== 'AbortError' && useStudio.getState().notify(err.message)
    );
    scrollRef.current?.scrollTo({ top: 0 });
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key covers query, locale and catalogue
  }, [client, key]);

  const virtualizer = useVirtualizer({ count: results.total, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 });
  const visible = virtualizer.getVirtualItems();

  // Fetch the pages the operator scrolled to, once each.
  useEffect(() => {
    if (!client || results.key !== key) return;
    const pages = new Set(visible.filter((v) => !results.rows[v.index]).map((v) => Math.floor(v.index / PAGE)));
    for (const page of pages) {
      const id = `${key}#${page}`;
      if (loading.current.has(id)) continue;
      loading.current.add(id);
      void client.get<ProductSearchResult>(searchPath(page * PAGE)).then((r) =>
        setResults((prev) => {
          if (prev.key !== key) return prev;
          const rows = prev.rows.slice();
          r.products.forEach((p, i) => (rows[page * PAGE + i] = p));
          return { ...prev, rows };
        })
      );
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- searchPath is derived from key
  }, [visible, results, key, client]);

  return (
    <section className="column catalogue" aria-label={t('catalogue.title')}>
      <div className="panel-head">
        <h2>{t('catalogue.title')}</h2>
        <span className="muted">{t('catalogue.count', { count: results.total, formatted: formatCount(results.total, operatorLocale) })}</span>
      </div>
      <div className="search-row">
        <input
          data-testid="catalogue-search"
          type="search"
          placeholder={touch ? t('catalogue.searchTouch') : t('catalogue.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label={t('catalogue.searchLabel')}
        />
        <select data-testid="locale-switch" value={locale ?? ''} onChange={(e) => setLocale(e.target.value)} aria-label={t('catalogue.language')}
          title={t('catalogue.language')}>
          {locales.map((l) => (
            <option key={l.locale} value={l.locale}>
              {l.locale} · {l.currency}
            </option>
          ))}
        </select>
      </div>
      <div className="scroll" ref={scrollRef}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {visible.map((v) => {
            const product = results.rows[v.index];
            return (
              <div key={v.key} className="virtual-row" style={{ transform: `translateY(${v.start}px)`, height: rowHeight }}>
                {product ? <CatalogueRow product={product} locale={showLocale} locales={locales} /> : <div className="row placeholder" />}
              </div>
            );
          })}
        </div>
        {results.total === 0 && results.key === key && <p className="empty">{t('catalogue.noMatch', { query: debounced })}</p>}
      </div>
    </section>
  );
}

const CatalogueRow = memo(function CatalogueRow({ product, locale, locales }: { product: Product; locale: ShowLocale | undefined; locales: ShowLocale[] }) {
  const { t } = useDeskText();
  const label = useMemo(() => productLabel(product, locale, locales), [product, locale, locales]);
  const mayAdd = useMay('rundown.add');
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: `product:${product.id}`,
    data: { kind: 'product', productId: product.id, label: label.title },
    disabled: !mayAdd
  });
  const soldOut = product.stock === 0;
  return (
    <div ref={setNodeRef} className={`row catalogue-row${isDragging ? ' dragging' : ''}`} data-testid="catalogue-row" data-product-id={product.id} {...listeners} {...attributes}>
      <ProductImage src={product.image} />
      <div className="row-main">
        <div className="row-title" title={label.title}>
          {label.title}
        </div>
        <div className="row-sub">
          <span className="mono" data-verbatim>
            {product.id}
          </span>
          {label.price && <span>{label.price}</span>}
          <StockBadge stock={product.stock} />
        </div>
      </div>
      {mayAdd && (
        <button
          data-testid="add-to-rundown"
          className={soldOut ? 'secondary' : ''}
          {...NOT_A_DRAG_HANDLE}
          onClick={() => void act((c) => c.run('rundown.add', { productId: product.id }))}
          aria-label={t('catalogue.addLabel', { title: label.title })}
        >
          {t('common.add')}
        </button>
      )}
    </div>
  );
});

export function StockBadge({ stock }: { stock: number | null }) {
  const { t } = useDeskText();
  switch (stockLevel(stock)) {
    case 'untracked':
      return null;
    case 'sold-out':
      return <span className="badge sold-out">{t('stock.soldOut')}</span>;
    case 'low':
      return <span className="badge low">{t('stock.left', { count: stock ?? 0 })}</span>;
    case 'ok':
      return <span className="muted">{t('stock.inStock', { count: stock ?? 0 })}</span>;
  }
}

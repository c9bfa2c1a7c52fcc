import { useEffect, useState } from 'react';
import { formatDuration } from '../lib/format';
import { act, useStudio } from '../store/studio-store';
import { useMay } from '../lib/roles';

/** A flash deal on the product on air: a discount for a few minutes, counted down on every overlay. */
export function DealControl() {
  const deal = useStudio((s) => s.show?.deal ?? null);
  const onAirProduct = useStudio((s) => {
    const onAir = s.show?.onAir;
    return onAir ? (s.show!.rundown.find((i) => i.id === onAir.itemId)?.product ?? null) : null;
  });
  const offset = useStudio((s) => s.clockOffset);
  const mayStart = useMay('deal.start');
  const mayEnd = useMay('deal.end');
  const [percent, setPercent] = useState(20);
  const [minutes, setMinutes] = useState(5);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!deal) return;
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [deal]);

  if (deal && deal.endsAt > now + offset) {
    return (
      <div className="deal running" data-testid="deal-running">
        <span className="badge live">FLASH DEAL</span> {deal.product?.title.en ?? deal.productId} · ends in{' '}
        <strong className="mono">{formatDuration(deal.endsAt - now - offset)}</strong>
        {mayEnd && <button onClick={() => void act((c) => c.delete('/api/v1/deal'))}>End deal</button>}
      </div>
    );
  }
  if (!onAirProduct || !mayStart) return null;
  const start = () => {
    // The deal price per currency: the regular price less the discount, kept to whole cents.
    const price = Object.fromEntries(Object.entries(onAirProduct.price).map(([cur, amount]) => [cur, Math.round(amount * (100 - percent)) / 100]));
    void act((c) => c.post('/api/v1/deal', { productId: onAirProduct.id, price, durationSeconds: minutes * 60 }));
  };
  // The EU rule: a discount on screen needs the lowest price of the last 30 days beside it.
  const noLowest = Object.keys(onAirProduct.price).filter((cur) => onAirProduct.lowest30d?.[cur] === undefined);
  return (
    <div className="deal">
      <label>
        −<input type="number" min={1} max={90} value={percent} onChange={(e) => setPercent(Number(e.target.value))} aria-label="Discount percent" />%
      </label>
      <label>
        for <input type="number" min={1} max={120} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} aria-label="Minutes" /> min
      </label>
      <button data-testid="deal-start" onClick={start}>
        Start flash deal
      </button>
      {noLowest.length > 0 && (
        <p className="deal-warning" data-testid="deal-warning">
          No lowest price of the last 30 days in {noLowest.join(', ')}: the EU rule asks for it beside a discount (catalogue column <code>lowest30d:CUR</code>).
        </p>
      )}
    </div>
  );
}

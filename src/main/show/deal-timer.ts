import type { Actor } from '../../shared/events';
import type { ShowCore } from './show-core';

const TIMER: Actor = { id: 'studio', client: 'deal-timer' };

/**
 * Ends a flash deal at its end time, through an ordinary command (so the journal says so), also
 * after a restart that happened while the deal ran.
 */
export function endDealsOnTime(core: ShowCore): () => void {
  let timer: NodeJS.Timeout | null = null;
  let scheduled: string | null = null;
  const schedule = () => {
    const deal = core.current.deal;
    if ((deal?.id ?? null) === scheduled) return;
    if (timer) clearTimeout(timer);
    timer = null;
    scheduled = deal?.id ?? null;
    if (!deal) return;
    timer = setTimeout(() => void core.execute({ type: 'deal.end', dealId: deal.id }, TIMER).catch(() => {}), Math.max(0, deal.endsAt - Date.now()));
    timer.unref();
  };
  const unsubscribe = core.subscribe(schedule);
  schedule();
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}

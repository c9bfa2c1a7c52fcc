import type { Actor } from '../../shared/events';
import type { ShowCore } from './show-core';
import { graphicsOf } from './graphics-rules';

const TIMER: Actor = { id: 'studio', client: 'graphics-timer' };

/**
 * Hides each graphic shown for a set time at its journaled `hidesAt`, through an ordinary command
 * (the journal says the studio hid it), also after a restart that happened while it was up.
 */
export function hideGraphicsOnTime(core: ShowCore): () => void {
  const timers = new Map<string, { hidesAt: number; timer: NodeJS.Timeout }>();
  const schedule = () => {
    const due = new Map(graphicsOf(core.current).flatMap((g) => (g.visible && g.hidesAt !== null ? [[g.id, g.hidesAt] as const] : [])));
    for (const [id, t] of timers) {
      if (due.get(id) === t.hidesAt) continue;
      clearTimeout(t.timer);
      timers.delete(id);
    }
    for (const [id, hidesAt] of due) {
      if (timers.has(id)) continue;
      const timer = setTimeout(() => {
        timers.delete(id);
        void core.execute({ type: 'graphics.hide', graphicId: id, hidesAt }, TIMER).catch(() => {});
      }, Math.max(0, hidesAt - Date.now()));
      timer.unref();
      timers.set(id, { hidesAt, timer });
    }
  };
  const unsubscribe = core.subscribe(schedule);
  schedule();
  return () => {
    unsubscribe();
    for (const t of timers.values()) clearTimeout(t.timer);
    timers.clear();
  };
}

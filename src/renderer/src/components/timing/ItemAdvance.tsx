import { useLive } from '../../store/live';
import { act } from '../../store/studio-store';
import { useMay } from '../../lib/roles';
import { useDeskText } from '../../i18n/desk-text';

/**
 * What happens when this item's slot is up: it moves on or stays on air. It follows the show's
 * "advance by itself" until clicked; a click makes this product the exception (the long demo that
 * stays, the short teaser that moves on in a show run by hand), another click follows the show again.
 */
export function ItemAdvance({ itemId, autoAdvance, title }: { itemId: string; autoAdvance: boolean | null; title: string }) {
  const { t } = useDeskText();
  const may = useMay('rundown.plan');
  const showAdvances = useLive((s) => s.show?.plan?.autoAdvance ?? false);
  const movesOn = autoAdvance ?? showAdvances;
  const state = t(movesOn ? 'plan.itemMovesOn' : 'plan.itemStays');
  const label = autoAdvance === null ? t('plan.itemFollows', { title, state }) : t('plan.itemOwn', { title, state });
  return (
    <button
      type="button"
      className={`chip item-advance${autoAdvance === null ? '' : ' own'}`}
      data-testid="item-advance"
      data-moves-on={String(movesOn)}
      aria-pressed={autoAdvance !== null}
      aria-label={label}
      title={label}
      disabled={!may}
      onClick={() => void act((c) => c.patch(`/api/v1/rundown/items/${encodeURIComponent(itemId)}`, { autoAdvance: autoAdvance === null ? !showAdvances : null }))}
    >
      {state}
    </button>
  );
}

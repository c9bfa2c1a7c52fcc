import { afterEach, describe, expect, it } from 'vitest';
import { setDeskLanguage } from '../../../src/renderer/src/i18n/desk-text';
import { describe as describeEntry, type ActivityEntry, type Names } from '../../../src/renderer/src/lib/activity';

const names: Names = { product: (id) => id, item: (id) => id };
const producer = { id: 'owner', client: 'control-room', name: 'Ola', role: 'producer' };
const spread = (count: number): ActivityEntry => ({
  rev: 1,
  at: 0,
  actor: producer,
  command: 'rundown.spread',
  events: Array.from({ length: count }, (_, n) => ({ type: 'rundown.itemPlanned' as const, itemId: `item-${n}`, plannedSeconds: 600 }))
});

describe('the activity trail of a spread plan', () => {
  afterEach(() => setDeskLanguage('en', 'en-GB'));

  it('says in one line how many products the total was spread over, in the desk’s plural forms', () => {
    expect(describeEntry(spread(9), names)).toBe('Ola (producer) spread the planned total over 9 products');
    setDeskLanguage('pl', 'pl-PL');
    expect([1, 3, 5].map((n) => describeEntry(spread(n), names))).toEqual([
      'Ola (producent): rozłożono plan na 1 produkt',
      'Ola (producent): rozłożono plan na 3 produkty',
      'Ola (producent): rozłożono plan na 5 produktów'
    ]);
  });
});

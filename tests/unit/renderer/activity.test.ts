import { afterEach, describe, expect, it } from 'vitest';
import { setDeskLanguage } from '../../../src/renderer/src/i18n/desk-text';
import { activityLine, actorLabel, isOperatorEntry, type ActivityEntry, type Names } from '../../../src/renderer/src/lib/activity';

const titles: Record<string, string> = { 'lav-01': 'Lavender trousers', 'kni-02': 'Chunky knit jumper' };
const names: Names = { product: (id) => titles[id] ?? id, item: (id) => (id === 'item-1' ? 'Lavender trousers' : 'an item') };
const ana = { id: 'dev-1', client: 'control-room', name: 'Ana', role: 'moderator' };
// 14:02:11 in the test machine's own time zone, as the control room shows it.
const at = new Date(2026, 10, 28, 14, 2, 11).getTime();

const entry = (command: string, events: ActivityEntry['events'], actor: ActivityEntry['actor'] = ana): ActivityEntry => ({ rev: 1, at, actor, command, events });

describe('the activity trail', () => {
  afterEach(() => setDeskLanguage('en', 'en-GB'));

  it('says who did what and when, naming the product in the operator language', () => {
    expect(activityLine(entry('rundown.pin', [{ type: 'onAir.pinned', itemId: 'item-1', productId: 'lav-01', since: at }]), names)).toBe(
      '14:02:11 · Ana (moderator) pinned Lavender trousers'
    );
    expect(activityLine(entry('product.setStock', [{ type: 'catalogue.upserted', products: [{ id: 'kni-02', stock: 0 }] }]), names)).toBe(
      '14:02:11 · Ana (moderator) marked Chunky knit jumper sold out'
    );
    expect(activityLine(entry('rundown.remove', [{ type: 'rundown.itemRemoved', itemId: 'item-1' }]), names)).toBe('14:02:11 · Ana (moderator) removed Lavender trousers from the rundown');
    expect(activityLine(entry('rundown.move', [{ type: 'rundown.itemMoved', itemId: 'item-1', index: 2 }]), names)).toBe('14:02:11 · Ana (moderator) moved Lavender trousers to position 3');
  });

  it('speaks the operator language: the actor and the verb where Polish and German put them, the role translated', () => {
    const pin = entry('rundown.pin', [{ type: 'onAir.pinned', itemId: 'item-1', productId: 'lav-01', since: at }]);
    setDeskLanguage('pl', 'pl-PL');
    expect(activityLine(pin, names)).toBe('14:02:11 · Ana (moderator): na antenie Lavender trousers');
    expect(activityLine(entry('catalogue.import', [{ type: 'catalogue.upserted', products: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'e' }] }]), names)).toBe(
      '14:02:11 · Ana (moderator): zaimportowano 5 produktów'
    );
    setDeskLanguage('de', 'de-DE');
    expect(activityLine(pin, names)).toBe('14:02:11 · Ana (Moderator) hat Lavender trousers auf Sendung genommen');
    expect(actorLabel({ id: 'studio', client: 'deal-timer' })).toBe('Studio (Angebots-Timer)');
  });

  it('names the owner, the studio itself and entries from before roles without inventing a person', () => {
    expect(actorLabel({ id: 'owner', client: 'control-room', name: 'Studio', role: 'producer' })).toBe('Studio (producer)');
    expect(actorLabel({ id: 'owner', client: 'streamdeck' })).toBe('Studio (producer)');
    expect(actorLabel({ id: 'studio', client: 'deal-timer' })).toBe('Studio (deal timer)');
  });

  it('leaves out the orders the marketplace counted: the trail is about the people at work', () => {
    expect(isOperatorEntry(entry('sales.record', [], { id: 'studio', client: 'marketplace' }))).toBe(false);
    expect(isOperatorEntry(entry('rundown.next', []))).toBe(true);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { setDeskLanguage } from '../../../src/renderer/src/i18n/desk-text';
import { describe as describeEntry, type ActivityEntry, type Names } from '../../../src/renderer/src/lib/activity';

const names: Names = { product: (id) => (id === 'kni-02' ? 'Chunky knit jumper' : id), item: (id) => (id === 'item-1' ? 'Lavender trousers' : 'an item') };
const ana = { id: 'dev-1', client: 'control-room', name: 'Ana', role: 'moderator' };
const timer = { id: 'studio', client: 'rundown-timer' };
const entry = (command: string, events: ActivityEntry['events'], actor: ActivityEntry['actor'] = ana): ActivityEntry => ({ rev: 1, at: 0, actor, command, events });

describe('the activity trail of the show clock', () => {
  afterEach(() => setDeskLanguage('en', 'en-GB'));

  it('names the rundown timer, holds, extensions and messages to the host in words', () => {
    expect(describeEntry(entry('rundown.slotUp', [{ type: 'onAir.pinned', itemId: 'item-2', productId: 'kni-02', since: 0 }], timer), names)).toBe(
      'Studio (rundown timer) put Chunky knit jumper on air (slot up)'
    );
    expect(describeEntry(entry('rundown.hold', [{ type: 'rundown.itemPlanned', itemId: 'item-1', autoAdvance: false }]), names)).toBe('Ana (moderator) held Lavender trousers on air');
    expect(describeEntry(entry('rundown.extend', [{ type: 'rundown.itemPlanned', itemId: 'item-1', plannedSeconds: 240 }]), names)).toBe('Ana (moderator) gave Lavender trousers more time');
    expect(describeEntry(entry('host.message', [{ type: 'host.messageSent', message: { id: 'msg-1', text: 'x', from: 'Ana', at: 0 } }]), names)).toBe('Ana (moderator) sent a message to the host');
    setDeskLanguage('pl', 'pl-PL');
    expect(describeEntry(entry('rundown.plan', [{ type: 'rundown.itemPlanned', itemId: 'item-1', plannedSeconds: 180 }]), names)).toBe('Ana (moderator): zaplanowano czas dla Lavender trousers');
  });
});

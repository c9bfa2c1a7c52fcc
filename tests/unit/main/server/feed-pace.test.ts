import { describe, expect, it } from 'vitest';
import { BURST_MESSAGES, FeedPace, FRAME_MS } from '../../../../src/main/server/feed-pace';

/** A pace on a clock the test moves. */
function paced() {
  let now = 1000;
  const pace = new FeedPace(() => now);
  return { pace, advance: (ms: number) => (now += ms) };
}

describe('when the live feed may send', () => {
  it('sends a change at once after a quiet spell, however recent the last burst was once it is over', () => {
    const { pace, advance } = paced();
    expect(pace.wait()).toBe(0);
    for (let i = 0; i < 10; i++) pace.sent();
    advance(FRAME_MS * BURST_MESSAGES);
    expect(pace.wait()).toBe(0);
  });

  it(`sends ${BURST_MESSAGES} messages back to back, then one a frame while changes keep coming`, () => {
    const { pace, advance } = paced();
    for (let i = 0; i < BURST_MESSAGES; i++) {
      expect(pace.wait()).toBe(0);
      pace.sent();
    }
    expect(pace.wait()).toBe(FRAME_MS);
    advance(FRAME_MS / 2);
    expect(pace.wait()).toBe(FRAME_MS / 2);
    advance(FRAME_MS / 2);
    expect(pace.wait()).toBe(0);
    pace.sent();
    expect(pace.wait()).toBe(FRAME_MS);
  });

  it('keeps no more than a burst of credit however long the feed was quiet', () => {
    const { pace, advance } = paced();
    advance(60 * 60_000);
    for (let i = 0; i < BURST_MESSAGES; i++) pace.sent();
    expect(pace.wait()).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { RecordFollower } from '../../../../src/main/media/record-follower';

function follower() {
  let now = 1_000;
  const journaled: Record<string, unknown>[] = [];
  const f = new RecordFollower({ execute: async (command) => journaled.push(command), now: () => now });
  return { f, journaled, setNow: (ms: number) => (now = ms) };
}
const state = (outputState: string, outputPath?: string) => ({ outputActive: outputState.endsWith('STARTED'), outputState, outputPath });

describe('journaling what OBS says of its recording', () => {
  it('dates the start by OBS\'s own count of what it recorded, not by when the event arrived', async () => {
    const { f, journaled, setNow } = follower();
    const status = async () => {
      setNow(1_100); // OBS answered 100 ms after being asked, having recorded 300 ms by then
      return { outputDuration: 300 };
    };
    await f.onRecordState('obs-pl', state('OBS_WEBSOCKET_OUTPUT_STARTED'), status, async () => ({ recordDirectory: '/home/ana/Videos' }));
    expect(journaled).toEqual([{ type: 'recording.started', connectionId: 'obs-pl', at: 750, folder: '/home/ana/Videos' }]);
  });

  it('ends the recording when OBS began stopping, with the file it names once stopped, and only once', async () => {
    const { f, journaled, setNow } = follower();
    await f.onRecordState('obs-pl', state('OBS_WEBSOCKET_OUTPUT_STARTED'), async () => ({ outputDuration: 0 }));
    setNow(20_000);
    await f.onRecordState('obs-pl', state('OBS_WEBSOCKET_OUTPUT_STOPPING'), async () => null);
    setNow(21_400); // writing the file's end took OBS 1.4 s
    await f.onRecordState('obs-pl', state('OBS_WEBSOCKET_OUTPUT_STOPPED', '/v/show.mkv'), async () => null);
    await f.onRecordState('obs-pl', state('OBS_WEBSOCKET_OUTPUT_STOPPED', '/v/show.mkv'), async () => null);
    expect(journaled.slice(1)).toEqual([{ type: 'recording.stopped', connectionId: 'obs-pl', at: 20_000, path: '/v/show.mkv' }]);
  });

  it('journals a pause and its resume at the moment OBS reports them, once each even when OBS repeats them, and a stop while paused', async () => {
    const { f, journaled, setNow } = follower();
    await f.onRecordState('obs-pl', state('OBS_WEBSOCKET_OUTPUT_STARTED'), async () => ({ outputDuration: 0 }));
    for (const [ms, outputState] of [[5_000, 'PAUSED'], [6_000, 'PAUSED'], [9_000, 'RESUMED'], [9_500, 'RESUMED'], [12_000, 'PAUSED'], [15_000, 'STOPPING'], [15_200, 'STOPPED']] as const) {
      setNow(ms);
      await f.onRecordState('obs-pl', state(`OBS_WEBSOCKET_OUTPUT_${outputState}`, outputState === 'STOPPED' ? '/v/show.mkv' : undefined), async () => null);
    }
    expect(journaled.slice(1)).toEqual([
      { type: 'recording.paused', connectionId: 'obs-pl', at: 5_000 },
      { type: 'recording.resumed', connectionId: 'obs-pl', at: 9_000 },
      { type: 'recording.paused', connectionId: 'obs-pl', at: 12_000 },
      { type: 'recording.stopped', connectionId: 'obs-pl', at: 15_000, path: '/v/show.mkv' }
    ]);
  });

  it('keeps the show going when the journal refuses the fact (a full disk): the refusal is logged', async () => {
    const lines: string[] = [];
    const f = new RecordFollower({ execute: async () => Promise.reject(new Error('disk full')), log: (l) => lines.push(l) });
    await expect(f.onRecordState('obs-pl', state('OBS_WEBSOCKET_OUTPUT_STARTED'), async () => ({ outputDuration: 0 }))).resolves.toBeUndefined();
    expect(lines.some((l) => l.includes('disk full'))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { ObsConnectionView } from '../../../src/shared/obs';
import { broadcastState } from '../../../src/renderer/src/lib/broadcast-state';

const obs = (health: Partial<NonNullable<ObsConnectionView['health']>> | null): ObsConnectionView =>
  ({ health: health && { streaming: false, recording: false, streamTimecode: null, recordTimecode: null, ...health } }) as ObsConnectionView;

describe('whether the show is on air', () => {
  it('is on air only while an OBS streams, with the longest time on air among them', () => {
    expect(broadcastState([obs({ streaming: true, streamTimecode: '00:59:59.900' }), obs({ streaming: true, streamTimecode: '01:02:09.123' })])).toEqual({ kind: 'streaming', streaming: 2, of: 2, longest: '01:02:09' });
    expect(broadcastState([obs({ streaming: true, streamTimecode: '00:00:05.000' }), obs(null)])).toMatchObject({ kind: 'streaming', streaming: 1, of: 2 });
  });

  it('says recording apart from streaming, and off when nothing goes out, telling "no OBS" from "not streaming"', () => {
    expect(broadcastState([obs({ recording: true })])).toEqual({ kind: 'recording' });
    expect(broadcastState([obs({}), obs(null)])).toEqual({ kind: 'off', noObs: false });
    expect(broadcastState([])).toEqual({ kind: 'off', noObs: true });
  });
});

import { describe, expect, it } from 'vitest';
import { Followers } from '../../../../src/main/common/followers';

describe('followers', () => {
  it('starts none until start, then all in the order registered, and stops them in reverse', async () => {
    const said: string[] = [];
    const followers = new Followers();
    for (const name of ['catalogue index', 'deal timer', 'OBS manager']) {
      followers.add(name, () => {
        said.push(`start ${name}`);
        return () => void said.push(`stop ${name}`);
      });
    }
    expect(said).toEqual([]);
    expect(followers.names()).toEqual(['catalogue index', 'deal timer', 'OBS manager']);
    followers.start();
    await followers.stop();
    expect(said).toEqual(['start catalogue index', 'start deal timer', 'start OBS manager', 'stop OBS manager', 'stop deal timer', 'stop catalogue index']);
  });

  it('stops the others when one fails to stop, and says which one failed', async () => {
    const lines: string[] = [];
    const stopped: string[] = [];
    const followers = new Followers((line) => lines.push(line))
      .add('live feed', () => () => void stopped.push('live feed'))
      .add('OBS manager', () => async () => {
        throw new Error('socket stuck');
      });
    followers.start();
    await followers.stop();
    expect(stopped).toEqual(['live feed']);
    expect(lines).toEqual(['OBS manager did not stop cleanly: socket stuck']);
  });

  it('refuses a follower registered after the start, which would silently never run', () => {
    const followers = new Followers();
    followers.start();
    expect(() => followers.add('late timer', () => () => {})).toThrow(/after the studio started/);
  });
});

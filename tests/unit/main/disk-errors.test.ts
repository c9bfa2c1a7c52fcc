import { describe, expect, it } from 'vitest';
import { DiskUnwritableError, writeSettings } from '../../../src/main/disk-errors';
import { errno } from '../../helpers/faulty-disk';

describe('a settings write the disk refuses', () => {
  it.each(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS'])('becomes settings_unwritable (503) with a sentence when the write fails with %s', (code) => {
    const thrown = (() => {
      try {
        writeSettings('OBS connections', () => {
          throw errno(code);
        });
      } catch (err) {
        return err;
      }
    })();
    expect(thrown).toBeInstanceOf(DiskUnwritableError);
    expect(thrown).toMatchObject({ code: 'settings_unwritable', status: 503, message: expect.stringMatching(/^the OBS connections could not be saved: the disk /) });
  });

  it('lets any other failure through unchanged, and returns what a write that works returns', () => {
    const bug = new TypeError('not a disk problem');
    expect(() =>
      writeSettings('x', () => {
        throw bug;
      })
    ).toThrow(bug);
    expect(writeSettings('x', () => 7)).toBe(7);
  });
});

import { describe, expect, it } from 'vitest';
import { importKindOf, isExternalLink, isStudioUrl, placeWindow } from '../../../../src/main/desktop/guards';

const studio = 'http://127.0.0.1:4555';

describe('what the desktop window may do', () => {
  it('accepts only pages of the studio itself as the window\'s pages and IPC callers', () => {
    expect(isStudioUrl('http://127.0.0.1:4555/?token=x', studio)).toBe(true);
    expect(isStudioUrl('http://127.0.0.1:4556/', studio)).toBe(false);
    expect(isStudioUrl('http://localhost:4555/', studio)).toBe(false);
    expect(isStudioUrl('https://evil.example/', studio)).toBe(false);
    expect(isStudioUrl('file:///etc/passwd', studio)).toBe(false);
    expect(isStudioUrl('not a url', studio)).toBe(false);
    expect(isStudioUrl(undefined, studio)).toBe(false);
  });

  it('opens only web links in the user\'s browser', () => {
    expect(isExternalLink('https://shop.example/p/1')).toBe(true);
    expect(isExternalLink('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(isExternalLink('javascript:alert(1)')).toBe(false);
  });

  it('imports only CSV and JSON files, whatever the case of the extension', () => {
    expect(importKindOf('Katalog.CSV')).toBe('csv');
    expect(importKindOf('/x/show.json')).toBe('json');
    expect(importKindOf('catalogue.xlsx')).toBeNull();
  });
});

describe('where the window opens', () => {
  const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
  const monitor = { x: 1920, y: 0, width: 2560, height: 1400 };

  it('reopens where it was on a display that is still there', () => {
    expect(placeWindow({ x: 2000, y: 100, width: 1600, height: 900 }, [laptop, monitor])).toEqual({ x: 2000, y: 100, width: 1600, height: 900 });
  });

  it('comes back to the primary display when its monitor is gone', () => {
    expect(placeWindow({ x: 2000, y: 100, width: 1600, height: 900 }, [laptop])).toEqual({ x: 240, y: 75, width: 1440, height: 900 });
  });

  it('shrinks to fit a smaller display and stays fully on it', () => {
    expect(placeWindow({ x: 1500, y: 900, width: 2400, height: 1300 }, [laptop])).toEqual({ x: 0, y: 0, width: 1920, height: 1050 });
  });
});

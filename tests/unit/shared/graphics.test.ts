import { describe, expect, it } from 'vitest';
import { codeFor, graphicFor, graphicGaps, visibleGraphicsFor, type Graphic } from '../../../src/shared/graphics';

const coupon: Graphic = {
  id: 'graphic-1',
  kind: 'coupon',
  text: { pl: 'Kod na dziś', de: 'Code für heute', en: 'Code for today' },
  code: { 'pl-PL': 'POLSKA10', 'de-DE': 'HERBST10', fr: 'AUTOMNE10' },
  detail: {},
  seconds: null,
  visible: true,
  shownAt: 1,
  hidesAt: null,
  createdBy: 'owner'
};

describe('a coupon per audience', () => {
  it("shows each market its own code: pl-PL sees POLSKA10, de-DE sees HERBST10", () => {
    expect(graphicFor(coupon, 'pl-PL', 'en')).toMatchObject({ text: 'Kod na dziś', code: 'POLSKA10' });
    expect(graphicFor(coupon, 'de-DE', 'en')).toMatchObject({ text: 'Code für heute', code: 'HERBST10' });
  });

  it("gives a language's code to every locale of that language", () => {
    expect(codeFor(coupon.code, 'fr-BE')).toBe('AUTOMNE10');
  });

  it("never shows another market's code: a coupon without a code for an audience is not shown to it", () => {
    expect(codeFor(coupon.code, 'de-AT')).toBe('');
    expect(graphicFor(coupon, 'es-ES', 'en')).toBeNull();
    expect(codeFor(coupon.code, 'constructor')).toBe('');
  });

  it('falls back to the base language for text, never to a third language', () => {
    const announcement: Graphic = { ...coupon, kind: 'announcement', text: { pl: 'Darmowa dostawa' }, code: {} };
    expect(graphicFor(announcement, 'de-DE', 'en')).toBeNull();
    expect(graphicFor({ ...announcement, text: { pl: 'Darmowa dostawa', en: 'Free shipping' } }, 'de-DE', 'en')?.text).toBe('Free shipping');
  });

  it('stacks visible graphics in the order they were shown', () => {
    const later = { ...coupon, id: 'graphic-2', shownAt: 5 };
    const hidden = { ...coupon, id: 'graphic-3', visible: false };
    expect(visibleGraphicsFor([later, hidden, coupon], 'pl-PL', 'en').map((g) => g.id)).toEqual(['graphic-1', 'graphic-2']);
  });
});

describe('graphics before going live', () => {
  it('lists graphics missing a translation or a code for an audience', () => {
    const gaps = graphicGaps([coupon], ['pl-PL', 'de-DE', 'it-IT'], 'en');
    expect(gaps).toEqual([
      expect.objectContaining({ graphicId: 'graphic-1', kind: 'graphic-text', locales: ['it-IT'] }),
      expect.objectContaining({ graphicId: 'graphic-1', kind: 'graphic-code', locales: ['it-IT'] })
    ]);
  });
});

describe('an audience named like an inherited property', () => {
  it('reads no text and no code from names every object inherits', () => {
    const plain: Graphic = { ...coupon, kind: 'announcement', text: { en: 'Free shipping' }, code: {} };
    expect(graphicFor(plain, 'constructor', 'toString')).toBeNull();
    expect(graphicFor(coupon, '__proto__', 'en')).toBeNull();
  });
});

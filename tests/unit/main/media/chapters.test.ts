import { describe, expect, it } from 'vitest';
import { chapterLines, chaptersOf, timestamp } from '../../../../src/main/media/chapters';

const c = (startSeconds: number, title: string) => ({ startSeconds, title });

describe('YouTube chapters from the products on air', () => {
  it('starts the first chapter at 0:00 even when the first product went on air later', () => {
    expect(chaptersOf([c(7, 'A'), c(40, 'B'), c(80, 'C')], 120)).toEqual([c(0, 'A'), c(40, 'B'), c(80, 'C')]);
  });

  it('gives no chapters when fewer than three remain, as YouTube would ignore them', () => {
    expect(chaptersOf([c(0, 'A'), c(40, 'B')], 120)).toBeNull();
    expect(chaptersOf([], 120)).toBeNull();
  });

  it('drops a chapter shorter than ten seconds and gives its time to the chapter before it', () => {
    expect(chaptersOf([c(0, 'A'), c(30, 'B'), c(35, 'C'), c(60, 'D')], 100)).toEqual([c(0, 'A'), c(35, 'C'), c(60, 'D')]);
  });

  it('lets the next chapter take over 0:00 when the first one is too short', () => {
    expect(chaptersOf([c(0, 'A'), c(4, 'B'), c(40, 'C'), c(80, 'D')], 120)).toEqual([c(0, 'B'), c(40, 'C'), c(80, 'D')]);
  });

  it('drops a last chapter that ends less than ten seconds after it starts', () => {
    expect(chaptersOf([c(0, 'A'), c(30, 'B'), c(60, 'C'), c(95, 'D')], 100)).toEqual([c(0, 'A'), c(30, 'B'), c(60, 'C')]);
  });

  it('keeps the same product pinned again in a row as one chapter, also when a short one between them is dropped', () => {
    expect(chaptersOf([c(0, 'A'), c(20, 'A'), c(40, 'B'), c(80, 'C')], 120)).toEqual([c(0, 'A'), c(40, 'B'), c(80, 'C')]);
    expect(chaptersOf([c(0, 'A'), c(20, 'X'), c(25, 'A'), c(50, 'B'), c(80, 'C')], 120)).toEqual([c(0, 'A'), c(50, 'B'), c(80, 'C')]);
  });

  it('leaves every chapter at least ten seconds long whatever the slots', () => {
    const slots = Array.from({ length: 60 }, (_, i) => c(i * 7 + (i % 3), `P${i % 5}`));
    const chapters = chaptersOf(slots, 430)!;
    expect(chapters[0].startSeconds).toBe(0);
    const ends = [...chapters.slice(1).map((x) => x.startSeconds), 430];
    chapters.forEach((ch, i) => expect(ends[i] - ch.startSeconds).toBeGreaterThanOrEqual(10));
  });

  it('writes timestamps as YouTube reads them, with hours only past an hour', () => {
    expect([timestamp(0), timestamp(65), timestamp(3723)]).toEqual(['0:00', '1:05', '1:02:03']);
    expect(chapterLines([c(0, 'Spodnie'), c(75, 'Kurtka')])).toBe('0:00 Spodnie\n1:15 Kurtka\n');
  });
});

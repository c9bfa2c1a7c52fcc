import { describe, expect, it } from 'vitest';
import { atClockTime, dayStart, parseClockTime, plannedStartProblem } from '../../../src/shared/timing-start';

describe('typing the planned start time', () => {
  it.each([
    ['19:30', { hour: 19, minute: 30 }],
    ['19.30', { hour: 19, minute: 30 }],
    ['19h30', { hour: 19, minute: 30 }],
    ['1930', { hour: 19, minute: 30 }],
    ['9', { hour: 9, minute: 0 }],
    ['0:05', { hour: 0, minute: 5 }],
    ['7:30 PM', { hour: 19, minute: 30 }],
    ['7pm', { hour: 19, minute: 0 }],
    ['7:30 p.m.', { hour: 19, minute: 30 }],
    ['12:15 am', { hour: 0, minute: 15 }],
    ['12 pm', { hour: 12, minute: 0 }]
  ])('reads %s as a time of day', (typed, time) => {
    expect(parseClockTime(typed)).toEqual(time);
  });

  it.each(['24:00', '19:60', '13 pm', '0 am', 'soon', '', '19:3', '7:30 xm'])('refuses %j', (typed) => {
    expect(parseClockTime(typed)).toBeNull();
  });

  it('puts the time on the chosen local day, tomorrow included', () => {
    const now = new Date(2026, 11, 2, 11, 40).getTime();
    expect(new Date(atClockTime(dayStart(now), { hour: 19, minute: 30 }))).toEqual(new Date(2026, 11, 2, 19, 30));
    expect(new Date(atClockTime(dayStart(now, 1), { hour: 0, minute: 15 }))).toEqual(new Date(2026, 11, 3, 0, 15));
  });

  it('takes a start up to a day ago (a show planned after it began) and up to a year ahead, nothing beyond', () => {
    const now = Date.UTC(2026, 11, 2, 12);
    expect(plannedStartProblem(now - 8 * 3600_000, now)).toBeNull();
    expect(plannedStartProblem(now - 25 * 3600_000, now)).toBe('too_early');
    expect(plannedStartProblem(now + 300 * 24 * 3600_000, now)).toBeNull();
    expect(plannedStartProblem(now + 400 * 24 * 3600_000, now)).toBe('too_late');
  });
});

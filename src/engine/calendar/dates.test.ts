import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import {
  addCalendarDays,
  calendarDaysBetween,
  isIsoDate,
  isWeekend,
  toEpochDay,
  weekdayOfEpochDay,
} from './dates.ts';

const errorOf = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
};

describe('calendar dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-12-31')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-1-05')).toBe(false);
    expect(isIsoDate('2026-01-05T00:00:00Z')).toBe(false);
    expect(isIsoDate('0099-01-01')).toBe(false);
    expect(isIsoDate(20260105)).toBe(false);
  });

  it('rejects a malformed date with calendar.invalid_date (400)', () => {
    const error = errorOf(() => toEpochDay('2026-02-30'));
    expect(error.code).toBe('calendar.invalid_date');
    expect(error.status).toBe(400);
    expect(error.params).toEqual({ value: '2026-02-30' });
  });

  it('knows the weekday (1970-01-01 was a Thursday) and the weekend', () => {
    expect(weekdayOfEpochDay(0)).toBe(4);
    expect(weekdayOfEpochDay(toEpochDay('2026-03-16'))).toBe(1); // Monday
    expect(weekdayOfEpochDay(toEpochDay('1969-12-28'))).toBe(0); // Sunday, before the epoch
    expect(isWeekend('2026-01-10')).toBe(true); // Saturday
    expect(isWeekend('2026-01-11')).toBe(true); // Sunday
    expect(isWeekend('2026-01-12')).toBe(false); // Monday
  });

  it('adds calendar days across months, leap days and years', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-03-16', 30)).toBe('2026-04-15');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addCalendarDays('2026-01-01', 0)).toBe('2026-01-01');
    expect(calendarDaysBetween('2025-12-31', '2026-12-31')).toBe(365);
    expect(calendarDaysBetween('2026-12-31', '2025-12-31')).toBe(-365);
  });

  it('rejects a fractional day count', () => {
    expect(errorOf(() => addCalendarDays('2026-01-01', 1.5)).code).toBe('calendar.invalid_day_count');
    expect(errorOf(() => addCalendarDays('2026-01-01', Number.NaN)).code).toBe('calendar.invalid_day_count');
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { createCalendar } from './calendar.ts';
import { addCalendarDays } from './dates.ts';
import { addWorkingDays, isWorkingDay, nextWorkingDay, workingDaysBetween } from './working-days.ts';

const errorOf = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
};

describe('isWorkingDay', () => {
  it('is Monday to Friday minus public holidays', () => {
    expect(isWorkingDay('2026-03-19')).toBe(true); // Thursday
    expect(isWorkingDay('2026-03-20')).toBe(false); // Friday, Eid al-Fitr
    expect(isWorkingDay('2026-03-21')).toBe(false); // Saturday (and Eid day 2)
    expect(isWorkingDay('2026-03-22')).toBe(false); // Sunday
    expect(isWorkingDay('2026-03-23')).toBe(true); // Monday
  });

  it('gives no substitute day for a holiday on a weekend', () => {
    expect(isWorkingDay('2026-01-11')).toBe(false); // Manifesto on a Sunday…
    expect(isWorkingDay('2026-01-12')).toBe(true); // …Monday is worked
    expect(isWorkingDay('2026-10-31')).toBe(false); // Unity Day on a Saturday…
    expect(isWorkingDay('2026-11-02')).toBe(true); // …Monday is worked
    expect(isWorkingDay('2025-06-09')).toBe(true); // Eid al-Adha 2025 was Sat–Sun: legally, Monday is worked
  });
});

describe('addWorkingDays', () => {
  it('2026-03-16 + 10 working days = 2026-03-31 (checked by hand)', () => {
    // Mon 16 March is the start (not counted). Tue 17 (1), Wed 18 (2), Thu 19 (3); Fri 20 Eid al-Fitr,
    // Sat 21 Eid day 2 / weekend, Sun 22; Mon 23 (4), Tue 24 (5), Wed 25 (6), Thu 26 (7), Fri 27 (8);
    // Sat 28, Sun 29; Mon 30 (9), Tue 31 (10).
    expect(addWorkingDays('2026-03-16', 10)).toBe('2026-03-31');
  });

  it('skips both days of an Eid and the August holidays', () => {
    expect(addWorkingDays('2026-05-26', 1)).toBe('2026-05-29'); // Eid al-Adha Wed 27–Thu 28
    expect(addWorkingDays('2026-08-13', 1)).toBe('2026-08-17'); // Fri 14 Oued Eddahab
    expect(addWorkingDays('2026-08-19', 1)).toBe('2026-08-24'); // Thu 20, Fri 21
    expect(addWorkingDays('2026-08-25', 1)).toBe('2026-08-28'); // Mawlid Wed 26–Thu 27
    expect(addWorkingDays('2026-08-12', 5)).toBe('2026-08-24'); // Thu 13, Mon 17, Tue 18, Wed 19, Mon 24
  });

  it('does not count the start day, even when it is a holiday or a weekend', () => {
    expect(addWorkingDays('2026-03-13', 1)).toBe('2026-03-16'); // Friday → Monday
    expect(addWorkingDays('2026-03-20', 1)).toBe('2026-03-23'); // from the Eid → Monday
    expect(addWorkingDays('2026-03-21', 1)).toBe('2026-03-23'); // from Saturday → Monday
  });

  it('n = 0 returns the day itself if worked, else the next working day', () => {
    expect(addWorkingDays('2026-03-19', 0)).toBe('2026-03-19');
    expect(addWorkingDays('2026-03-20', 0)).toBe('2026-03-23');
    expect(nextWorkingDay('2026-08-20')).toBe('2026-08-24');
  });

  it('crosses the year boundary', () => {
    expect(addWorkingDays('2025-12-31', 1)).toBe('2026-01-02'); // Thu 1 January is off
    expect(addWorkingDays('2025-12-26', 5)).toBe('2026-01-05');
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04'); // Fri 1 Jan 2027 off, then weekend
  });

  it('rejects a negative or fractional count', () => {
    const error = errorOf(() => addWorkingDays('2026-03-16', -1));
    expect(error.code).toBe('calendar.invalid_day_count');
    expect(error.status).toBe(400);
    expect(errorOf(() => addWorkingDays('2026-03-16', 2.5)).code).toBe('calendar.invalid_day_count');
    expect(errorOf(() => addWorkingDays('16/03/2026', 1)).code).toBe('calendar.invalid_date');
  });

  it('honours the calendar it is given', () => {
    const closedMonday = createCalendar({
      overrides: [
        {
          action: 'add',
          key: 'exceptional-closure',
          year: 2026,
          date: '2026-03-23',
          name: { ar: 'عطلة استثنائية', fr: 'Congé exceptionnel', en: 'Exceptional day off' },
        },
      ],
    });
    expect(addWorkingDays('2026-03-16', 10, closedMonday)).toBe('2026-04-01');
    expect(isWorkingDay('2026-03-23', closedMonday)).toBe(false);
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days in (from, to]', () => {
    expect(workingDaysBetween('2026-03-16', '2026-03-31')).toBe(10);
    expect(workingDaysBetween('2026-03-16', '2026-03-16')).toBe(0);
    expect(workingDaysBetween('2026-03-16', '2026-03-17')).toBe(1);
    expect(workingDaysBetween('2026-03-19', '2026-03-22')).toBe(0); // Fri Eid, Sat, Sun
    expect(workingDaysBetween('2025-12-26', '2026-01-05')).toBe(5); // 29, 30, 31 Dec, 2 and 5 Jan
  });

  it('is negative when `to` is before `from`', () => {
    expect(workingDaysBetween('2026-03-31', '2026-03-16')).toBe(-10);
  });

  it('finds 246 working days in 2026: 261 weekdays minus 15 weekday holidays', () => {
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(246);
  });

  it('is the inverse of addWorkingDays', () => {
    for (const start of ['2025-12-20', '2026-03-13', '2026-05-25', '2026-08-12', '2026-10-30']) {
      for (let n = 1; n <= 40; n++) {
        expect(workingDaysBetween(start, addWorkingDays(start, n)), `${start} + ${n}`).toBe(n);
      }
    }
  });

  it('agrees with a day-by-day count using isWorkingDay', () => {
    let expected = 0;
    for (let date = '2024-01-01'; date <= '2026-12-31'; date = addCalendarDays(date, 1)) {
      if (isWorkingDay(date)) expected++;
    }
    expect(workingDaysBetween('2023-12-31', '2026-12-31')).toBe(expected);
  });
});

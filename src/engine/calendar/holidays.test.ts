import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { createCalendar, defaultCalendar } from './calendar.ts';
import { formatHolidayLines } from './format-holidays.ts';
import { HOLIDAY_DEFINITIONS } from './holiday-catalogue.ts';
import { type HolidayOverride, validateOverrides } from './holiday-overrides.ts';
import { holidaysOf } from './holidays.ts';
import { OFFICIAL_ISLAMIC_DATES, OFFICIAL_OVERRIDES } from './official-islamic-dates.ts';

const errorOf = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
};

const pairs = (year: number, calendar = defaultCalendar) =>
  calendar.holidaysOf(year).map((h) => `${h.date} ${h.key}`);

describe('holidays of Morocco, complete lists', () => {
  it('2024', () => {
    expect(pairs(2024)).toEqual([
      '2024-01-01 new-year',
      '2024-01-11 independence-manifesto',
      '2024-01-14 amazigh-new-year', // Sunday: first year, no substitute day
      '2024-04-10 eid-al-fitr',
      '2024-04-11 eid-al-fitr',
      '2024-05-01 labour-day',
      '2024-06-17 eid-al-adha',
      '2024-06-18 eid-al-adha',
      '2024-07-07 islamic-new-year', // Sunday 7 July, not Monday 8
      '2024-07-30 throne-day',
      '2024-08-14 oued-ed-dahab',
      '2024-08-20 revolution-king-people',
      '2024-08-21 youth-day',
      '2024-09-16 mawlid',
      '2024-09-17 mawlid',
      '2024-11-06 green-march',
      '2024-11-18 independence-day',
    ]);
  });

  it('2025 (31 October 2025 was still a working day)', () => {
    expect(pairs(2025)).toEqual([
      '2025-01-01 new-year',
      '2025-01-11 independence-manifesto',
      '2025-01-14 amazigh-new-year',
      '2025-03-31 eid-al-fitr',
      '2025-04-01 eid-al-fitr',
      '2025-05-01 labour-day',
      '2025-06-07 eid-al-adha',
      '2025-06-08 eid-al-adha',
      '2025-06-27 islamic-new-year',
      '2025-07-30 throne-day',
      '2025-08-14 oued-ed-dahab',
      '2025-08-20 revolution-king-people',
      '2025-08-21 youth-day',
      '2025-09-05 mawlid',
      '2025-09-06 mawlid',
      '2025-11-06 green-march',
      '2025-11-18 independence-day',
    ]);
  });

  it('2026', () => {
    expect(pairs(2026)).toEqual([
      '2026-01-01 new-year',
      '2026-01-11 independence-manifesto',
      '2026-01-14 amazigh-new-year',
      '2026-03-20 eid-al-fitr',
      '2026-03-21 eid-al-fitr',
      '2026-05-01 labour-day',
      '2026-05-27 eid-al-adha',
      '2026-05-28 eid-al-adha',
      '2026-06-17 islamic-new-year',
      '2026-07-30 throne-day',
      '2026-08-14 oued-ed-dahab',
      '2026-08-20 revolution-king-people',
      '2026-08-21 youth-day',
      '2026-08-26 mawlid',
      '2026-08-27 mawlid',
      '2026-10-31 unity-day',
      '2026-11-06 green-march',
      '2026-11-18 independence-day',
    ]);
  });

  it('names every day in Arabic, French and English; the second day of an Eid says so', () => {
    const [first, second] = defaultCalendar
      .holidaysOn('2026-03-20')
      .concat(defaultCalendar.holidaysOn('2026-03-21'));
    expect(first).toEqual({
      date: '2026-03-20',
      key: 'eid-al-fitr',
      name: { ar: 'عيد الفطر', fr: 'Aïd Al Fitr', en: 'Eid al-Fitr' },
    });
    expect(second?.name).toEqual({
      ar: 'عيد الفطر (اليوم الثاني)',
      fr: 'Aïd Al Fitr (2e jour)',
      en: 'Eid al-Fitr (day 2)',
    });
    for (const definition of HOLIDAY_DEFINITIONS) {
      for (const text of Object.values(definition.name)) expect(text.trim()).not.toBe('');
    }
  });

  it('starts the Amazigh New Year in 2024 and Unity Day in 2026', () => {
    expect(pairs(2023)).not.toContain('2023-01-14 amazigh-new-year');
    expect(pairs(2024)).toContain('2024-01-14 amazigh-new-year');
    expect(defaultCalendar.isHoliday('2025-10-31')).toBe(false);
    expect(defaultCalendar.isHoliday('2026-10-31')).toBe(true);
    expect(defaultCalendar.isHoliday('2027-10-31')).toBe(true);
  });

  it('lists two holidays on the same day in catalogue order', () => {
    // 2022: 1 Muharram 1444 fell on Throne Day.
    expect(defaultCalendar.holidaysOn('2022-07-30').map((h) => h.key)).toEqual([
      'throne-day',
      'islamic-new-year',
    ]);
  });

  it('splits a two-day holiday across the new year', () => {
    // Computed Eid al-Adha 1427: Sunday 31 December 2006 and Monday 1 January 2007.
    const computed = createCalendar({ officialDates: false });
    expect(pairs(2006, computed)).toContain('2006-12-31 eid-al-adha');
    expect(computed.holidaysOn('2007-01-01').map((h) => `${h.key} ${h.name.en}`)).toEqual([
      'new-year New Year’s Day',
      'eid-al-adha Eid al-Adha (day 2)',
    ]);
  });

  it('lists both occurrences when an Eid falls twice in a year', () => {
    const fitr = pairs(2033).filter((p) => p.endsWith('eid-al-fitr'));
    expect(fitr).toEqual([
      '2033-01-03 eid-al-fitr',
      '2033-01-04 eid-al-fitr',
      '2033-12-23 eid-al-fitr',
      '2033-12-24 eid-al-fitr',
    ]);
  });

  it('computes each year once per calendar', () => {
    const calendar = createCalendar();
    expect(calendar.holidaysOf(2026)).toBe(calendar.holidaysOf(2026));
    expect(Object.isFrozen(calendar.holidaysOf(2026))).toBe(true);
  });

  it('rejects years outside 2006–2100', () => {
    for (const year of [2005, 2101, 2026.5]) {
      const error = errorOf(() => holidaysOf(year));
      expect(error.code).toBe('calendar.year_out_of_range');
      expect(error.params).toMatchObject({ min: 2006, max: 2100 });
    }
    expect(errorOf(() => defaultCalendar.isHoliday('1999-01-01')).code).toBe('calendar.year_out_of_range');
  });
});

describe('official Islamic dates', () => {
  it('are valid overrides, one per holiday and Hijri year', () => {
    expect(validateOverrides(OFFICIAL_OVERRIDES)).toHaveLength(12);
    const ids = OFFICIAL_ISLAMIC_DATES.map((d) => `${d.key}:${d.hijriYear}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of OFFICIAL_ISLAMIC_DATES) expect(entry.source.length).toBeGreaterThan(20);
  });

  it('mark the 2026 dates still unconfirmed as forecasts', () => {
    expect(OFFICIAL_ISLAMIC_DATES.filter((d) => d.status === 'forecast').map((d) => d.date)).toEqual([
      '2026-05-27',
      '2026-06-17',
      '2026-08-26',
    ]);
  });

  it('replace the computed estimate', () => {
    const computed = createCalendar({ officialDates: false });
    expect(computed.holidaysOn('2024-07-08').map((h) => h.key)).toEqual(['islamic-new-year']);
    expect(defaultCalendar.holidaysOn('2024-07-08')).toEqual([]);
    expect(defaultCalendar.holidaysOn('2024-07-07').map((h) => h.key)).toEqual(['islamic-new-year']);
  });
});

describe('overrides', () => {
  it('move: the whole Eid follows the new first day', () => {
    const calendar = createCalendar({
      overrides: [{ action: 'move', key: 'eid-al-adha', year: 2026, date: '2026-05-28' }],
    });
    expect(pairs(2026, calendar).filter((p) => p.endsWith('eid-al-adha'))).toEqual([
      '2026-05-28 eid-al-adha',
      '2026-05-29 eid-al-adha',
    ]);
    expect(calendar.isHoliday('2026-05-27')).toBe(false);
  });

  it('move: the caller’s date wins over the official table', () => {
    const calendar = createCalendar({
      overrides: [{ action: 'move', key: 'mawlid', year: 2026, date: '2026-08-25' }],
    });
    expect(pairs(2026, calendar).filter((p) => p.endsWith('mawlid'))).toEqual([
      '2026-08-25 mawlid',
      '2026-08-26 mawlid',
    ]);
  });

  it('move: picks the nearest occurrence when a holiday falls twice in the year', () => {
    const calendar = createCalendar({
      overrides: [{ action: 'move', key: 'eid-al-fitr', year: 2033, date: '2033-12-24' }],
    });
    expect(pairs(2033, calendar).filter((p) => p.endsWith('eid-al-fitr'))).toEqual([
      '2033-01-03 eid-al-fitr',
      '2033-01-04 eid-al-fitr',
      '2033-12-24 eid-al-fitr',
      '2033-12-25 eid-al-fitr',
    ]);
  });

  it('move: across the new year, the holiday leaves one year and enters the next', () => {
    // 1 Muharram is computed on 31 December 2073 (its second occurrence that year); moved to 1 January 2074.
    const calendar = createCalendar({
      overrides: [{ action: 'move', key: 'islamic-new-year', year: 2074, date: '2074-01-01' }],
    });
    const base = createCalendar();
    const muharram = (year: number, c: typeof base) =>
      pairs(year, c).filter((p) => p.endsWith('islamic-new-year'));
    expect(muharram(2073, base)).toContain('2073-12-31 islamic-new-year');
    expect(muharram(2073, calendar)).not.toContain('2073-12-31 islamic-new-year');
    expect(muharram(2074, calendar)).toContain('2074-01-01 islamic-new-year');
  });

  it('move: fails when no occurrence of the holiday is near the date', () => {
    const far = createCalendar({
      overrides: [{ action: 'move', key: 'eid-al-fitr', year: 2026, date: '2026-07-01' }],
    });
    const error = errorOf(() => far.holidaysOf(2026));
    expect(error.code).toBe('calendar.override_target_missing');
    expect(error.status).toBe(422);
    const tooEarly = createCalendar({
      overrides: [{ action: 'move', key: 'unity-day', year: 2025, date: '2025-10-31' }],
    });
    expect(errorOf(() => tooEarly.holidaysOf(2025)).code).toBe('calendar.override_target_missing');
  });

  it('add: an exceptional closure of the administration becomes a day off', () => {
    // Real case: the Head of Government closed State administrations on Monday 23 March 2026 (Eid al-Fitr).
    const calendar = createCalendar({
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
    expect(calendar.holidaysOn('2026-03-23')).toEqual([
      {
        date: '2026-03-23',
        key: 'exceptional-closure',
        name: { ar: 'عطلة استثنائية', fr: 'Congé exceptionnel', en: 'Exceptional day off' },
      },
    ]);
    expect(defaultCalendar.isHoliday('2026-03-23')).toBe(false);
  });

  it('add: several days, across the year end, with the catalogue name for a catalogue key', () => {
    const calendar = createCalendar({
      overrides: [{ action: 'add', key: 'eid-al-adha', year: 2030, date: '2030-12-31', days: 2 }],
    });
    expect(calendar.holidaysOn('2030-12-31').map((h) => h.name.fr)).toEqual(['Aïd Al Adha']);
    expect(calendar.holidaysOn('2031-01-01').map((h) => h.name.fr)).toEqual([
      'Nouvel An',
      'Aïd Al Adha (2e jour)',
    ]);
  });

  it('remove: a whole holiday, or a single day of it', () => {
    const calendar = createCalendar({
      overrides: [
        { action: 'remove', key: 'unity-day', year: 2026 },
        { action: 'remove', key: 'eid-al-adha', year: 2026, date: '2026-05-28' },
        { action: 'remove', key: 'green-march', year: 2026, date: '2026-01-01' }, // nothing there: no-op
      ],
    });
    expect(calendar.isHoliday('2026-10-31')).toBe(false);
    expect(calendar.isHoliday('2026-05-27')).toBe(true);
    expect(calendar.isHoliday('2026-05-28')).toBe(false);
    expect(calendar.isHoliday('2026-11-06')).toBe(true);
    expect(calendar.isHoliday('2027-10-31')).toBe(true);
  });

  it('remove does not undo an add, whatever the order', () => {
    const calendar = createCalendar({
      overrides: [
        {
          action: 'add',
          key: 'exceptional-closure',
          year: 2026,
          date: '2026-06-18',
          name: { ar: 'ع', fr: 'C', en: 'C' },
        },
        { action: 'remove', key: 'exceptional-closure', year: 2026 },
      ],
    });
    expect(calendar.isHoliday('2026-06-18')).toBe(true);
  });

  it('the standalone holidaysOf applies the official table, then the overrides', () => {
    expect(holidaysOf(2026)).toEqual(defaultCalendar.holidaysOf(2026));
    const moved = holidaysOf(2026, [
      { action: 'move', key: 'islamic-new-year', year: 2026, date: '2026-06-16' },
    ]);
    expect(moved.filter((h) => h.key === 'islamic-new-year').map((h) => h.date)).toEqual(['2026-06-16']);
  });

  it('rejects malformed overrides up front', () => {
    const bad: unknown[] = [
      { action: 'rename', key: 'mawlid', year: 2026, date: '2026-08-26' },
      { action: 'move', key: 'exceptional-closure', year: 2026, date: '2026-03-23' },
      { action: 'move', key: 'mawlid', year: 2026 },
      { action: 'move', key: 'mawlid', year: 2026, date: '2027-08-26' },
      { action: 'move', key: 'mawlid', year: 2026, date: '26/08/2026' },
      { action: 'add', key: 'exceptional-closure', year: 2026, date: '2026-03-23' },
      { action: 'add', key: 'eid-al-fitr', year: 2026, date: '2026-03-22', days: 8 },
      { action: 'add', key: 'x', year: 2026, date: '2026-03-22', name: { ar: 'x', fr: 'x', en: '' } },
      { action: 'remove', key: 'Unity Day', year: 2026 },
      { action: 'remove', key: 'unity-day', year: 1999 },
      { action: 'remove', key: 'unity-day', year: 2026, date: '2025-10-31' },
    ];
    for (const override of bad) {
      const error = errorOf(() => createCalendar({ overrides: [override as HolidayOverride] }));
      expect(error.code, JSON.stringify(override)).toBe('calendar.invalid_override');
      expect(error.params.index).toBe(0);
    }
  });
});

describe('formatHolidayLines (CLI: taamir calendar holidays <year>)', () => {
  it('prints one “YYYY-MM-DD Name” line per holiday, in French by default', () => {
    const lines = formatHolidayLines(2026);
    expect(lines).toHaveLength(18);
    expect(lines[0]).toBe('2026-01-01 Nouvel An');
    expect(lines[4]).toBe('2026-03-21 Aïd Al Fitr (2e jour)');
    expect(lines.at(-1)).toBe('2026-11-18 Fête de l’Indépendance');
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d{2}-\d{2} \S/);
  });

  it('prints Arabic or English names on request', () => {
    expect(formatHolidayLines(2026, 'ar')[15]).toBe('2026-10-31 عيد الوحدة');
    expect(formatHolidayLines(2026, 'en')[15]).toBe('2026-10-31 Unity Day');
  });

  it('uses the given calendar and rejects unknown languages', () => {
    const calendar = createCalendar({ overrides: [{ action: 'remove', key: 'unity-day', year: 2026 }] });
    expect(formatHolidayLines(2026, 'fr', calendar)).toHaveLength(17);
    expect(errorOf(() => formatHolidayLines(2026, 'de' as 'fr')).code).toBe('calendar.unsupported_language');
  });
});

// The working calendar in force: built-in holidays and official dates, plus the overrides an
// administrator entered (moon sighting). Rebuilt when an override changes, and at most every minute.
import { isNull } from 'drizzle-orm';
import type { Orm } from '../platform/db/database.ts';
import { createCalendar, type HolidayOverride, type WorkingCalendar } from './calendar/index.ts';
import { calendarOverrides } from './tables.ts';

/**
 * `get()` never waits on the database: it returns the calendar last loaded (built-in rules until the
 * first load) and refreshes it in the background when it is older than `ttlMs`. So it is safe inside a
 * transaction, even on PGlite where a second query from outside the transaction would wait for it.
 * `reload()` loads now (start-up, and after an administrator's change).
 */
export type CalendarProvider = {
  get(): Promise<WorkingCalendar>;
  reload(): Promise<void>;
  invalidate(): Promise<void>;
};

export function toOverride(row: typeof calendarOverrides.$inferSelect): HolidayOverride {
  switch (row.action) {
    case 'move':
      return { action: 'move', key: row.holidayKey as never, year: row.year, date: row.date! };
    case 'remove':
      return {
        action: 'remove',
        key: row.holidayKey,
        year: row.year,
        ...(row.date ? { date: row.date } : {}),
      };
    default:
      return {
        action: 'add',
        key: row.holidayKey,
        year: row.year,
        date: row.date!,
        ...(row.name ? { name: row.name } : {}),
        ...(row.days ? { days: row.days } : {}),
      };
  }
}

export function calendarProvider(db: Orm, ttlMs = 60_000): CalendarProvider {
  let current: WorkingCalendar = createCalendar();
  let loadedAt = 0;
  let loading: Promise<void> | undefined;
  const reload = () => {
    loading ??= db
      .select()
      .from(calendarOverrides)
      .where(isNull(calendarOverrides.deletedAt))
      .orderBy(calendarOverrides.createdAt)
      .then((rows) => {
        current = createCalendar({ overrides: rows.map(toOverride) });
        loadedAt = Date.now();
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  };
  return {
    async get() {
      if (Date.now() - loadedAt > ttlMs && !loading) reload().catch(() => undefined);
      return current;
    },
    reload,
    invalidate: reload,
  };
}

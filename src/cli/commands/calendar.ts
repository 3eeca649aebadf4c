import {
  addWorkingDays,
  defaultCalendar,
  formatHolidayLines,
  isIsoDate,
  type WorkingCalendar,
} from '../../engine/calendar/index.ts';
import { isLocale } from '../../platform/i18n/locale.ts';
import { type Command, UsageError } from '../command.ts';
import { withRuntime } from './with-runtime.ts';

/** The built-in calendar, or with --with-overrides the one in force in the database (admin overrides). */
async function calendarFor(withOverrides: unknown, use: (calendar: WorkingCalendar) => void): Promise<void> {
  if (!withOverrides) return use(defaultCalendar);
  await withRuntime({ seed: false }, async ({ engine }) => use(await engine.calendar.get()));
}

const OVERRIDES_OPTION = {
  'with-overrides': {
    type: 'boolean' as const,
    description: "Apply the administrators' overrides stored in the database",
  },
};

export const calendarHolidaysCommand: Command = {
  name: 'calendar holidays',
  summary: "Morocco's public holidays of a year, one line each: ISO date, then its name.",
  usage: 'calendar holidays YEAR [--lang fr|ar|en] [--with-overrides]',
  options: {
    lang: { type: 'string', description: 'Language of the names (default fr)' },
    ...OVERRIDES_OPTION,
  },
  positionals: { min: 1, max: 1 },
  run: async ({ positionals, values, out }) => {
    const year = Number(positionals[0]);
    if (!Number.isInteger(year)) throw new UsageError(`not a year: ${positionals[0]}`);
    const lang = (values.lang as string | undefined) ?? 'fr';
    if (!isLocale(lang)) throw new UsageError(`unknown language: ${lang}`);
    await calendarFor(values['with-overrides'], (calendar) => {
      for (const line of formatHolidayLines(year, lang, calendar)) out(line);
    });
    return 0;
  },
};

export const calendarAddCommand: Command = {
  name: 'calendar add',
  summary:
    'The date N working days after DATE (weekends and public holidays skipped; DATE itself not counted).',
  usage: 'calendar add DATE N [--with-overrides]',
  options: { ...OVERRIDES_OPTION },
  positionals: { min: 2, max: 2 },
  run: async ({ positionals, values, out }) => {
    const [date = '', n = ''] = positionals;
    if (!isIsoDate(date)) throw new UsageError(`not a date (YYYY-MM-DD): ${date}`);
    if (!/^\d+$/.test(n)) throw new UsageError(`not a whole number of days: ${n}`);
    await calendarFor(values['with-overrides'], (calendar) => out(addWorkingDays(date, Number(n), calendar)));
    return 0;
  },
};

// First days of the Islamic holidays as Morocco observed them. The Ministry of Habous and Islamic
// Affairs fixes each one by local crescent sighting, the evening of the 29th of the previous month;
// the computed estimate (hijri.ts) is replaced by these dates. Admins add later years as overrides.
import type { IslamicHolidayKey } from './holiday-catalogue.ts';
import type { HolidayOverride } from './holiday-overrides.ts';

export type OfficialIslamicDate = {
  readonly key: IslamicHolidayKey;
  readonly hijriYear: number;
  /** First day of the holiday in Morocco. */
  readonly date: string;
  /** `announced`: the Ministry's communiqué was found; `forecast`: not yet confirmed, see `source`. */
  readonly status: 'announced' | 'forecast';
  readonly source: string;
};

export const OFFICIAL_ISLAMIC_DATES: readonly OfficialIslamicDate[] = [
  // 2024
  {
    key: 'eid-al-fitr',
    hijriYear: 1445,
    date: '2024-04-10', // Wednesday
    status: 'announced',
    source:
      'Communiqué of 9 Apr 2024 (crescent seen on 29 Ramadan): fr.le360.ma "Officiel: Aïd Al-Fitr sera célébré demain mercredi 10 avril"',
  },
  {
    key: 'eid-al-adha',
    hijriYear: 1445,
    date: '2024-06-17', // Monday
    status: 'announced',
    source:
      'Communiqué of 7 Jun 2024: 1 Dhu al-Hijja = Sat 8 Jun, Eid = Mon 17 Jun (static.kifache.com, achewa9e3.com/192890.html)',
  },
  {
    key: 'islamic-new-year',
    hijriYear: 1446,
    date: '2024-07-07', // Sunday (not Monday 8 July)
    status: 'announced',
    source:
      'Communiqué of 6 Jul 2024 (crescent seen): 1 Muharram 1446 = Sun 7 Jul (kiosqueinfo.com, machahid24.com/home/431633.html)',
  },
  {
    key: 'mawlid',
    hijriYear: 1446,
    date: '2024-09-16', // Monday
    status: 'announced',
    source:
      'Communiqué of 3 Sep 2024: 1 Rabi I = Thu 5 Sep, Mawlid = Mon 16 Sep (telquel.ma 2024/09/04, alekhbaria24.com/33191.html)',
  },
  // 2025
  {
    key: 'eid-al-fitr',
    hijriYear: 1446,
    date: '2025-03-31', // Monday
    status: 'announced',
    source:
      'Communiqué of 30 Mar 2025 (crescent seen on 29 Ramadan): almolahidjournal.com/?p=119221, diez24.com',
  },
  {
    key: 'eid-al-adha',
    hijriYear: 1446,
    date: '2025-06-07', // Saturday
    status: 'announced',
    source:
      'Communiqué of 27 May 2025: 1 Dhu al-Hijja = Thu 29 May, Eid = Sat 7 Jun (mbnat.com/6706, kirsehir.yerelbasin.com.tr)',
  },
  {
    key: 'islamic-new-year',
    hijriYear: 1447,
    date: '2025-06-27', // Friday
    status: 'announced',
    source: 'Communiqué of 26 Jun 2025 (crescent seen): ache24.ma/81126, agencemedi.com/ar/archives/4526',
  },
  {
    key: 'mawlid',
    hijriYear: 1447,
    date: '2025-09-05', // Friday
    status: 'announced',
    source:
      'Communiqué of 23 Aug 2025: 1 Rabi I = Mon 25 Aug, Mawlid = Fri 5 Sep (fr.le360.ma 2025-08-23, libe.ma)',
  },
  // 2026
  {
    key: 'eid-al-fitr',
    hijriYear: 1447,
    date: '2026-03-20', // Friday
    status: 'announced',
    source:
      'Communiqué of 19 Mar 2026 (crescent seen on 29 Ramadan): marrakechalaan.com/?p=670926, almashhad.com',
  },
  {
    key: 'eid-al-adha',
    hijriYear: 1447,
    date: '2026-05-27', // Wednesday
    status: 'forecast',
    source:
      'NOT CONFIRMED: no Ministry communiqué found. 2026 calendars in the Moroccan press (lenouvelliste.ma, biladi.ma) give Wed 27–Thu 28 May; same as the islamic-civil estimate and as vacanza/holidays (morocco.py).',
  },
  {
    key: 'islamic-new-year',
    hijriYear: 1448,
    date: '2026-06-17', // Wednesday
    status: 'forecast',
    source:
      'NOT CONFIRMED: no Ministry communiqué found. Moroccan press calendars (lenouvelliste.ma, biladi.ma) and vacanza/holidays (morocco.py, listed as a Moroccan exception) give Wed 17 Jun; same as the islamic-civil estimate.',
  },
  {
    key: 'mawlid',
    hijriYear: 1448,
    date: '2026-08-26', // Wednesday
    status: 'forecast',
    source:
      'NOT CONFIRMED: no Ministry communiqué found. Moroccan press calendars (lenouvelliste.ma, biladi.ma) give Wed 26–Thu 27 Aug, as does the islamic-civil estimate; vacanza/holidays implies Tue 25 Aug (Umm al-Qura). Check the Ministry communiqué of about 13–14 Aug 2026.',
  },
];

/** The table as `move` overrides, applied before the caller's own overrides. */
export const OFFICIAL_OVERRIDES: readonly HolidayOverride[] = OFFICIAL_ISLAMIC_DATES.map((entry) => ({
  action: 'move',
  key: entry.key,
  year: Number(entry.date.slice(0, 4)),
  date: entry.date,
}));

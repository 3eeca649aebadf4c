// Statistics of complaints, as pure functions: percentiles (PostgreSQL's percentile_cont: linear
// interpolation between ranks) and the table per agency and category, also as CSV.

/** The p-th percentile (0..1) of the values, interpolated; null for no value. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export type ComplaintFact = {
  agencyCode: string;
  agencyName: { ar: string; fr: string };
  categoryCode: string;
  categoryName: { ar: string; fr: string; en: string };
  /** Working days from filing to the first answer; null while unanswered. */
  daysToAnswer: number | null;
  /** The legal delay was not kept: answered after the deadline, or still unanswered past it. */
  overdue: boolean;
  open: boolean;
};

export type StatsRow = {
  agencyCode: string;
  agencyName: { ar: string; fr: string };
  categoryCode: string;
  categoryName: { ar: string; fr: string; en: string };
  received: number;
  answered: number;
  open: number;
  medianDays: number | null;
  p90Days: number | null;
  overdue: number;
};

const tenth = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export function tabulate(facts: readonly ComplaintFact[]): StatsRow[] {
  const groups = new Map<string, ComplaintFact[]>();
  for (const f of facts) {
    const key = `${f.agencyCode}\u0000${f.categoryCode}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()]
    .map((group) => {
      const first = group[0]!;
      const durations = group.map((f) => f.daysToAnswer).filter((d): d is number => d !== null);
      return {
        agencyCode: first.agencyCode,
        agencyName: first.agencyName,
        categoryCode: first.categoryCode,
        categoryName: first.categoryName,
        received: group.length,
        answered: durations.length,
        open: group.filter((f) => f.open).length,
        medianDays: tenth(percentile(durations, 0.5)),
        p90Days: tenth(percentile(durations, 0.9)),
        overdue: group.filter((f) => f.overdue).length,
      };
    })
    .sort((a, b) => a.agencyCode.localeCompare(b.agencyCode) || b.received - a.received);
}

const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote when needed; neutralise spreadsheet formulas (a cell starting with = + - @).
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function statsCsv(rows: readonly StatsRow[], locale: 'ar' | 'fr' | 'en'): string {
  const header = [
    'agency',
    'agency_name',
    'category',
    'category_name',
    'received',
    'answered',
    'open',
    'median_working_days_to_answer',
    'p90_working_days_to_answer',
    'overdue',
  ];
  const lines = rows.map((r) =>
    [
      r.agencyCode,
      locale === 'ar' ? r.agencyName.ar : r.agencyName.fr,
      r.categoryCode,
      r.categoryName[locale],
      r.received,
      r.answered,
      r.open,
      r.medianDays,
      r.p90Days,
      r.overdue,
    ]
      .map(csvCell)
      .join(','),
  );
  // A byte-order mark so spreadsheet software reads the Arabic names as UTF-8.
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

// Statistics of the notes per Moroccan calendar day, for the agencies in the caller's scope: notes
// requested (deposited), notes delivered, and the delay from deposit to delivery (average and 90th
// percentile, in calendar days and in working days of the Moroccan calendar).
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { addCalendarDays, workingDaysBetween } from '../../../engine/calendar/index.ts';
import { moroccanDate } from '../../../engine/clocks.ts';
import type { Engine } from '../../../engine/engine.ts';
import { cases } from '../../../engine/tables.ts';
import { agencies } from '../../../platform/db/tables.ts';
import { AppError } from '../../../platform/errors.ts';
import { type AgencyScope, inScope } from '../../../platform/tenancy/actor.ts';

/** The p-th percentile (0..1), interpolated between closest ranks like PostgreSQL's percentile_cont. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (rank - low);
}

const mean = (values: readonly number[]) =>
  values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export type DayStats = {
  date: string;
  requested: number;
  delivered: number;
  delayDays: { average: number | null; p90: number | null };
  delayWorkingDays: { average: number | null; p90: number | null };
};

export const MAX_RANGE_DAYS = 366;

export async function noteStats(
  engine: Engine,
  scope: AgencyScope,
  input: { from?: string; to?: string; agencyCode?: string },
) {
  const today = moroccanDate(engine.platform.now());
  const to = input.to ?? today;
  const from = input.from ?? addCalendarDays(to, -29);
  if (from > to || addCalendarDays(from, MAX_RANGE_DAYS) < to)
    throw new AppError('request.invalid', { fields: [{ pointer: '/from', in: 'query', code: 'range' }] });
  const db = engine.platform.db.orm;
  let agencyId: string | undefined;
  if (input.agencyCode) {
    const [agency] = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.code, input.agencyCode));
    if (!agency || !(scope.all || scope.agencyIds.includes(agency.id)))
      throw new AppError('enote.agency_not_found');
    agencyId = agency.id;
  }
  const day = (column: typeof cases.depositedAt) => sql`(${column} at time zone 'Africa/Casablanca')::date`;
  const where = and(
    eq(cases.procedureCode, 'NRU'),
    inScope(cases.agencyId, scope),
    agencyId ? eq(cases.agencyId, agencyId) : undefined,
  );
  // Half-open UTC bounds one day wider than the range; the day itself is decided in Morocco's time.
  const lower = new Date(`${addCalendarDays(from, -1)}T00:00:00Z`);
  const upper = new Date(`${addCalendarDays(to, 2)}T00:00:00Z`);
  const [requested, delivered] = await Promise.all([
    db
      .select({ date: sql<string>`${day(cases.depositedAt)}::text`, n: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(where, gte(cases.depositedAt, lower), lt(cases.depositedAt, upper)))
      .groupBy(day(cases.depositedAt)),
    db
      .select({ depositedAt: cases.depositedAt, closedAt: cases.closedAt })
      .from(cases)
      .where(and(where, eq(cases.state, 'delivered'), gte(cases.closedAt, lower), lt(cases.closedAt, upper))),
  ]);
  const calendar = await engine.calendar.get();
  const byDay = new Map<string, { requested: number; days: number[]; working: number[] }>();
  const entry = (date: string) => {
    const found = byDay.get(date);
    if (found) return found;
    const fresh = { requested: 0, days: [] as number[], working: [] as number[] };
    byDay.set(date, fresh);
    return fresh;
  };
  for (const r of requested) if (r.date >= from && r.date <= to) entry(r.date).requested = Number(r.n);
  for (const d of delivered) {
    if (!d.closedAt || !d.depositedAt) continue;
    const date = moroccanDate(d.closedAt);
    if (date < from || date > to) continue;
    const e = entry(date);
    e.days.push((d.closedAt.getTime() - d.depositedAt.getTime()) / 86_400_000);
    e.working.push(workingDaysBetween(moroccanDate(d.depositedAt), date, calendar));
  }
  const days: DayStats[] = [];
  for (let date = from; date <= to; date = addCalendarDays(date, 1)) {
    const e = byDay.get(date) ?? { requested: 0, days: [], working: [] };
    days.push({
      date,
      requested: e.requested,
      delivered: e.days.length,
      delayDays: { average: round1(mean(e.days)), p90: round1(percentile(e.days, 0.9)) },
      delayWorkingDays: { average: round1(mean(e.working)), p90: round1(percentile(e.working, 0.9)) },
    });
  }
  const allDays = [...byDay.values()].flatMap((e) => e.days);
  const allWorking = [...byDay.values()].flatMap((e) => e.working);
  return {
    from,
    to,
    days,
    totals: {
      requested: days.reduce((s, d) => s + d.requested, 0),
      delivered: allDays.length,
      delayDays: { average: round1(mean(allDays)), p90: round1(percentile(allDays, 0.9)) },
      delayWorkingDays: { average: round1(mean(allWorking)), p90: round1(percentile(allWorking, 0.9)) },
    },
  };
}

/** Rows as a CSV for spreadsheets (formula-safe: no cell starts with = + - @). */
export function statsCsv(stats: Awaited<ReturnType<typeof noteStats>>): string {
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const lines = [
    'date,requested,delivered,delay_days_avg,delay_days_p90,delay_working_days_avg,delay_working_days_p90',
    ...stats.days.map((d) =>
      [
        d.date,
        d.requested,
        d.delivered,
        d.delayDays.average,
        d.delayDays.p90,
        d.delayWorkingDays.average,
        d.delayWorkingDays.p90,
      ]
        .map(cell)
        .join(','),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

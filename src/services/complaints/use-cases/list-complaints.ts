// The staff's triage queue and the statistics, always within the caller's agencies.
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { workingDaysBetween } from '../../../engine/calendar/index.ts';
import { clockViews } from '../../../engine/clock-store.ts';
import { moroccanDate } from '../../../engine/clocks.ts';
import type { Engine } from '../../../engine/engine.ts';
import { caseClocks, cases } from '../../../engine/tables.ts';
import { agencies, users } from '../../../platform/db/tables.ts';
import { type Actor, type AgencyScope, inScope } from '../../../platform/tenancy/actor.ts';
import { COMPLAINT_PROCEDURE } from '../procedure.ts';
import { type ComplaintFact, type StatsRow, tabulate } from '../stats.ts';
import { complaintCategories, complaints, type Priority } from '../tables.ts';

export type StaffFilter = {
  agency?: string | undefined;
  category?: string | undefined;
  state?: string | undefined;
  priority?: Priority | undefined;
  assignee?: string | undefined;
  due?: 'overdue' | 'soon' | undefined;
  phase?: 'open' | 'closed' | 'all' | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
};

const answerDeadline = sql`(select k.deadline from case_clocks k where k.case_id = ${cases.id} and k.clock_key = 'answer' and k.status in ('running', 'expired'))`;

export async function listStaffComplaints(
  engine: Engine,
  actor: Actor,
  scope: AgencyScope,
  filter: StaffFilter,
) {
  const db = engine.platform.db.orm;
  const today = moroccanDate(engine.platform.now());
  const conditions: (SQL | undefined)[] = [
    inScope(complaints.agencyId, scope),
    sql`${cases.phase} <> 'draft'`,
  ];
  if (filter.phase !== 'all') conditions.push(eq(cases.phase, filter.phase ?? 'open'));
  if (filter.agency) conditions.push(eq(agencies.code, filter.agency));
  if (filter.category) conditions.push(eq(complaintCategories.code, filter.category));
  if (filter.state) conditions.push(eq(cases.state, filter.state));
  if (filter.priority) conditions.push(eq(complaints.priority, filter.priority));
  if (filter.assignee === 'me' && actor.kind === 'user') conditions.push(eq(cases.assignedTo, actor.userId));
  else if (filter.assignee === 'unassigned') conditions.push(isNull(cases.assignedTo));
  if (filter.due === 'overdue') conditions.push(sql`${answerDeadline} < ${today}::date`);
  else if (filter.due === 'soon') conditions.push(sql`${answerDeadline} <= ${today}::date + 5`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, '')}%`;
    conditions.push(
      sql`(${cases.reference} ilike ${like} or ${cases.title} ilike ${like} or ${complaints.address} ilike ${like})`,
    );
  }
  const where = and(...conditions);
  const base = db
    .select({
      caseRow: cases,
      complaint: complaints,
      category: { code: complaintCategories.code, name: complaintCategories.name },
      agencyCode: agencies.code,
      assigneeName: users.fullName,
    })
    .from(complaints)
    .innerJoin(cases, eq(cases.id, complaints.caseId))
    .innerJoin(complaintCategories, eq(complaintCategories.id, complaints.categoryId))
    .innerJoin(agencies, eq(agencies.id, complaints.agencyId))
    .leftJoin(users, eq(users.id, cases.assignedTo));
  const [found, total] = await Promise.all([
    base
      .where(where)
      .orderBy(sql`${answerDeadline} asc nulls last`, asc(cases.depositedAt))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(complaints)
      .innerJoin(cases, eq(cases.id, complaints.caseId))
      .innerJoin(complaintCategories, eq(complaintCategories.id, complaints.categoryId))
      .innerJoin(agencies, eq(agencies.id, complaints.agencyId))
      .where(where),
  ]);
  const clocks = found.length
    ? await db
        .select()
        .from(caseClocks)
        .where(
          inArray(
            caseClocks.caseId,
            found.map((f) => f.caseRow.id),
          ),
        )
    : [];
  const calendar = await engine.calendar.get();
  return {
    total: total[0]?.n ?? 0,
    items: found.map(({ caseRow, complaint, category, agencyCode, assigneeName }) => {
      const views = clockViews(
        COMPLAINT_PROCEDURE,
        clocks.filter((k) => k.caseId === caseRow.id),
        today,
        calendar,
      );
      const state = COMPLAINT_PROCEDURE.states[caseRow.state];
      return {
        id: caseRow.id,
        reference: caseRow.reference,
        agencyCode,
        category,
        state: {
          key: caseRow.state,
          label: state?.label ?? { ar: caseRow.state, fr: caseRow.state, en: caseRow.state },
        },
        priority: complaint.priority,
        unit: complaint.unit,
        title: caseRow.title,
        isPublic: complaint.isPublic,
        source: complaint.source,
        depositedAt: caseRow.depositedAt?.toISOString() ?? null,
        assignee: caseRow.assignedTo ? { id: caseRow.assignedTo, fullName: assigneeName ?? '' } : null,
        clock: views.find((v) => v.key === 'answer' && v.status !== 'stopped') ?? null,
      };
    }),
  };
}

export type StatsFilter = { from: string; to: string; agency?: string | undefined };

/** Complaints filed between `from` and `to` (inclusive, Moroccan dates), per agency and category. */
export async function complaintStats(
  engine: Engine,
  scope: AgencyScope,
  filter: StatsFilter,
): Promise<StatsRow[]> {
  const db = engine.platform.db.orm;
  const today = moroccanDate(engine.platform.now());
  const calendar = await engine.calendar.get();
  const found = await db
    .select({
      agencyCode: agencies.code,
      agencyNameAr: agencies.nameAr,
      agencyNameFr: agencies.nameFr,
      categoryCode: complaintCategories.code,
      categoryName: complaintCategories.name,
      depositedAt: cases.depositedAt,
      firstAnsweredAt: complaints.firstAnsweredAt,
      phase: cases.phase,
      state: cases.state,
      deadline: caseClocks.deadline,
    })
    .from(complaints)
    .innerJoin(cases, eq(cases.id, complaints.caseId))
    .innerJoin(complaintCategories, eq(complaintCategories.id, complaints.categoryId))
    .innerJoin(agencies, eq(agencies.id, complaints.agencyId))
    .leftJoin(caseClocks, and(eq(caseClocks.caseId, cases.id), eq(caseClocks.clockKey, 'answer')))
    .where(
      and(
        inScope(complaints.agencyId, scope),
        filter.agency ? eq(agencies.code, filter.agency) : undefined,
        sql`${cases.depositedAt} is not null`,
        sql`(${cases.depositedAt} at time zone 'Africa/Casablanca')::date between ${filter.from}::date and ${filter.to}::date`,
      ),
    );
  const facts: ComplaintFact[] = found.map((r) => {
    const filed = moroccanDate(r.depositedAt!);
    const answered = r.firstAnsweredAt ? moroccanDate(r.firstAnsweredAt) : null;
    const handling = ['submitted', 'triaged', 'in_progress', 'reopened'].includes(r.state);
    return {
      agencyCode: r.agencyCode,
      agencyName: { ar: r.agencyNameAr, fr: r.agencyNameFr },
      categoryCode: r.categoryCode,
      categoryName: r.categoryName,
      daysToAnswer: answered ? workingDaysBetween(filed, answered, calendar) : null,
      overdue: r.deadline ? (answered ? answered > r.deadline : handling && today > r.deadline) : false,
      open: handling,
    };
  });
  return tabulate(facts);
}

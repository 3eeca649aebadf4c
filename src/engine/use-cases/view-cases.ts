// What each side sees of cases: the applicant's space (my cases, one case with its clock, timeline,
// checklist, requests and messages) and the staff's queue and case page (plus internal notes).
import { and, asc, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { agencies, users } from '../../platform/db/tables.ts';
import { type Actor, type AgencyScope, inScope } from '../../platform/tenancy/actor.ts';
import { loadCase } from '../case-access.ts';
import { isRequired } from '../checklist.ts';
import { type ClockView, clockViews } from '../clock-store.ts';
import { daysLeft, moroccanDate, urgency } from '../clocks.ts';
import type { ProcedureDefinition } from '../definition.ts';
import type { Engine } from '../engine.ts';
import { availableTransitions, type Relation } from '../relation.ts';
import {
  type CaseRow,
  caseClocks,
  caseDocuments,
  caseEvents,
  caseMessages,
  caseNotes,
  caseRequests,
  cases,
  notifications,
} from '../tables.ts';

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

/** The clock the applicant is shown first: the legal one if running, else any running one. */
export const mainClock = (clocks: ClockView[]) =>
  clocks.find((c) => c.legal && c.status !== 'stopped') ??
  clocks.find((c) => c.status !== 'stopped') ??
  clocks[0] ??
  null;

async function people(engine: Engine, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (!wanted.length) return new Map<string, { id: string; fullName: string }>();
  return byId(
    await engine.platform.db.orm
      .select({ id: users.id, fullName: users.fullName })
      .from(users)
      .where(inArray(users.id, wanted)),
  );
}

export async function caseView(engine: Engine, caseRow: CaseRow, relation: Relation) {
  const db = engine.platform.db.orm;
  const def = engine.procedures.get(caseRow.procedureCode);
  const staff = relation.side === 'staff';
  const today = moroccanDate(engine.platform.now());
  const calendar = await engine.calendar.get();
  const [clocks, events, documents, requests, messages, notes, agency] = await Promise.all([
    db.select().from(caseClocks).where(eq(caseClocks.caseId, caseRow.id)),
    db
      .select()
      .from(caseEvents)
      .where(
        and(
          eq(caseEvents.caseId, caseRow.id),
          staff ? undefined : inArray(caseEvents.visibility, ['public', 'applicant']),
        ),
      )
      .orderBy(asc(caseEvents.id)),
    db
      .select()
      .from(caseDocuments)
      .where(and(eq(caseDocuments.caseId, caseRow.id), isNull(caseDocuments.removedAt)))
      .orderBy(asc(caseDocuments.uploadedAt)),
    db
      .select()
      .from(caseRequests)
      .where(eq(caseRequests.caseId, caseRow.id))
      .orderBy(asc(caseRequests.createdAt)),
    db
      .select()
      .from(caseMessages)
      .where(eq(caseMessages.caseId, caseRow.id))
      .orderBy(asc(caseMessages.createdAt)),
    staff
      ? db.select().from(caseNotes).where(eq(caseNotes.caseId, caseRow.id)).orderBy(asc(caseNotes.createdAt))
      : Promise.resolve([]),
    db
      .select({ code: agencies.code, nameAr: agencies.nameAr, nameFr: agencies.nameFr })
      .from(agencies)
      .where(eq(agencies.id, caseRow.agencyId)),
  ]);
  const names = await people(engine, [
    caseRow.assignedTo,
    ...events.map((e) => e.actorUserId),
    ...notes.map((n) => n.authorUserId),
    ...messages.map((m) => m.authorUserId),
  ]);
  const views = clockViews(def, clocks, today, calendar);
  const state = def.states[caseRow.state]!;
  const actions = availableTransitions(def, caseRow, relation).map((t) => ({
    key: t.key,
    kind: t.kind ?? 'normal',
    label: t.label,
    to: t.to,
    guards: t.guards ?? [],
    input: t.input ?? null,
  }));
  return {
    id: caseRow.id,
    reference: caseRow.reference,
    procedure: { code: def.code, name: def.name },
    agency: agency[0] ?? null,
    state: {
      key: caseRow.state,
      label: state.label,
      description: state.description ?? null,
      phase: state.phase,
    },
    holder: caseRow.holder,
    since: caseRow.stateEnteredAt.toISOString(),
    version: caseRow.version,
    data: caseRow.data,
    title: caseRow.title,
    communeCode: caseRow.communeCode,
    isInvestment: caseRow.isInvestment,
    createdAt: caseRow.createdAt.toISOString(),
    depositedAt: caseRow.depositedAt?.toISOString() ?? null,
    closedAt: caseRow.closedAt?.toISOString() ?? null,
    missingPiecesRequested: caseRow.missingPiecesRequestedAt !== null,
    assignee: caseRow.assignedTo
      ? { id: caseRow.assignedTo, fullName: names.get(caseRow.assignedTo)?.fullName ?? '' }
      : null,
    clock: mainClock(views),
    clocks: views,
    checklist: def.checklist.map((item) => ({
      code: item.code,
      label: item.label,
      hint: item.hint ?? null,
      requirement: item.requirement,
      required: isRequired(item, caseRow.data),
      accept: item.accept,
      maxBytes: item.maxBytes,
      documents: documents
        .filter((d) => d.checklistCode === item.code)
        .map((d) => ({
          id: d.id,
          filename: d.filename,
          mediaType: d.mediaType,
          sizeBytes: d.sizeBytes,
          uploadedAt: d.uploadedAt.toISOString(),
          uploadedSide: d.uploadedSide,
        })),
    })),
    requests: requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      checklistCodes: r.checklistCodes,
      message: r.message,
      dueOn: r.dueOn,
      state: r.state,
      createdAt: r.createdAt.toISOString(),
      answeredAt: r.answeredAt?.toISOString() ?? null,
      answer: r.answer,
    })),
    timeline: events.map((e) => ({
      id: e.id,
      at: e.occurredAt.toISOString(),
      kind: e.kind,
      transition: e.transition,
      transitionLabel: e.transition
        ? (def.transitions.find((t) => t.key === e.transition)?.label ?? null)
        : null,
      from: e.fromState,
      to: e.toState,
      toLabel: e.toState ? (def.states[e.toState]?.label ?? null) : null,
      actorSide: e.actorSide,
      actorName: staff && e.actorUserId ? (names.get(e.actorUserId)?.fullName ?? null) : null,
      payload: publicPayload(e.payload, staff),
      visibility: e.visibility,
    })),
    messages: messages.map((m) => ({
      id: m.id,
      side: m.authorSide,
      authorName:
        m.authorSide === 'staff' && !staff ? null : (names.get(m.authorUserId ?? '')?.fullName ?? null),
      body: m.body,
      at: m.createdAt.toISOString(),
    })),
    notes: notes.map((n) => ({
      id: n.id,
      authorName: names.get(n.authorUserId)?.fullName ?? '',
      body: n.body,
      at: n.createdAt.toISOString(),
    })),
    actions,
    side: relation.side,
  };
}

/** Staff see every input given with a transition; applicants see what concerns them (answers, reasons). */
function publicPayload(payload: Record<string, unknown>, staff: boolean): Record<string, unknown> {
  if (staff) return payload;
  const { assigneeId: _assignee, ...rest } = payload;
  return rest;
}

export type CaseView = Awaited<ReturnType<typeof caseView>>;

export async function getCaseView(
  engine: Engine,
  actor: Actor,
  caseId: string,
  options: { side?: 'applicant' | 'staff'; trackingVerified?: boolean } = {},
) {
  const { caseRow, relation } = await loadCase(engine.platform.db.orm, actor, caseId, options);
  return caseView(engine, caseRow, relation);
}

function summaryOf(def: ProcedureDefinition | undefined, c: CaseRow, clock: ClockView | null) {
  return {
    id: c.id,
    reference: c.reference,
    procedure: def
      ? { code: def.code, name: def.name }
      : { code: c.procedureCode, name: { ar: c.procedureCode, fr: c.procedureCode, en: c.procedureCode } },
    state: {
      key: c.state,
      label: def?.states[c.state]?.label ?? { ar: c.state, fr: c.state, en: c.state },
      phase: c.phase,
    },
    holder: c.holder,
    since: c.stateEnteredAt.toISOString(),
    title: c.title,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    depositedAt: c.depositedAt?.toISOString() ?? null,
    clock,
  };
}

export async function listMyCases(engine: Engine, userId: string) {
  const db = engine.platform.db.orm;
  const rows = await db
    .select()
    .from(cases)
    .where(eq(cases.applicantUserId, userId))
    .orderBy(desc(cases.updatedAt))
    .limit(200);
  const clocks = rows.length
    ? await db
        .select()
        .from(caseClocks)
        .where(
          inArray(
            caseClocks.caseId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const today = moroccanDate(engine.platform.now());
  const calendar = await engine.calendar.get();
  const openRequests = rows.length
    ? await db
        .select({ caseId: caseRequests.caseId, n: sql<number>`count(*)::int` })
        .from(caseRequests)
        .where(
          and(
            inArray(
              caseRequests.caseId,
              rows.map((r) => r.id),
            ),
            eq(caseRequests.state, 'open'),
          ),
        )
        .groupBy(caseRequests.caseId)
    : [];
  return rows.map((c) => {
    const def = engine.procedures.find(c.procedureCode);
    const views = def
      ? clockViews(
          def,
          clocks.filter((k) => k.caseId === c.id),
          today,
          calendar,
        )
      : [];
    return {
      ...summaryOf(def, c, mainClock(views)),
      openRequests: openRequests.find((r) => r.caseId === c.id)?.n ?? 0,
    };
  });
}

export type QueueFilter = {
  procedure?: string;
  state?: string;
  assignee?: 'me' | 'unassigned' | string;
  due?: 'overdue' | 'soon';
  phase?: 'open' | 'closed' | 'all';
  q?: string;
  limit: number;
  offset: number;
};

/** The staff work queue: cases of the caller's agencies, earliest deadline first. */
export async function listQueue(engine: Engine, actor: Actor, scope: AgencyScope, filter: QueueFilter) {
  const db = engine.platform.db.orm;
  const today = moroccanDate(engine.platform.now());
  const calendar = await engine.calendar.get();
  const conditions: (SQL | undefined)[] = [inScope(cases.agencyId, scope), sql`${cases.phase} <> 'draft'`];
  if (filter.phase !== 'all') conditions.push(eq(cases.phase, filter.phase ?? 'open'));
  if (filter.procedure) conditions.push(eq(cases.procedureCode, filter.procedure));
  if (filter.state) conditions.push(eq(cases.state, filter.state));
  if (filter.assignee === 'me' && actor.kind === 'user') conditions.push(eq(cases.assignedTo, actor.userId));
  else if (filter.assignee === 'unassigned') conditions.push(isNull(cases.assignedTo));
  else if (filter.assignee && /^[0-9a-f-]{36}$/i.test(filter.assignee))
    conditions.push(eq(cases.assignedTo, filter.assignee));
  if (filter.q) conditions.push(sql`${cases.reference} ilike ${`%${filter.q.replace(/[%_\\]/g, '')}%`}`);
  const legalDeadline = sql`(select min(k.deadline) from case_clocks k where k.case_id = ${cases.id} and k.status in ('running','paused'))`;
  if (filter.due === 'overdue') conditions.push(lt(legalDeadline, today));
  else if (filter.due === 'soon') conditions.push(sql`${legalDeadline} <= ${today}::date + 5`);
  const where = and(...conditions);
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(cases)
      .where(where)
      .orderBy(sql`${legalDeadline} asc nulls last`, asc(cases.depositedAt))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(cases).where(where),
  ]);
  const clocks = rows.length
    ? await db
        .select()
        .from(caseClocks)
        .where(
          inArray(
            caseClocks.caseId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const names = await people(
    engine,
    rows.map((r) => r.assignedTo),
  );
  const agencyRows = rows.length
    ? await db
        .select({ id: agencies.id, code: agencies.code })
        .from(agencies)
        .where(inArray(agencies.id, [...new Set(rows.map((r) => r.agencyId))]))
    : [];
  return {
    total: total[0]?.n ?? 0,
    items: rows.map((c) => {
      const def = engine.procedures.find(c.procedureCode);
      const views = def
        ? clockViews(
            def,
            clocks.filter((k) => k.caseId === c.id),
            today,
            calendar,
          )
        : [];
      return {
        ...summaryOf(def, c, mainClock(views)),
        agencyCode: agencyRows.find((a) => a.id === c.agencyId)?.code ?? '',
        assignee: c.assignedTo
          ? { id: c.assignedTo, fullName: names.get(c.assignedTo)?.fullName ?? '' }
          : null,
      };
    }),
  };
}

export async function listNotifications(engine: Engine, userId: string) {
  return engine.platform.db.orm
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(50);
}

export async function markNotificationsRead(engine: Engine, userId: string, ids: string[] | 'all') {
  const now = engine.platform.now();
  await engine.platform.db.orm
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === 'all' ? undefined : inArray(notifications.id, ids),
      ),
    );
}

export { daysLeft, or, urgency };

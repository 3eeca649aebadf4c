// The clock sweeper: reminders before a deadline, escalation and automatic transitions (tacit
// approval, automatic closing) after it, and expiry of typed requests past their due date. Each case
// is handled in its own transaction under its row lock, so several processes can sweep at once and an
// action is never done twice (actions_done).
import { and, eq, lte, sql } from 'drizzle-orm';
import type { AuditContext } from '../../platform/audit/audit-log.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import { daysLeft, moroccanDate } from '../clocks.ts';
import type { Engine } from '../engine.ts';
import { notifyApplicant, notifyStaff } from '../notify.ts';
import { caseClocks, caseEvents, caseRequests, cases } from '../tables.ts';
import { applyTransitionIn } from './apply-transition.ts';

const SYSTEM: AuditContext = { actor: { kind: 'system', label: 'clocks' } };
/** Look this many days ahead for reminders. */
const HORIZON_DAYS = 15;

export type TickReport = { clocksChecked: number; actions: string[]; requestsExpired: number };

export async function tickClocks(engine: Engine): Promise<TickReport> {
  const now = engine.platform.now();
  const today = moroccanDate(now);
  const db = engine.platform.db;
  const calendar = await engine.calendar.get();
  const report: TickReport = { clocksChecked: 0, actions: [], requestsExpired: 0 };

  const due = await db.orm
    .select({ caseId: caseClocks.caseId, clockKey: caseClocks.clockKey })
    .from(caseClocks)
    .where(
      and(
        eq(caseClocks.status, 'running'),
        lte(caseClocks.deadline, sql`${today}::date + ${HORIZON_DAYS}::int`),
      ),
    );

  for (const { caseId, clockKey } of due) {
    report.clocksChecked++;
    await db.transaction(async (tx) => {
      const [caseRow] = await tx
        .select()
        .from(cases)
        .where(eq(cases.id, caseId))
        .for('update', { skipLocked: true });
      if (!caseRow) return;
      const [clock] = await tx
        .select()
        .from(caseClocks)
        .where(
          and(
            eq(caseClocks.caseId, caseId),
            eq(caseClocks.clockKey, clockKey),
            eq(caseClocks.status, 'running'),
          ),
        );
      if (!clock) return;
      const def = engine.procedures.find(caseRow.procedureCode);
      const clockDef = def?.clocks.find((c) => c.key === clockKey);
      if (!def || !clockDef) return;
      const left = daysLeft(
        {
          key: clockKey,
          status: 'running',
          startedOn: clock.startedOn,
          deadline: clock.deadline,
          pausedOn: null,
          pausedDays: clock.pausedDays,
        },
        { days: clock.days, unit: clock.unit },
        today,
        calendar,
      );
      const done = new Set(clock.actionsDone);
      let current = caseRow;
      for (const action of clockDef.onExpiry) {
        const id =
          action.kind === 'remind'
            ? `remind:${action.daysBefore}`
            : action.kind === 'escalate'
              ? `escalate:${action.to}`
              : `transition:${action.transition}`;
        if (done.has(id)) continue;
        if (action.kind === 'remind') {
          if (left > action.daysBefore || left < 0) continue;
          const what = {
            ar: `يحل الأجل في ${clock.deadline}`,
            fr: `Échéance le ${clock.deadline}`,
            en: `Due on ${clock.deadline}`,
          };
          if (action.roles?.length || current.assignedTo) {
            await notifyStaff(tx, engine.platform, {
              def,
              caseRow: current,
              roles: action.roles ?? [],
              ...(current.assignedTo && !action.roles?.length ? { userIds: [current.assignedTo] } : {}),
              what,
              kind: 'clock.reminder',
            });
          }
          if (action.applicant)
            await notifyApplicant(tx, engine, {
              def,
              caseRow: current,
              detail: what,
              kind: 'clock.reminder',
            });
        } else if (left >= 0) {
          continue;
        } else if (action.kind === 'escalate') {
          await notifyStaff(tx, engine.platform, {
            def,
            caseRow: current,
            roles: [action.to],
            what: {
              ar: `تجاوز الأجل القانوني (${clock.deadline})`,
              fr: `Délai dépassé (${clock.deadline})`,
              en: `Deadline passed (${clock.deadline})`,
            },
            kind: 'clock.escalation',
          });
          await tx.insert(caseEvents).values({
            caseId,
            occurredAt: now,
            actorSide: 'system',
            kind: 'escalated',
            payload: { clock: clockKey, to: action.to, deadline: clock.deadline },
            visibility: 'internal',
          });
        } else {
          const transition = def.transitions.find((t) => t.key === action.transition);
          if (!transition?.from.includes(current.state)) continue;
          const outcome = await applyTransitionIn(
            engine,
            tx,
            SYSTEM,
            { caseId, transition: action.transition },
            {
              caseRow: current,
              relation: { side: 'system', isApplicant: false, roles: new Set(), userId: null },
            },
          );
          current = outcome.caseRow;
        }
        done.add(id);
        report.actions.push(`${current.reference ?? caseId}:${clockKey}:${id}`);
      }
      if (done.size !== clock.actionsDone.length) {
        const expired =
          left < 0 &&
          clockDef.onExpiry.every(
            (a) =>
              a.kind === 'remind' ||
              done.has(a.kind === 'escalate' ? `escalate:${a.to}` : `transition:${a.transition}`),
          );
        await tx
          .update(caseClocks)
          .set({
            actionsDone: [...done],
            updatedAt: now,
            ...(expired
              ? { status: sql`case when status = 'running' then 'expired' else status end` as never }
              : {}),
          })
          .where(and(eq(caseClocks.caseId, caseId), eq(caseClocks.clockKey, clockKey)));
      }
    });
  }

  // Requests the applicant let pass: expired, recorded in the timeline.
  const expired = await db.transaction(async (tx) => {
    const closed = await tx
      .update(caseRequests)
      .set({ state: 'expired' })
      .where(and(eq(caseRequests.state, 'open'), sql`${caseRequests.dueOn} < ${today}::date`))
      .returning();
    for (const r of closed) {
      await tx.insert(caseEvents).values({
        caseId: r.caseId,
        occurredAt: now,
        actorSide: 'system',
        kind: 'request_expired',
        payload: { requestId: r.id, kind: r.kind, dueOn: r.dueOn },
        visibility: 'applicant',
      });
      const [c] = await tx.select({ agencyId: cases.agencyId }).from(cases).where(eq(cases.id, r.caseId));
      await appendAudit(
        tx,
        SYSTEM,
        {
          action: 'case.request_expired',
          objectType: 'case',
          objectId: r.caseId,
          agencyId: c?.agencyId ?? null,
        },
        now,
      );
    }
    return closed.length;
  });
  report.requestsExpired = expired;
  return report;
}

/** Runs the sweeper every `intervalMs` until stopped. */
export function startClockSweeper(engine: Engine, intervalMs: number): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    if (stopped) return;
    running = tickClocks(engine).catch((error) =>
      engine.platform.log.error({ err: error }, 'clock sweep failed'),
    );
  }, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}

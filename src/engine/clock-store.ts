// Keeps the case_clocks rows in step with a case's state: start, pause, resume, stop.
import { and, eq } from 'drizzle-orm';
import type { Orm } from '../platform/db/database.ts';
import type { WorkingCalendar } from './calendar/index.ts';
import {
  type ClockState,
  daysLeft,
  pauseClock,
  resumeClock,
  startClock,
  stopClock,
  urgency,
} from './clocks.ts';
import type { ClockDefinition, ProcedureDefinition } from './definition.ts';
import { type CaseRow, type ClockRow, caseClocks } from './tables.ts';
import { workingDaysWithin } from './validate-definition.ts';

/** Investment files get the shorter legal maximum (Law 55-19: 30 days instead of 60). */
export function effectiveDays(
  def: ProcedureDefinition,
  clock: ClockDefinition,
  isInvestment: boolean,
): number {
  if (!clock.legal || !isInvestment) return clock.days;
  const cap = def.legalMaximum.investmentDays;
  return Math.min(clock.days, clock.unit === 'calendar' ? cap : workingDaysWithin(cap));
}

const toState = (row: ClockRow): ClockState => ({
  key: row.clockKey,
  status: row.status,
  startedOn: row.startedOn,
  deadline: row.deadline,
  pausedOn: row.pausedOn,
  pausedDays: row.pausedDays,
});

export async function applyClockChanges(
  tx: Orm,
  options: {
    def: ProcedureDefinition;
    caseRow: CaseRow;
    from: string;
    to: string;
    today: string;
    calendar: WorkingCalendar;
  },
): Promise<void> {
  const { def, caseRow, from, to, today, calendar } = options;
  const rows = await tx.select().from(caseClocks).where(eq(caseClocks.caseId, caseRow.id));
  const existing = new Map(rows.map((r) => [r.clockKey, r]));
  for (const clock of def.clocks) {
    const row = existing.get(clock.key);
    const days = effectiveDays(def, clock, caseRow.isInvestment);
    const unit = { days, unit: clock.unit };
    let next: ClockState | undefined;
    if (clock.stopOn.includes(to)) {
      if (row && row.status !== 'stopped') next = stopClock(toState(row));
    } else if (clock.startOn.includes(to) && (!row || (clock.restart && row.status === 'stopped'))) {
      next = startClock({ key: clock.key, ...unit }, today, calendar);
    } else if (row && (clock.pauseIn ?? []).includes(to)) {
      next = pauseClock(toState(row), today);
    } else if (row && (clock.pauseIn ?? []).includes(from) && row.status === 'paused') {
      next = resumeClock(toState(row), unit, today, calendar);
    }
    if (!next) continue;
    const values = {
      status: next.status,
      startedOn: next.startedOn,
      deadline: next.deadline,
      pausedOn: next.pausedOn,
      pausedDays: next.pausedDays,
      updatedAt: new Date(),
    };
    const where = and(eq(caseClocks.caseId, caseRow.id), eq(caseClocks.clockKey, clock.key));
    if (row) {
      const restarted = row.status === 'stopped' && next.status === 'running';
      await tx
        .update(caseClocks)
        .set(restarted ? { ...values, days, actionsDone: [] } : values)
        .where(where);
    } else {
      await tx.insert(caseClocks).values({
        caseId: caseRow.id,
        clockKey: clock.key,
        unit: clock.unit,
        days,
        legal: clock.legal,
        ...values,
      });
    }
  }
}

export type ClockView = {
  key: string;
  label: ClockDefinition['label'];
  legal: boolean;
  unit: 'working' | 'calendar';
  days: number;
  status: ClockRow['status'];
  startedOn: string;
  deadline: string;
  pausedOn: string | null;
  daysLeft: number;
  urgency: 'ok' | 'soon' | 'due' | 'overdue' | 'none';
};

export function clockViews(
  def: ProcedureDefinition,
  rows: ClockRow[],
  today: string,
  calendar: WorkingCalendar,
): ClockView[] {
  return def.clocks.flatMap((clock) => {
    const row = rows.find((r) => r.clockKey === clock.key);
    if (!row) return [];
    const unit = { days: row.days, unit: clock.unit };
    const left = daysLeft(toState(row), unit, today, calendar);
    return [
      {
        key: clock.key,
        label: clock.label,
        legal: clock.legal,
        unit: clock.unit,
        days: row.days,
        status: row.status,
        startedOn: row.startedOn,
        deadline: row.deadline,
        pausedOn: row.pausedOn,
        daysLeft: left,
        urgency: row.status === 'running' ? urgency(left, unit) : 'none',
      },
    ];
  });
}

// Legal clocks, as pure functions of dates: start, pause (waiting for the applicant), resume (the
// remaining delay continues), stop, and how much time is left. Dates are Moroccan calendar days.

import type { WorkingCalendar } from './calendar/index.ts';
import {
  addCalendarDays,
  addWorkingDays,
  calendarDaysBetween,
  workingDaysBetween,
} from './calendar/index.ts';
import type { ClockDefinition } from './definition.ts';

export type ClockStatus = 'running' | 'paused' | 'stopped' | 'expired';

export type ClockState = {
  key: string;
  status: ClockStatus;
  startedOn: string;
  /** Last day to act (inclusive). Moves later by the time spent paused. */
  deadline: string;
  pausedOn: string | null;
  /** Days (in the clock's unit) the clock has spent paused, all pauses together. */
  pausedDays: number;
};

type Unit = Pick<ClockDefinition, 'days' | 'unit'>;

const add = (unit: Unit['unit'], date: string, n: number, calendar: WorkingCalendar) =>
  unit === 'working' ? addWorkingDays(date, n, calendar) : addCalendarDays(date, n);

const between = (unit: Unit['unit'], from: string, to: string, calendar: WorkingCalendar) =>
  unit === 'working' ? workingDaysBetween(from, to, calendar) : calendarDaysBetween(from, to);

export function startClock(
  def: Unit & { key: string },
  today: string,
  calendar: WorkingCalendar,
): ClockState {
  return {
    key: def.key,
    status: 'running',
    startedOn: today,
    deadline: add(def.unit, today, def.days, calendar),
    pausedOn: null,
    pausedDays: 0,
  };
}

export function pauseClock(clock: ClockState, today: string): ClockState {
  if (clock.status !== 'running') return clock;
  return { ...clock, status: 'paused', pausedOn: today };
}

/** The time spent paused is given back: the deadline moves by as many days (of the clock's unit). */
export function resumeClock(
  clock: ClockState,
  def: Unit,
  today: string,
  calendar: WorkingCalendar,
): ClockState {
  if (clock.status !== 'paused' || !clock.pausedOn) return clock;
  const paused = Math.max(0, between(def.unit, clock.pausedOn, today, calendar));
  return {
    ...clock,
    status: 'running',
    pausedOn: null,
    pausedDays: clock.pausedDays + paused,
    deadline: paused > 0 ? add(def.unit, clock.deadline, paused, calendar) : clock.deadline,
  };
}

export function stopClock(clock: ClockState): ClockState {
  return clock.status === 'stopped' ? clock : { ...clock, status: 'stopped', pausedOn: null };
}

/**
 * Days left before the deadline, in the clock's unit (0 on the last day, negative when overdue).
 * A paused clock keeps the days it had when it was paused.
 */
export function daysLeft(clock: ClockState, def: Unit, today: string, calendar: WorkingCalendar): number {
  const from = clock.status === 'paused' && clock.pausedOn ? clock.pausedOn : today;
  if (from <= clock.deadline) return between(def.unit, from, clock.deadline, calendar);
  // Overdue: at least one day late, even when the days since the deadline were all days off.
  return -Math.max(1, between(def.unit, clock.deadline, from, calendar));
}

export const isOverdue = (clock: ClockState, today: string) =>
  clock.status === 'running' && today > clock.deadline;

/** Today's date in Morocco (Africa/Casablanca), whatever the server's time zone. */
export function moroccanDate(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Africa/Casablanca',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return parts;
}

/** Traffic-light for queues: plenty of time, getting close, due today or overdue. */
export function urgency(left: number, def: Unit): 'ok' | 'soon' | 'due' | 'overdue' {
  if (left < 0) return 'overdue';
  if (left === 0) return 'due';
  return left <= Math.max(2, Math.ceil(def.days / 5)) ? 'soon' : 'ok';
}

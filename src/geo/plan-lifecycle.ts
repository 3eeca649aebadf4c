// The lifecycle of a planning document version, and its state on a given date. The recorded status
// is today's; the dates (enquiry, approval, end of effects, replacement) say what held on any day, so
// a note drafted for a past date reads the plans of that date.
import type { PlanStatus } from './tables.ts';

/** Loi 12-90, art. 28: the effects of a plan d'aménagement end ten years after its decree. */
export const EFFECTS_YEARS = 10;

export type VersionDates = {
  status: PlanStatus;
  enquiryStart: string | null;
  approvedOn: string | null;
  effectsUntil: string | null;
  replacedOn: string | null;
};

/** What a version was on a date: in force, under public enquiry, expired (effects ended, not yet replaced)… */
export type StatusAt = 'in_force' | 'public_enquiry' | 'expired' | 'replaced' | 'not_applicable';

/** Dates are 'YYYY-MM-DD' strings, so they compare as text. */
export function statusAt(v: VersionDates, at: string): StatusAt {
  if (v.status === 'in_study') return 'not_applicable';
  if (v.replacedOn !== null && v.replacedOn <= at) return 'replaced';
  if (v.approvedOn !== null && v.approvedOn <= at) {
    if (v.effectsUntil !== null && v.effectsUntil <= at) return 'expired';
    return 'in_force';
  }
  if (v.enquiryStart !== null && v.enquiryStart <= at) return 'public_enquiry';
  return 'not_applicable';
}

/** The statuses a person may set from each status ('replaced' is set by approving a newer version). */
export const TRANSITIONS: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  in_study: ['public_enquiry', 'approved'],
  public_enquiry: ['approved', 'in_study'],
  approved: ['expired'],
  expired: [],
  replaced: [],
};

export const canTransition = (from: PlanStatus, to: PlanStatus) => TRANSITIONS[from].includes(to);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** '2019-07-12' + 10 years → '2029-07-12' (29 February → 28 February). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCDate() !== d) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** The calendar date of an instant in Morocco (Africa/Casablanca). */
export function moroccanDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(instant);
}

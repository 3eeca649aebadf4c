import { describe, expect, it } from 'vitest';
import { addYears, canTransition, isIsoDate, statusAt, type VersionDates } from './plan-lifecycle.ts';

const approved: VersionDates = {
  status: 'approved',
  enquiryStart: '2019-01-10',
  approvedOn: '2019-07-12',
  effectsUntil: '2029-07-12',
  replacedOn: null,
};

describe('statusAt', () => {
  it('follows a plan from its enquiry to the end of its effects', () => {
    expect(statusAt(approved, '2018-12-31')).toBe('not_applicable');
    expect(statusAt(approved, '2019-03-01')).toBe('public_enquiry');
    expect(statusAt(approved, '2019-07-12')).toBe('in_force');
    expect(statusAt(approved, '2029-07-11')).toBe('in_force');
    expect(statusAt(approved, '2029-07-12')).toBe('expired');
  });

  it('stops at the replacement date, and ignores versions in study', () => {
    const replaced = { ...approved, status: 'replaced' as const, replacedOn: '2025-01-01' };
    expect(statusAt(replaced, '2024-12-31')).toBe('in_force');
    expect(statusAt(replaced, '2025-01-01')).toBe('replaced');
    expect(statusAt({ ...approved, status: 'in_study', approvedOn: null }, '2020-01-01')).toBe(
      'not_applicable',
    );
  });
});

describe('lifecycle', () => {
  it('allows the transitions of the procedure only', () => {
    expect(canTransition('in_study', 'public_enquiry')).toBe(true);
    expect(canTransition('public_enquiry', 'approved')).toBe(true);
    expect(canTransition('approved', 'expired')).toBe(true);
    expect(canTransition('approved', 'in_study')).toBe(false);
    expect(canTransition('replaced', 'approved')).toBe(false);
  });

  it('counts ten years of effects, and checks dates', () => {
    expect(addYears('2019-07-12', 10)).toBe('2029-07-12');
    expect(addYears('2024-02-29', 10)).toBe('2034-02-28');
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('28/02/2026')).toBe(false);
  });
});

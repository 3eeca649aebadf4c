import { describe, expect, it } from 'vitest';
import { LAW_55_19_MAXIMUM } from '../../engine/definition.ts';
import { validateDefinition, workingDaysWithin } from '../../engine/validate-definition.ts';
import { COMPLAINT_PROCEDURE, MAX_ANSWER_DAYS } from './procedure.ts';

describe('the complaint procedure', () => {
  it('passes the engine validator', () => {
    expect(validateDefinition(COMPLAINT_PROCEDURE)).toEqual([]);
  });

  it('caps the answer delay at the Law 55-19 maximum, in working days', () => {
    expect(MAX_ANSWER_DAYS).toBe(workingDaysWithin(LAW_55_19_MAXIMUM.days));
    const answer = COMPLAINT_PROCEDURE.clocks.find((c) => c.key === 'answer')!;
    expect(answer).toMatchObject({ legal: true, unit: 'working', days: MAX_ANSWER_DAYS });
    // One day more and the validator refuses it.
    const longer = {
      ...COMPLAINT_PROCEDURE,
      clocks: COMPLAINT_PROCEDURE.clocks.map((c) => (c.key === 'answer' ? { ...c, days: c.days + 1 } : c)),
    };
    expect(validateDefinition(longer).map((p) => p.path)).toContain('clocks.answer');
  });

  it('lets only the complainant reopen, and only after an answer', () => {
    const reopen = COMPLAINT_PROCEDURE.transitions.find((t) => t.key === 'reopen')!;
    expect(reopen.from).toEqual(['answered']);
    expect(reopen.by).toEqual(['applicant']);
    const auto = COMPLAINT_PROCEDURE.clocks.find((c) => c.key === 'reopen_window')!;
    expect(auto.onExpiry).toEqual([{ kind: 'transition', transition: 'auto_close' }]);
  });

  it('ends in closed states for merged, not competent, dismissed and withdrawn complaints', () => {
    for (const state of ['closed', 'merged', 'not_competent', 'dismissed', 'withdrawn'])
      expect(COMPLAINT_PROCEDURE.states[state]?.phase).toBe('closed');
  });
});

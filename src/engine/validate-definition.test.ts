import { describe, expect, it } from 'vitest';
import { INFORMATION_REQUEST } from '../services/information-request/procedure.ts';
import { PROCEDURES } from '../services/procedures.ts';
import type { ProcedureDefinition } from './definition.ts';
import { validateDefinition } from './validate-definition.ts';

const paths = (def: ProcedureDefinition) => validateDefinition(def).map((p) => `${p.path}: ${p.message}`);
const base = INFORMATION_REQUEST;

describe('procedure definitions', () => {
  it('every registered procedure is valid', () => {
    for (const def of PROCEDURES) expect(paths(def), def.code).toEqual([]);
  });

  it('rejects unreachable states', () => {
    const def = {
      ...base,
      states: {
        ...base.states,
        limbo: { label: { ar: 'برزخ', fr: 'Limbes', en: 'Limbo' }, holder: 'agency', phase: 'closed' },
      },
    } as ProcedureDefinition;
    expect(paths(def)).toContain('states.limbo: unreachable from the initial state');
  });

  it('rejects transitions to nowhere and open states with no way out', () => {
    const def = {
      ...base,
      transitions: base.transitions.map((t) => (t.key === 'answer' ? { ...t, to: 'nowhere' } : t)),
    } as ProcedureDefinition;
    expect(paths(def)).toContain('transitions[4:answer].to: unknown state "nowhere"');
    const stuck = {
      ...base,
      transitions: base.transitions.filter((t) => !['close', 'auto_close'].includes(t.key)),
    } as ProcedureDefinition;
    expect(paths(stuck)).toContain(
      'states.answered: an open state with no transition out (the case would be stuck)',
    );
  });

  it('rejects clocks without an expiry action, or longer than Law 55-19 allows', () => {
    const def = {
      ...base,
      clocks: base.clocks.map((c) => (c.key === 'answer' ? { ...c, onExpiry: [], days: 45 } : c)),
    } as ProcedureDefinition;
    const found = paths(def);
    expect(found).toContain('clocks.answer.onExpiry: a clock needs an expiry action');
    expect(found).toContain('clocks.answer: exceeds the Law 55-19 maximum of 60 days');
  });

  it('requires legal clocks to pause while missing pieces are awaited', () => {
    const def = {
      ...base,
      clocks: base.clocks.map((c) => (c.key === 'answer' ? { ...c, pauseIn: [] } : c)),
    } as ProcedureDefinition;
    expect(paths(def)).toContain(
      'clocks.answer: must pause while missing pieces are awaited (state "awaiting_pieces")',
    );
  });

  it('rejects checklist items without labels in all three languages', () => {
    const def = {
      ...base,
      checklist: [
        ...base.checklist,
        {
          code: 'plan',
          label: { ar: 'تصميم', fr: 'Plan', en: '' },
          requirement: 'mandatory',
          accept: ['application/pdf'],
          maxBytes: 1000,
        },
      ],
    } as ProcedureDefinition;
    expect(paths(def)).toContain('checklist.plan.label: label missing in en');
  });

  it('rejects a system transition the system cannot fire and a refusal leaving a closed state', () => {
    const def = {
      ...base,
      clocks: base.clocks.map((c) =>
        c.key === 'auto_close' ? { ...c, onExpiry: [{ kind: 'transition', transition: 'close' }] } : c,
      ),
      transitions: base.transitions.map((t) =>
        t.key === 'close' ? { ...t, from: ['answered', 'withdrawn'] } : t,
      ),
    } as ProcedureDefinition;
    const found = paths(def);
    expect(found).toContain('clocks.auto_close.onExpiry: transition "close" cannot be fired by the system');
    expect(found).toContain('transitions[7:close]: leaves closed state "withdrawn" (only an appeal may)');
  });
});

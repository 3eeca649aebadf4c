import { describe, expect, it } from 'vitest';
import { zoneFamilyOf } from './zone-families.ts';

describe('zoneFamilyOf', () => {
  it('reads the family from the codes Moroccan plans use', () => {
    const cases: Record<string, string> = {
      B4: 'immeubles',
      B6: 'immeubles',
      IM4: 'immeubles',
      D1: 'villas',
      D2: 'villas',
      VI: 'villas',
      E2: 'habitat_economique',
      E4: 'habitat_economique',
      HM: 'habitat_traditionnel',
      I: 'industrial',
      ZI: 'industrial',
      EQ: 'equipment',
      EV: 'green',
      ZV: 'green',
      RA: 'agricultural',
      NA: 'agricultural',
      ZT: 'tourism',
    };
    for (const [code, family] of Object.entries(cases)) expect(zoneFamilyOf(code), code).toBe(family);
  });

  it('falls back on the plan category, then other', () => {
    expect(zoneFamilyOf('X9', 'green')).toBe('green');
    expect(zoneFamilyOf('X9')).toBe('other');
  });
});

import { describe, expect, it } from 'vitest';
import {
  computeFee,
  type Exemption,
  type TariffRule,
  tariffInputs,
  tariffProblems,
  toHundredths,
} from './tariff.ts';

const label = { ar: 'خدمة', fr: 'Service', en: 'Service' };
const tariff = (rule: TariffRule, exemptions: Exemption[] = []) => ({ label, rule, exemptions });
const PUBLIC_BODY: Exemption = {
  code: 'public_body',
  label: { ar: 'إدارة', fr: 'Administration', en: 'Administration' },
  when: { field: 'requester_kind', equals: 'public_body' },
  percent: 100,
};

describe('fees from tariffs', () => {
  it('fixed amounts', () => {
    expect(computeFee(tariff({ kind: 'fixed', amountCentimes: 25_000 }), {})).toMatchObject({
      amountCentimes: 25_000,
      lines: [{ kind: 'base', amountCentimes: 25_000, quantity: null }],
      exemption: null,
    });
  });

  it('per m² of floor area, with decimals and bounds, rounded half up on integers', () => {
    const rule: TariffRule = { kind: 'per_unit', basis: 'floor_area_m2', unit: 'm2', centimesPerUnit: 300 };
    expect(computeFee(tariff(rule), { floor_area_m2: 120 }).amountCentimes).toBe(36_000);
    // 120.55 m² × 3.00 MAD = 361.65 MAD
    expect(computeFee(tariff(rule), { floor_area_m2: 120.55 }).amountCentimes).toBe(36_165);
    // 0.005 m² rounds to 0.01 m²; 0.01 × 3.00 MAD = 0.03 MAD
    expect(computeFee(tariff(rule), { floor_area_m2: '0,005' }).amountCentimes).toBe(3);
    // 1.005 is 1.00499999… as a float: the string of the number decides, not the float.
    expect(toHundredths(1.005, 'm2')).toBe(101n);
    const centimesRate: TariffRule = { ...rule, centimesPerUnit: 333 };
    // 10.5 m² × 3.33 MAD = 34.965 → 34.97 MAD (half up)
    expect(computeFee(tariff(centimesRate), { floor_area_m2: 10.5 }).amountCentimes).toBe(3_497);
    const bounded: TariffRule = { ...rule, minimumCentimes: 50_000, maximumCentimes: 1_000_000 };
    expect(computeFee(tariff(bounded), { floor_area_m2: 10 }).amountCentimes).toBe(50_000);
    expect(computeFee(tariff(bounded), { floor_area_m2: 100_000 }).amountCentimes).toBe(1_000_000);
    expect(computeFee(tariff(rule), { floor_area_m2: 120.5 }).lines[0]).toMatchObject({
      quantity: '120.5',
      unit: 'm2',
      unitCentimes: 300,
    });
  });

  it('bands of land area, bounds inclusive', () => {
    const rule: TariffRule = {
      kind: 'bands',
      basis: 'land_area_m2',
      unit: 'm2',
      bands: [
        { upTo: 1000, amountCentimes: 100_000 },
        { upTo: 5000, amountCentimes: 250_000 },
        { upTo: null, amountCentimes: 600_000 },
      ],
    };
    expect(computeFee(tariff(rule), { land_area_m2: 1000 }).amountCentimes).toBe(100_000);
    expect(computeFee(tariff(rule), { land_area_m2: 1000.01 }).amountCentimes).toBe(250_000);
    expect(computeFee(tariff(rule), { land_area_m2: 5000 }).amountCentimes).toBe(250_000);
    expect(computeFee(tariff(rule), { land_area_m2: 250_000 }).amountCentimes).toBe(600_000);
  });

  it('a rule per choice, per copy', () => {
    const rule: TariffRule = {
      kind: 'choice',
      field: 'document_kind',
      options: {
        regulation_extract: {
          label,
          rule: { kind: 'per_unit', basis: 'copies', unit: 'copy', centimesPerUnit: 10_000 },
        },
        plan_print: {
          label,
          rule: { kind: 'per_unit', basis: 'copies', unit: 'copy', centimesPerUnit: 25_000 },
        },
      },
    };
    expect(computeFee(tariff(rule), { document_kind: 'plan_print', copies: 3 }).amountCentimes).toBe(75_000);
    expect(computeFee(tariff(rule), { document_kind: 'regulation_extract', copies: 1 }).amountCentimes).toBe(
      10_000,
    );
    expect(() => computeFee(tariff(rule), { document_kind: 'plan_print', copies: 1.5 })).toThrow(
      'payment.tariff_input_missing',
    );
    expect(() => computeFee(tariff(rule), { document_kind: 'other', copies: 1 })).toThrow(
      'payment.tariff_input_missing',
    );
    expect(tariffInputs(rule, [PUBLIC_BODY]).sort()).toEqual(['copies', 'document_kind', 'requester_kind']);
  });

  it('exemptions, full or partial, as a negative line', () => {
    const rule: TariffRule = { kind: 'fixed', amountCentimes: 25_001 };
    expect(computeFee(tariff(rule, [PUBLIC_BODY]), { requester_kind: 'public_body' })).toMatchObject({
      amountCentimes: 0,
      exemption: { code: 'public_body', percent: 100 },
      lines: [{ amountCentimes: 25_001 }, { kind: 'exemption', amountCentimes: -25_001 }],
    });
    const half: Exemption = {
      ...PUBLIC_BODY,
      code: 'social',
      when: { field: 'social_housing' },
      percent: 50,
    };
    // 250.01 MAD × 50 % = 125.005 → 125.01 MAD off (half up), 125.00 MAD due
    expect(computeFee(tariff(rule, [half]), { social_housing: true }).amountCentimes).toBe(12_500);
    expect(computeFee(tariff(rule, [half]), { social_housing: false }).amountCentimes).toBe(25_001);
  });

  it('refuses missing or absurd quantities', () => {
    const rule: TariffRule = { kind: 'per_unit', basis: 'floor_area_m2', unit: 'm2', centimesPerUnit: 300 };
    for (const value of [undefined, null, '', 0, -5, 'ten', Number.NaN, 1e12, '1e3'])
      expect(() => computeFee(tariff(rule), { floor_area_m2: value })).toThrow(
        'payment.tariff_input_missing',
      );
  });

  it('checks a tariff before it is saved', () => {
    expect(tariffProblems({ kind: 'fixed', amountCentimes: 100 })).toEqual([]);
    expect(tariffProblems({ kind: 'fixed', amountCentimes: 1.5 })).toEqual(['rule.amountCentimes']);
    expect(
      tariffProblems({
        kind: 'bands',
        basis: 'land_area_m2',
        unit: 'm2',
        bands: [
          { upTo: null, amountCentimes: 1 },
          { upTo: 10, amountCentimes: 2 },
        ],
      }),
    ).toEqual(['rule.bands[0].upTo']);
    expect(tariffProblems({ kind: 'fixed', amountCentimes: 1 }, [{ ...PUBLIC_BODY, percent: 0 }])).toEqual([
      'exemptions[0].percent',
    ]);
  });
});

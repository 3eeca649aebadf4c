// Tariffs as data, and the pure computation of a fee from a tariff and a case's data. Amounts are
// integer centimes of MAD; quantities (areas, copies) are counted in hundredths so that no float ever
// reaches an amount. Every rounding is half up, on integers.
import { AppError } from '../platform/errors.ts';
import type { Localized } from '../platform/i18n/locale.ts';
import './problems.ts';

export type TariffUnit = 'm2' | 'copy' | 'sheet';

/**
 * - fixed: one amount;
 * - per_unit: a rate per unit of a numeric case field (`floor_area_m2`, `land_area_m2`, `copies`),
 *   optionally bounded by a minimum and a maximum;
 * - bands: the amount of the first band whose upper bound (`upTo`, inclusive; null = no bound) holds
 *   the quantity;
 * - choice: a rule per value of a case field (the kind of document ordered…).
 */
export type TariffRule =
  | { kind: 'fixed'; amountCentimes: number }
  | {
      kind: 'per_unit';
      basis: string;
      unit: TariffUnit;
      centimesPerUnit: number;
      minimumCentimes?: number;
      maximumCentimes?: number;
    }
  | {
      kind: 'bands';
      basis: string;
      unit: TariffUnit;
      bands: readonly { upTo: number | null; amountCentimes: number }[];
    }
  | {
      kind: 'choice';
      field: string;
      options: Readonly<Record<string, { label: Localized; rule: TariffRule }>>;
    };

/** A full or partial exemption, when a case field has a value (or is truthy). */
export type Exemption = {
  code: string;
  label: Localized;
  when: { field: string; equals?: string | number | boolean };
  /** 1–100. */
  percent: number;
};

/** One line of the fee shown to the applicant and kept on the order. */
export type FeeLine = {
  kind: 'base' | 'exemption';
  label: Localized;
  /** The quantity as typed, normalised (`120.5`, `2`), when the line depends on one. */
  quantity: string | null;
  unit: TariffUnit | null;
  /** The rate per unit, for per-unit lines. */
  unitCentimes: number | null;
  /** Negative for an exemption. */
  amountCentimes: number;
};

export type FeeComputation = {
  amountCentimes: number;
  lines: FeeLine[];
  exemption: { code: string; percent: number } | null;
};

const MAX_HUNDREDTHS = 10_000_000_000n; // 100 million units

/** `value` as an integer number of hundredths, or null when it is not a positive quantity. */
export const toHundredths = (value: unknown, unit: TariffUnit): bigint | null => {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0 || value > 1e9) return null;
    text = value.toFixed(6);
  } else if (typeof value === 'string' && /^\s*\d+([.,]\d+)?\s*$/.test(value)) {
    text = value.trim().replace(',', '.');
  } else return null;
  const [whole = '0', fraction = ''] = text.split('.');
  const digits = `${fraction}000`.slice(0, 3);
  // Hundredths, rounded half up on the third decimal.
  const thousandths = BigInt(whole) * 1000n + BigInt(digits);
  const hundredths = (thousandths + 5n) / 10n;
  if (hundredths <= 0n || hundredths > MAX_HUNDREDTHS) return null;
  if (unit !== 'm2' && hundredths % 100n !== 0n) return null; // copies and sheets are whole
  return hundredths;
};

const formatQuantity = (hundredths: bigint): string => {
  const whole = hundredths / 100n;
  const fraction = hundredths % 100n;
  return fraction === 0n
    ? whole.toString()
    : `${whole}.${fraction.toString().padStart(2, '0').replace(/0$/, '')}`;
};

/** Integer division rounded half up (non-negative operands). */
const divideHalfUp = (numerator: bigint, denominator: bigint): bigint =>
  (numerator * 2n + denominator) / (denominator * 2n);

const quantityOf = (data: Record<string, unknown>, basis: string, unit: TariffUnit): bigint => {
  const hundredths = toHundredths(data[basis], unit);
  if (hundredths === null)
    throw new AppError('payment.tariff_input_missing', {
      params: { field: basis },
      fields: [{ pointer: `/data/${basis}`, in: 'body', code: 'required' }],
    });
  return hundredths;
};

const baseLines = (
  rule: TariffRule,
  data: Record<string, unknown>,
  label: Localized,
): { amountCentimes: number; line: FeeLine } => {
  switch (rule.kind) {
    case 'fixed':
      return {
        amountCentimes: rule.amountCentimes,
        line: {
          kind: 'base',
          label,
          quantity: null,
          unit: null,
          unitCentimes: null,
          amountCentimes: rule.amountCentimes,
        },
      };
    case 'per_unit': {
      const quantity = quantityOf(data, rule.basis, rule.unit);
      let amount = divideHalfUp(quantity * BigInt(rule.centimesPerUnit), 100n);
      if (rule.minimumCentimes !== undefined && amount < BigInt(rule.minimumCentimes))
        amount = BigInt(rule.minimumCentimes);
      if (rule.maximumCentimes !== undefined && amount > BigInt(rule.maximumCentimes))
        amount = BigInt(rule.maximumCentimes);
      const amountCentimes = Number(amount);
      return {
        amountCentimes,
        line: {
          kind: 'base',
          label,
          quantity: formatQuantity(quantity),
          unit: rule.unit,
          unitCentimes: rule.centimesPerUnit,
          amountCentimes,
        },
      };
    }
    case 'bands': {
      const quantity = quantityOf(data, rule.basis, rule.unit);
      const band = rule.bands.find((b) => b.upTo === null || quantity <= BigInt(Math.round(b.upTo * 100)));
      if (!band) throw new AppError('payment.tariff_invalid', { params: { reason: 'no band' } });
      return {
        amountCentimes: band.amountCentimes,
        line: {
          kind: 'base',
          label,
          quantity: formatQuantity(quantity),
          unit: rule.unit,
          unitCentimes: null,
          amountCentimes: band.amountCentimes,
        },
      };
    }
    case 'choice': {
      const value = data[rule.field];
      const option = typeof value === 'string' ? rule.options[value] : undefined;
      if (!option)
        throw new AppError('payment.tariff_input_missing', {
          params: { field: rule.field },
          fields: [{ pointer: `/data/${rule.field}`, in: 'body', code: 'required' }],
        });
      return baseLines(option.rule, data, option.label);
    }
  }
};

const applies = (exemption: Exemption, data: Record<string, unknown>): boolean => {
  const value = data[exemption.when.field];
  return exemption.when.equals === undefined ? Boolean(value) : value === exemption.when.equals;
};

/** The fee a case owes under a tariff: its lines and total. Throws when a needed field is missing. */
export function computeFee(
  tariff: { label: Localized; rule: TariffRule; exemptions: readonly Exemption[] },
  data: Record<string, unknown>,
): FeeComputation {
  const base = baseLines(tariff.rule, data, tariff.label);
  const lines: FeeLine[] = [base.line];
  const exemption = tariff.exemptions.find((e) => applies(e, data)) ?? null;
  let amountCentimes = base.amountCentimes;
  if (exemption) {
    const off = Number(divideHalfUp(BigInt(base.amountCentimes) * BigInt(exemption.percent), 100n));
    lines.push({
      kind: 'exemption',
      label: exemption.label,
      quantity: null,
      unit: null,
      unitCentimes: null,
      amountCentimes: -off,
    });
    amountCentimes -= off;
  }
  return {
    amountCentimes,
    lines,
    exemption: exemption ? { code: exemption.code, percent: exemption.percent } : null,
  };
}

/** The case fields a tariff reads (what an estimate form must ask for). */
export function tariffInputs(rule: TariffRule, exemptions: readonly Exemption[] = []): string[] {
  const fields = new Set<string>();
  const walk = (r: TariffRule) => {
    if (r.kind === 'per_unit' || r.kind === 'bands') fields.add(r.basis);
    if (r.kind === 'choice') {
      fields.add(r.field);
      for (const option of Object.values(r.options)) walk(option.rule);
    }
  };
  walk(rule);
  for (const e of exemptions) fields.add(e.when.field);
  return [...fields];
}

const isCentimes = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/** Problems in a tariff rule (empty when valid): checked before a tariff is saved. */
export function tariffProblems(rule: TariffRule, exemptions: readonly Exemption[] = []): string[] {
  const problems: string[] = [];
  const walk = (r: TariffRule, path: string) => {
    switch (r.kind) {
      case 'fixed':
        if (!isCentimes(r.amountCentimes)) problems.push(`${path}.amountCentimes`);
        break;
      case 'per_unit':
        if (!isCentimes(r.centimesPerUnit) || r.centimesPerUnit === 0)
          problems.push(`${path}.centimesPerUnit`);
        if (r.minimumCentimes !== undefined && !isCentimes(r.minimumCentimes))
          problems.push(`${path}.minimum`);
        if (r.maximumCentimes !== undefined && !isCentimes(r.maximumCentimes))
          problems.push(`${path}.maximum`);
        break;
      case 'bands': {
        if (r.bands.length === 0) problems.push(`${path}.bands`);
        let last = 0;
        for (const [i, b] of r.bands.entries()) {
          if (!isCentimes(b.amountCentimes)) problems.push(`${path}.bands[${i}].amountCentimes`);
          if (b.upTo === null) {
            if (i !== r.bands.length - 1) problems.push(`${path}.bands[${i}].upTo`);
          } else if (!(b.upTo > last)) problems.push(`${path}.bands[${i}].upTo`);
          else last = b.upTo;
        }
        break;
      }
      case 'choice':
        if (Object.keys(r.options).length === 0) problems.push(`${path}.options`);
        for (const [key, option] of Object.entries(r.options)) walk(option.rule, `${path}.options.${key}`);
        break;
      default:
        problems.push(`${path}.kind`);
    }
  };
  walk(rule, 'rule');
  for (const [i, e] of exemptions.entries()) {
    if (!Number.isInteger(e.percent) || e.percent < 1 || e.percent > 100)
      problems.push(`exemptions[${i}].percent`);
  }
  return problems;
}

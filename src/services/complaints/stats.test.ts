import { describe, expect, it } from 'vitest';
import { type ComplaintFact, percentile, statsCsv, tabulate } from './stats.ts';

describe('percentile', () => {
  it('interpolates like percentile_cont', () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
});

const fact = (over: Partial<ComplaintFact>): ComplaintFact => ({
  agencyCode: 'AUST',
  agencyName: { ar: 'و', fr: 'Agence' },
  categoryCode: 'unauthorised_building',
  categoryName: { ar: 'بناء', fr: 'Construction', en: 'Building' },
  daysToAnswer: null,
  overdue: false,
  open: false,
  ...over,
});

describe('tabulate', () => {
  it('counts received, answered, open and overdue, with median and p90 of answered ones', () => {
    const rows = tabulate([
      fact({ daysToAnswer: 2 }),
      fact({ daysToAnswer: 10 }),
      fact({ daysToAnswer: 30, overdue: true }),
      fact({ open: true, overdue: true }),
      fact({ open: true }),
      fact({ categoryCode: 'other', daysToAnswer: 5 }),
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      categoryCode: 'unauthorised_building',
      received: 5,
      answered: 3,
      open: 2,
      medianDays: 10,
      p90Days: 26,
      overdue: 2,
    });
    expect(rows[1]).toMatchObject({ categoryCode: 'other', received: 1, answered: 1, medianDays: 5 });
  });
});

describe('statsCsv', () => {
  it('writes a header, one line per row, UTF-8 with a BOM, and neutralises formulas', () => {
    const csv = statsCsv(
      tabulate([fact({ daysToAnswer: 3, categoryName: { ar: 'ب', fr: '=HYPERLINK("x")', en: 'x' } })]),
      'fr',
    );
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe(
      'agency,agency_name,category,category_name,received,answered,open,median_working_days_to_answer,p90_working_days_to_answer,overdue',
    );
    expect(lines[1]).toBe('AUST,Agence,unauthorised_building,"\'=HYPERLINK(""x"")",1,1,0,3,3,0');
    expect(csv.startsWith('\uFEFF')).toBe(true);
  });
});

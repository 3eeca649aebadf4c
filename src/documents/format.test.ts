import { describe, expect, it } from 'vitest';
import {
  formatDecimal,
  formatMad,
  formatPercent,
  ltr,
  moroccanCalendarDate,
  officialDate,
  officialDateTime,
  stripBidiControls,
} from './format.ts';

describe('officialDate', () => {
  it('gives Gregorian and Hijri dates in Arabic and French, with Western digits', () => {
    expect(officialDate('2026-11-22')).toEqual({
      iso: '2026-11-22',
      gregorianAr: '22 نونبر 2026',
      gregorianFr: '22 novembre 2026',
      hijriAr: '12 جمادى الآخرة 1448 هـ',
      hijriFr: '12 joumada ath-thania 1448 H',
    });
  });

  it('uses Moroccan month names', () => {
    expect(officialDate('2026-07-01').gregorianAr).toBe('1 يوليوز 2026');
    expect(officialDate('2026-08-15').gregorianAr).toBe('15 غشت 2026');
  });

  it('accepts the ministry calendar when it differs from Umm al-Qura', () => {
    const date = officialDate('2026-11-22', {
      hijriAr: '11 جمادى الآخرة 1448 هـ',
      hijriFr: '11 joumada ath-thania 1448 H',
    });
    expect(date.hijriAr).toBe('11 جمادى الآخرة 1448 هـ');
  });

  it('rejects malformed or impossible dates', () => {
    expect(() => officialDate('2026-02-30')).toThrow(/documents.invalid_input/);
    expect(() => officialDate('22/11/2026')).toThrow(/documents.invalid_input/);
  });
});

describe('officialDateTime / moroccanCalendarDate', () => {
  it('prints instants in Morocco legal time (UTC+1 outside Ramadan)', () => {
    expect(officialDateTime(new Date('2026-11-22T09:42:00Z'))).toEqual({
      ar: '22 نونبر 2026 - 10:42',
      fr: '22 novembre 2026 à 10:42',
    });
    expect(moroccanCalendarDate(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
  });
});

describe('money and numbers', () => {
  it('formats integer centimes as MAD with centimes', () => {
    expect(formatMad(25000)).toEqual({ number: '250,00', fr: '250,00 MAD', ar: '250,00 درهم' });
    expect(formatMad(123456789).fr).toBe('1 234 567,89 MAD');
    expect(formatMad(5).fr).toBe('0,05 MAD');
  });

  it('refuses floats and negative amounts', () => {
    expect(() => formatMad(250.5)).toThrow(/documents.invalid_input/);
    expect(() => formatMad(-1)).toThrow(/documents.invalid_input/);
  });

  it('rounds decimals on the decimal string, French style', () => {
    expect(formatDecimal(2.4, 2)).toBe('2,40');
    expect(formatDecimal(1.005, 2)).toBe('1,01');
    expect(formatDecimal(12450, 0)).toBe('12 450');
    expect(formatDecimal(-0.004, 2)).toBe('0,00');
    expect(formatPercent(62.5)).toBe('62,5 %');
  });
});

describe('bidi isolates', () => {
  it('wraps a left-to-right unit in LRI … PDI and strips them back', () => {
    expect(ltr('12345/C')).toBe('\u206612345/C\u2069');
    expect(stripBidiControls(`الرسم العقاري ${ltr('12345/C')}`)).toBe('الرسم العقاري 12345/C');
  });
});

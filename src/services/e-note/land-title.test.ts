import { describe, expect, it } from 'vitest';
import { parseLandTitle } from './land-title.ts';

const ok = (input: string) => {
  const parsed = parseLandTitle(input);
  if (!parsed.ok) throw new Error(`${input}: ${parsed.error}`);
  return parsed.title;
};
const error = (input: string) => {
  const parsed = parseLandTitle(input);
  return parsed.ok ? `parsed as ${parsed.title.normalized}` : parsed.error;
};

describe('parseLandTitle', () => {
  it('reads titles as written in Casablanca and elsewhere', () => {
    expect(ok('12345/C')).toMatchObject({ kind: 'titre_foncier', number: '12345', suffix: 'C' });
    expect(ok('8812/D').normalized).toBe('8812/D');
    expect(ok('164203/63').normalized).toBe('164203/63');
    expect(ok('76512/r').normalized).toBe('76512/R');
  });

  it('accepts the usual prefixes, separators and spacing', () => {
    for (const input of [
      'TF 31457/C',
      'T.F. n° 31457/C',
      'tf31457-c',
      'Titre foncier n° 31457 / C',
      'titre 31457 C',
      '31457C',
      '  31457/C  ',
      'الرسم العقاري رقم 31457/C',
      'الرسم العقاري عدد 31457/C',
      'رسم عقاري 31457/C',
      'ر.ع 31457/C',
    ])
      expect(ok(input), input).toMatchObject({ kind: 'titre_foncier', normalized: '31457/C' });
  });

  it('reads requisitions', () => {
    for (const input of [
      'Réq. 45127/63',
      'Req 45127/63',
      'R 45127/63',
      'R. 45127/63',
      'R45127/63',
      'Réquisition n° 45127/63',
      "réquisition d'immatriculation n° 45127-63",
      'مطلب التحفيظ رقم 45127/63',
      'مطلب التحفيظ عدد ٤٥١٢٧/٦٣',
      'م.ت 45127/63',
    ])
      expect(ok(input), input).toMatchObject({ kind: 'requisition', number: '45127', suffix: '63' });
  });

  it('keeps a title kept by the R conservation apart from a requisition', () => {
    expect(ok('28734/R')).toMatchObject({ kind: 'titre_foncier', suffix: 'R' });
    expect(ok('R 28734/R')).toMatchObject({ kind: 'requisition', suffix: 'R' });
  });

  it('turns Arabic-Indic digits into Western digits and drops leading zeros', () => {
    expect(ok('١٢٣٤٥/C').normalized).toBe('12345/C');
    expect(ok('۰۰۱۲۳/۶۳').normalized).toBe('123/63');
  });

  it('prints the reference the way official documents do', () => {
    expect(ok('12345/C').display).toEqual({ fr: 'TF n° 12345/C', ar: 'الرسم العقاري رقم 12345/C' });
    expect(ok('R 45127/63').display).toEqual({
      fr: 'Réq. n° 45127/63',
      ar: 'مطلب التحفيظ رقم 45127/63',
    });
  });

  it('says what is wrong', () => {
    expect(error('')).toBe('empty');
    expect(error('   ')).toBe('empty');
    expect(error('12345')).toBe('missing_suffix');
    expect(error('TF 12345')).toBe('missing_suffix');
    expect(error('Réq. 45127')).toBe('missing_suffix');
    expect(error('12A45/C')).toBe('number_invalid');
    expect(error('123456789/C')).toBe('number_invalid');
    expect(error('0/C')).toBe('number_invalid');
    expect(error('12345/CASA')).toBe('suffix_invalid');
    expect(error('12345/C7')).toBe('suffix_invalid');
    expect(error('12345/6789')).toBe('suffix_invalid');
    expect(error('abc')).toBe('format');
    expect(error('R')).toBe('format');
    expect(error('12/34/56')).toBe('format');
    expect(error('12345\\C')).toBe('format');
    expect(error('Lot 12')).toBe('format');
  });
});

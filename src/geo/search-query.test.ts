import { describe, expect, it } from 'vitest';
import { coordinateCandidates, parseNumberPair, parseTitleQuery, westernDigits } from './search-query.ts';

describe('parseTitleQuery', () => {
  it('reads land-title numbers however they are written', () => {
    expect(parseTitleQuery('31457/C')).toEqual({ number: '31457/C', suffix: 'C' });
    expect(parseTitleQuery('TF 31457-c')).toEqual({ kind: 'titre_foncier', number: '31457/C', suffix: 'C' });
    expect(parseTitleQuery('T.F. n° 31457 C')).toMatchObject({ kind: 'titre_foncier', number: '31457/C' });
    expect(parseTitleQuery('titre foncier 8812/D')).toMatchObject({ number: '8812/D' });
    expect(parseTitleQuery('الرسم العقاري رقم 31457/C')).toMatchObject({
      kind: 'titre_foncier',
      number: '31457/C',
    });
    expect(parseTitleQuery('TF ٣١٤٥٧/C')).toMatchObject({ number: '31457/C' });
  });

  it('tells requisitions apart', () => {
    expect(parseTitleQuery('Réq. n° 45127/63')).toEqual({
      kind: 'requisition',
      number: '45127/63',
      suffix: '63',
    });
    expect(parseTitleQuery('R 45127/63')).toMatchObject({ kind: 'requisition' });
    expect(parseTitleQuery('مطلب التحفيظ رقم 45127/63')).toMatchObject({
      kind: 'requisition',
      number: '45127/63',
    });
  });

  it('does not take a bare number, a name or coordinates for a title', () => {
    expect(parseTitleQuery('31457')).toBeUndefined();
    expect(parseTitleQuery('TF 31457')).toEqual({ kind: 'titre_foncier', number: '31457' });
    expect(parseTitleQuery('Témara')).toBeUndefined();
    expect(parseTitleQuery('297000 330000')).toBeUndefined();
  });
});

describe('coordinates', () => {
  it('splits number pairs with points or decimal commas', () => {
    expect(parseNumberPair('33.5488, -7.5852')).toEqual([33.5488, -7.5852]);
    expect(parseNumberPair('-7,5852 33,5488')).toEqual([-7.5852, 33.5488]);
    expect(parseNumberPair('297000;330000')).toEqual([297000, 330000]);
    expect(parseNumberPair('(297000.5, 330000)')).toEqual([297000.5, 330000]);
    expect(parseNumberPair('Casablanca')).toBeUndefined();
    expect(westernDigits('٢٩٧٠٠٠')).toBe('297000');
  });

  it('reads WGS 84 degrees in either order', () => {
    const latFirst = coordinateCandidates('33.5488, -7.5852');
    expect(latFirst).toHaveLength(1);
    expect(latFirst[0]).toMatchObject({ crs: 'EPSG:4326', lon: -7.5852, lat: 33.5488, swapped: true });
    expect(coordinateCandidates('-7.5852 33.5488')[0]).toMatchObject({ lon: -7.5852, swapped: false });
    expect(coordinateCandidates('48.85 2.35')).toEqual([]);
  });

  it('reads Lambert metres, offering each zone that fits, as written first', () => {
    const c = coordinateCandidates('297000 330000');
    expect(c[0]).toMatchObject({ crs: 'EPSG:26191', x: 297000, y: 330000, swapped: false });
    expect(c[0]?.lon).toBeCloseTo(-7.585188, 5);
    expect(c[0]?.lat).toBeCloseTo(33.548809, 5);
    expect(c.map((p) => p.crs)).toContain('EPSG:26192');
    const taroudant = coordinateCandidates('166000 390500').find((p) => p.crs === 'EPSG:26192');
    expect(taroudant?.lat).toBeCloseTo(30.46895, 4);
  });
});

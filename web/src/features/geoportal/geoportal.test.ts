import { describe, expect, it } from 'vitest';
import { parseRing, type SheetTarget, sheetPath, sheetTargetOf } from './api.ts';
import { isolateLtr } from './text.ts';

describe('geoportal helpers', () => {
  it('keeps Latin numbers in order inside Arabic text', () => {
    expect(isolateLtr('الرسم العقاري رقم 31457/C', 'ar')).toBe('الرسم العقاري رقم \u206631457/C\u2069');
    expect(isolateLtr('المرسوم رقم 2.19.xxx', 'ar')).toBe('المرسوم رقم \u20662.19.xxx\u2069');
    expect(isolateLtr('TF n° 31457/C', 'fr')).toBe('TF n° 31457/C');
  });

  it('reads typed parcel corners and closes the ring', () => {
    expect(parseRing('1 2\n3, 4\n5;6')).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [1, 2],
    ]);
    expect(parseRing('1 2\n3 4')).toBeUndefined();
    expect(parseRing('1 2\n3 x\n5 6')).toBeUndefined();
  });

  it('round-trips sheet links for a title, a point and a parcel', () => {
    const targets: SheetTarget[] = [
      { kind: 'title', number: '31457/C', titleKind: 'titre_foncier' },
      { kind: 'point', x: 289225, y: 331636, crs: 'EPSG:26191' },
      {
        kind: 'parcel',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
        crs: 'EPSG:4326',
      },
    ];
    for (const target of targets) {
      const url = new URL(sheetPath(target), 'http://x');
      expect(url.pathname).toBe('/geoportal/sheet');
      expect(sheetTargetOf(url.searchParams)).toEqual(target);
    }
    expect(sheetTargetOf(new URLSearchParams('parcel=nope'))).toBeUndefined();
  });
});

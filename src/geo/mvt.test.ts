import { describe, expect, it } from 'vitest';
import { encodeMvt } from './mvt.ts';
import { decodeMvt } from './mvt-decode.ts';

describe('encodeMvt', () => {
  it('writes layers, properties and geometries that read back', () => {
    const bytes = encodeMvt([
      {
        name: 'zones',
        features: [
          {
            id: 7,
            properties: {
              code: 'B4',
              family: 'immeubles',
              height: 17.5,
              floors: 4,
              public: true,
              none: null,
            },
            // Counter-clockwise on screen (y down): the encoder turns it clockwise. The hole, the other way.
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [0, 100],
                  [100, 100],
                  [100, 0],
                  [0, 0],
                ],
                [
                  [20, 20],
                  [40, 20],
                  [40, 40],
                  [20, 40],
                  [20, 20],
                ],
              ],
            },
          },
          {
            id: 8,
            properties: { code: 'B4' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [5, 5],
                  [5, 5],
                  [5, 5],
                ],
              ],
            },
          },
        ],
      },
      {
        name: 'roads',
        features: [
          {
            id: 1,
            properties: { widthM: -3 },
            geometry: {
              type: 'LineString',
              coordinates: [
                [10, 10],
                [10, 10],
                [50, -20],
              ],
            },
          },
        ],
      },
      { name: 'empty', features: [] },
    ]);
    const layers = decodeMvt(bytes);
    expect(layers.map((l) => l.name)).toEqual(['zones', 'roads']);
    const [zone] = layers[0]?.features ?? [];
    expect(layers[0]?.features).toHaveLength(1);
    expect(layers[0]?.version).toBe(2);
    expect(zone).toMatchObject({
      id: 7,
      type: 'Polygon',
      properties: { code: 'B4', family: 'immeubles', height: 17.5, floors: 4, public: true },
    });
    expect(zone?.properties).not.toHaveProperty('none');
    const [outer, hole] = zone?.parts ?? [];
    const area = (r: [number, number][]) =>
      r.slice(1).reduce((s, p, i) => s + (r[i]![0] * p[1] - p[0] * r[i]![1]), 0) / 2;
    expect(area(outer!)).toBe(10000);
    expect(area(hole!)).toBe(-400);
    expect(layers[1]?.features[0]).toMatchObject({
      type: 'LineString',
      properties: { widthM: -3 },
      parts: [
        [
          [10, 10],
          [50, -20],
        ],
      ],
    });
  });

  it('writes nothing for a tile without features', () => {
    expect(encodeMvt([{ name: 'zones', features: [] }])).toHaveLength(0);
  });
});

import { describe, expect, it } from 'vitest';
import { isInMorocco } from './morocco.ts';

describe('isInMorocco', () => {
  it.each([
    ['Casablanca', -7.62, 33.59],
    ['Rabat', -6.84, 34.02],
    ['Témara', -6.91, 33.92],
    ['Tanger', -5.81, 35.76],
    ['Al Hoceïma', -3.93, 35.25],
    ['Oujda', -1.91, 34.68],
    ['Fès', -5.0, 34.03],
    ['Marrakech', -8.0, 31.63],
    ['Ouarzazate', -6.9, 30.92],
    ['Errachidia', -4.42, 31.93],
    ['Agadir', -9.6, 30.42],
    ['Taroudant', -8.88, 30.47],
    ['Tata', -7.97, 29.74],
    ['Guelmim', -10.06, 28.99],
    ['Laâyoune', -13.2, 27.15],
    ['Dakhla', -15.93, 23.72],
  ])('accepts %s', (_name, lon, lat) => {
    expect(isInMorocco(lon, lat)).toBe(true);
  });

  it.each([
    ['Paris', 2.35, 48.85],
    ['Madrid', -3.7, 40.4],
    ['Málaga', -4.42, 36.72],
    ['Las Palmas (Canary Islands)', -15.43, 28.12],
    ['Lanzarote', -13.6, 29.0],
    ['Tindouf (Algeria)', -8.15, 27.67],
    ['Tlemcen (Algeria)', -1.31, 34.88],
    ['Nouakchott (Mauritania)', -15.98, 18.08],
    ['the open Atlantic', -20, 30],
    ['null island', 0, 0],
    ['a swapped pair (lat, lon) for Casablanca', 33.59, -7.62],
  ])('refuses %s', (_name, lon, lat) => {
    expect(isInMorocco(lon, lat)).toBe(false);
  });

  it('refuses values that are not numbers', () => {
    expect(isInMorocco(Number.NaN, 33)).toBe(false);
    expect(isInMorocco(-7, Number.POSITIVE_INFINITY)).toBe(false);
  });
});

// The territory of each agency as a longitude/latitude box, to catch a file imported for the wrong
// agency. Boxes are deliberately generous (the bounding boxes of the provinces the agency covers,
// rounded outwards): they catch Casablanca data sent to Taroudant, not a feature 2 km over a
// provincial border. Unverified approximations, drawn from the provinces' positions; agencies without
// a box here are not checked (the import says so).
import type { LonLatBox } from './crs.ts';

export const AGENCY_EXTENTS: Readonly<Record<string, LonLatBox>> = {
  // Casablanca, Mohammedia, Nouaceur, Médiouna
  AUC: { west: -7.95, south: 33.25, east: -7.1, north: 33.8 },
  // Skhirate-Témara
  AUST: { west: -7.2, south: 33.55, east: -6.6, north: 34.0 },
  // Taroudant, Tiznit, Tata
  AUTAR: { west: -10.25, south: 28.0, east: -6.3, north: 31.25 },
};

export function agencyExtent(agencyCode: string): LonLatBox | undefined {
  return AGENCY_EXTENTS[agencyCode];
}

export function inExtent(box: LonLatBox, lon: number, lat: number): boolean {
  return lon >= box.west && lon <= box.east && lat >= box.south && lat <= box.north;
}

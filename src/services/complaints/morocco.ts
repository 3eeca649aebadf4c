// Is a point in Morocco? A simplified outline of the Kingdom (with its Southern Provinces), drawn a
// few kilometres offshore so a point on a beach or a jetty is accepted, to refuse points that are
// clearly elsewhere: Spain, the Canary Islands, Algeria, Mauritania, the open sea, (0, 0).
// About 60 vertices: land borders are approximate (tens of kilometres in the desert), and the
// Spanish enclaves on the Mediterranean coast fall inside. A complaint's agency still decides.

/** [longitude, latitude] in WGS 84, counter-clockwise from the Algerian border on the Mediterranean. */
const OUTLINE: readonly (readonly [number, number])[] = [
  [-2.2, 35.15],
  [-2.45, 35.22],
  [-2.95, 35.5],
  [-3.9, 35.3],
  [-4.7, 35.28],
  [-5.1, 35.5],
  [-5.3, 35.93],
  [-5.55, 35.93],
  [-5.8, 35.86],
  [-6.0, 35.82],
  [-6.1, 35.46],
  [-6.25, 35.2],
  [-6.4, 34.9],
  [-6.72, 34.3],
  [-6.92, 34.05],
  [-7.42, 33.76],
  [-7.7, 33.65],
  [-7.9, 33.57],
  [-8.4, 33.33],
  [-8.58, 33.28],
  [-9.12, 32.76],
  [-9.38, 32.55],
  [-9.35, 32.3],
  [-9.9, 31.5],
  [-10.0, 30.63],
  [-9.72, 30.4],
  [-9.95, 29.8],
  [-10.3, 29.4],
  [-10.8, 29.0],
  [-11.4, 28.55],
  [-12.1, 28.15],
  [-13.0, 27.98],
  [-13.5, 27.15],
  [-14.6, 26.13],
  [-15.0, 25.4],
  [-16.1, 23.7],
  [-16.45, 22.9],
  [-16.95, 22.1],
  [-17.15, 20.75],
  [-17.05, 20.75],
  [-17.05, 21.33],
  [-13.0, 21.33],
  [-13.0, 23.45],
  [-12.0, 23.45],
  [-12.0, 26.0],
  [-8.67, 26.0],
  [-8.67, 27.67],
  [-8.0, 28.3],
  [-7.0, 28.95],
  [-6.0, 29.45],
  [-5.0, 29.8],
  [-4.3, 30.2],
  [-3.6, 30.9],
  [-3.55, 31.35],
  [-2.75, 31.55],
  [-1.9, 31.85],
  [-1.1, 32.1],
  [-1.25, 32.75],
  [-1.55, 33.35],
  [-1.68, 34.0],
  [-1.75, 34.7],
];

/** Ray casting on the outline. */
export function isInMorocco(longitude: number, latitude: number): boolean {
  if (!Number.isFinite(longitude) || !Number.isFinite(latitude)) return false;
  let inside = false;
  for (let i = 0, j = OUTLINE.length - 1; i < OUTLINE.length; j = i++) {
    const [xi, yi] = OUTLINE[i]!;
    const [xj, yj] = OUTLINE[j]!;
    const crosses = yi > latitude !== yj > latitude;
    if (crosses && longitude < ((xj - xi) * (latitude - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The outline as a GeoJSON polygon (the web map draws it when no base map is available). */
export const MOROCCO_OUTLINE = OUTLINE;

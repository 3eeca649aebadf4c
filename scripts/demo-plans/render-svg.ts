// Draws one generated demo plan as an SVG map, to eyeball it:
//   npx tsx scripts/demo-plans/render-svg.ts casablanca /tmp/casablanca.svg
//   rsvg-convert -w 1600 /tmp/casablanca.svg -o /tmp/casablanca.png

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Position = number[];
type Feature = {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: Position[] | Position[][] };
};

const COLOURS: Record<string, string> = {
  B6: '#b2182b',
  B4: '#d6604d',
  B2: '#f4a582',
  E4: '#fdae61',
  E3: '#fee08b',
  E2: '#ffffbf',
  HM: '#e6c49f',
  D1: '#a6d96a',
  D2: '#d9ef8b',
  I: '#9e9ac8',
  EQ: '#4393c3',
  EV: '#1a9850',
  RA: '#c7e9c0',
};

const slug = process.argv[2] ?? 'casablanca';
const out = process.argv[3] ?? `/tmp/${slug}.svg`;
const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'geo', 'demo-data', slug);
const layer = (name: string) =>
  (JSON.parse(readFileSync(join(dir, `${name}.geojson`), 'utf8')) as { features: Feature[] }).features;

const zones = layer('zones');
const roads = layer('roads');
const reservations = layer('reservations');
const servitudes = layer('servitudes');
const parcels = layer('parcels');

const all = [...zones, ...roads].flatMap((f) =>
  f.geometry.type === 'Polygon'
    ? (f.geometry.coordinates as Position[][]).flat()
    : (f.geometry.coordinates as Position[]),
);
const minX = Math.min(...all.map((p) => p[0] as number)) - 60;
const maxX = Math.max(...all.map((p) => p[0] as number)) + 60;
const minY = Math.min(...all.map((p) => p[1] as number)) - 60;
const maxY = Math.max(...all.map((p) => p[1] as number)) + 60;
const W = maxX - minX;
const H = maxY - minY;
const pt = (p: Position) => `${((p[0] as number) - minX).toFixed(1)},${(maxY - (p[1] as number)).toFixed(1)}`;
const ring = (r: Position[]) => `M${r.map(pt).join('L')}Z`;
const centroid = (r: Position[]) => {
  const n = r.length - 1;
  let x = 0;
  let y = 0;
  for (let i = 0; i < n; i++) {
    x += r[i]?.[0] as number;
    y += r[i]?.[1] as number;
  }
  return [x / n, y / n];
};

const parts: string[] = [];
parts.push(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W.toFixed(0)} ${H.toFixed(0)}" font-family="sans-serif">`,
);
parts.push(`<rect width="100%" height="100%" fill="#f7f7f7"/>`);
for (const r of roads) {
  const c = r.geometry.coordinates as Position[];
  parts.push(
    `<path d="M${c.map(pt).join('L')}" stroke="${r.properties.status === 'planned' ? '#bbb' : '#fff'}" stroke-width="${r.properties.plannedWidthM}" fill="none"/>`,
  );
}
for (const z of zones) {
  const rings = z.geometry.coordinates as Position[][];
  const code = String(z.properties.zoneCode);
  parts.push(
    `<path d="${rings.map(ring).join('')}" fill="${COLOURS[code] ?? '#ccc'}" stroke="#555" stroke-width="0.8"/>`,
  );
  const [cx, cy] = centroid(rings[0] as Position[]);
  parts.push(
    `<text x="${pt([cx as number, cy as number]).split(',')[0]}" y="${pt([cx as number, cy as number]).split(',')[1]}" font-size="9" text-anchor="middle" fill="#333">${code}</text>`,
  );
}
for (const r of reservations) {
  const rings = r.geometry.coordinates as Position[][];
  const [cx, cy] = centroid(rings[0] as Position[]);
  const [x, y] = pt([cx as number, cy as number]).split(',');
  parts.push(`<path d="${rings.map(ring).join('')}" fill="none" stroke="#08306b" stroke-width="2"/>`);
  parts.push(
    `<text x="${x}" y="${Number(y) + 11}" font-size="10" text-anchor="middle" fill="#08306b" font-weight="bold">${r.properties.reservationId}</text>`,
  );
}
for (const s of servitudes) {
  const rings = s.geometry.coordinates as Position[][];
  parts.push(
    `<path d="${rings.map(ring).join('')}" fill="#ff00ff" fill-opacity="0.15" stroke="#c51b7d" stroke-dasharray="8 4" stroke-width="2"/>`,
  );
}
for (const p of parcels) {
  const rings = p.geometry.coordinates as Position[][];
  const [cx, cy] = centroid(rings[0] as Position[]);
  const [x, y] = pt([cx as number, cy as number]).split(',');
  parts.push(
    `<path d="${rings.map(ring).join('')}" fill="#000" fill-opacity="0.15" stroke="#000" stroke-width="2.5"/>`,
  );
  parts.push(
    `<text x="${x}" y="${Number(y) - 18}" font-size="16" text-anchor="middle" fill="#000" font-weight="bold">${p.properties.titleNumber}</text>`,
  );
}
parts.push('</svg>');
writeFileSync(out, parts.join('\n'));
console.log(`wrote ${out} (${W.toFixed(0)} × ${H.toFixed(0)} m)`);

// What a person typed in the geoportal's search box: a land-title number, a pair of coordinates
// (WGS 84 degrees in either order, or Lambert/UTM metres), or a place name. Pure: the database
// search (search.ts) uses the result.
import { CRS_REGISTRY, type CrsCode, plausibleInMorocco, toWgs84 } from './crs.ts';

export type TitleQuery = { kind?: 'titre_foncier' | 'requisition'; number: string; suffix?: string };

const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Arabic-Indic and Persian digits to Western digits. */
export function westernDigits(text: string): string {
  return text.replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

const REQUISITION = /^(?:r[ée]q(?:uisition)?\.?|r\.?|مطلب(?:\s*التحفيظ)?)\s*(?:n[°o]?\.?|رقم)?\s*/i;
const TITLE = /^(?:t\.?\s*f\.?|titre(?:\s+foncier)?|(?:ال)?رسم(?:\s*ال?عقاري)?)\s*(?:n[°o]?\.?|رقم)?\s*/i;
const NUMBER = /^(\d{1,8})(?:\s*[/\-\s]\s*([A-Za-z0-9]{1,3}))?$/;

/**
 * "31457/C", "TF 31457-C", "T.F. n° 31457 c", "Réq. 45127/63", "الرسم العقاري رقم 31457/C" → the
 * normalised number ('31457/C') and kind when stated. Undefined when it is not a title number.
 */
export function parseTitleQuery(input: string): TitleQuery | undefined {
  let text = westernDigits(input).trim().replace(/\s+/g, ' ');
  let kind: TitleQuery['kind'];
  const req = REQUISITION.exec(text);
  const tf = TITLE.exec(text);
  if (tf && tf[0].length > 0) {
    kind = 'titre_foncier';
    text = text.slice(tf[0].length);
  } else if (req && req[0].length > 0 && /\d/.test(text.slice(req[0].length, req[0].length + 1))) {
    kind = 'requisition';
    text = text.slice(req[0].length);
  }
  const m = NUMBER.exec(text.trim());
  if (!m) return undefined;
  // A bare number without a prefix or suffix is as likely a commune code or a postcode: require one.
  if (!kind && m[2] === undefined) return undefined;
  const out: TitleQuery = { number: m[2] ? `${m[1]}/${m[2].toUpperCase()}` : (m[1] as string) };
  if (m[2]) out.suffix = m[2].toUpperCase();
  if (kind) out.kind = kind;
  return out;
}

export type CoordinateCandidate = {
  crs: CrsCode;
  /** The numbers in that CRS's order (x, y / lon, lat). */
  x: number;
  y: number;
  lon: number;
  lat: number;
  /** True when the person wrote y before x (latitude first, or northing first). */
  swapped: boolean;
};

/** Splits "33.5488, -7.5852", "-7,5852 33,5488", "297000 330000", "297000;330000" into two numbers. */
export function parseNumberPair(input: string): [number, number] | undefined {
  const text = westernDigits(input)
    .trim()
    .replace(/[()[\]]/g, '');
  const num = (s: string) => (/^[-+]?\d+(?:[.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : Number.NaN);
  for (const parts of [text.split(/\s*;\s*|\s+/), text.split(/\s*,\s*/)]) {
    const tokens = parts.filter(Boolean);
    if (tokens.length !== 2) continue;
    const a = num(tokens[0] as string);
    const b = num(tokens[1] as string);
    if (Number.isFinite(a) && Number.isFinite(b)) return [a, b];
  }
  return undefined;
}

const METRIC: readonly CrsCode[] = [
  'EPSG:26191',
  'EPSG:26192',
  'EPSG:26194',
  'EPSG:26195',
  'EPSG:32629',
  'EPSG:32628',
  'EPSG:32630',
];

/**
 * Every reading of a number pair that lands in Morocco: WGS 84 degrees (either order), else each
 * Lambert zone and UTM zone (either order). Lambert zones share false origins, so one pair can fit
 * two zones: the caller decides (the search prefers the one that falls inside a published plan).
 */
export function coordinateCandidates(input: string): CoordinateCandidate[] {
  const pair = parseNumberPair(input);
  if (!pair) return [];
  const [a, b] = pair;
  const out: CoordinateCandidate[] = [];
  if (Math.abs(a) <= 180 && Math.abs(b) <= 180) {
    for (const [lon, lat, swapped] of [
      [a, b, false],
      [b, a, true],
    ] as const) {
      if (plausibleInMorocco('EPSG:4326', [lon, lat])) {
        out.push({ crs: 'EPSG:4326', x: lon, y: lat, lon, lat, swapped });
      }
    }
    return out;
  }
  for (const crs of METRIC) {
    for (const [x, y, swapped] of [
      [a, b, false],
      [b, a, true],
    ] as const) {
      if (!plausibleInMorocco(crs, [x, y])) continue;
      const [lon, lat] = toWgs84(crs, [x, y]) as [number, number];
      out.push({ crs, x, y, lon, lat, swapped });
    }
  }
  // As written first, then the Lambert zones before UTM.
  return out.sort((p, q) => Number(p.swapped) - Number(q.swapped));
}

export const crsName = (crs: CrsCode) => CRS_REGISTRY[crs].name;

// Lays out a synthetic plan in a local metric frame (u east-ish, v north-ish, origin at the
// south-west perimeter crossing): a street grid of irregular blocks, blocks grouped into zoning
// sectors, high-density strips along the main avenues, equipment reservations on whole blocks or
// block corners, an agricultural band, servitude corridors and a few land titles placed where
// they straddle zones. Every zone is a union of axis-aligned rectangles in this frame, so the
// overlaps of the parcels are computed exactly here and written as expectations.

import type { AgencyConfig, ReservationSpec, ServitudeSpec, TitleSpec } from './agencies.ts';
import type { Rng } from './prng.ts';
import { rulesOf } from './zone-rules.ts';

export type Pt = [number, number];
export type Rect = { u0: number; v0: number; u1: number; v1: number };
type Side = 'south' | 'north' | 'west' | 'east';

export type Street = {
  id: string;
  axis: 'u' | 'v';
  index: number;
  pos: number;
  width: number;
  cls: 'primary' | 'secondary' | 'tertiary';
  status: 'existing' | 'widening' | 'planned';
  existingWidth: number | null;
  from: number;
  to: number;
  perimeter: boolean;
};

export type ReservationRef = { id: string; spec: ReservationSpec };

export type ZoneCell = {
  id: string;
  code: string;
  ring: Pt[];
  rects: Rect[];
  block: string | null;
  reservation?: ReservationRef;
};

export type Servitude = {
  id: string;
  spec: ServitudeSpec;
  /** Convex polygon, closed. */
  ring: Pt[];
};

export type Parcel = {
  id: string;
  title: TitleSpec;
  scenario: string;
  rect: Rect;
  zones: { zoneId: string; zoneCode: string; areaM2: number }[];
  reservations: { reservationId: string; areaM2: number }[];
  servitudes: { servitudeId: string; areaM2: number }[];
  roadRightOfWayM2: number;
};

export type Layout = {
  width: number;
  height: number;
  extent: Rect;
  streets: Street[];
  zones: ZoneCell[];
  servitudes: Servitude[];
  parcels: Parcel[];
};

type Block = {
  key: string;
  i: number;
  j: number;
  rect: Rect;
  baseCode: string;
  strip?: { side: Side; rect: Rect; boundary: number };
  interior: Rect;
  reservation?: { ref: ReservationRef; whole: boolean; corner?: number; cornerRect?: Rect };
};

const half = (n: number) => Math.round(n * 2) / 2;
const area = (r: Rect) => Math.max(0, r.u1 - r.u0) * Math.max(0, r.v1 - r.v0);

export function intersectRect(a: Rect, b: Rect): Rect | undefined {
  const r = {
    u0: Math.max(a.u0, b.u0),
    v0: Math.max(a.v0, b.v0),
    u1: Math.min(a.u1, b.u1),
    v1: Math.min(a.v1, b.v1),
  };
  return r.u1 > r.u0 && r.v1 > r.v0 ? r : undefined;
}

export function rectRing(r: Rect): Pt[] {
  return [
    [r.u0, r.v0],
    [r.u1, r.v0],
    [r.u1, r.v1],
    [r.u0, r.v1],
    [r.u0, r.v0],
  ];
}

// ---------------------------------------------------------------------------------------------
// Streets and blocks

function makeStreets(
  axis: 'u' | 'v',
  length: number,
  range: [number, number],
  cfg: AgencyConfig,
  rng: Rng,
): Street[] {
  const classOf = (k: number): Street['cls'] =>
    k % cfg.primaryEvery === 0 ? 'primary' : k % cfg.secondaryEvery === 0 ? 'secondary' : 'tertiary';
  const out: Street[] = [];
  let pos = 0;
  for (let k = 0; ; k++) {
    const cls = classOf(k);
    out.push({
      id: '',
      axis,
      index: k,
      pos,
      width: cfg.widths[cls],
      cls,
      status: 'existing',
      existingWidth: null,
      from: 0,
      to: 0,
      perimeter: k === 0,
    });
    const next =
      pos + cfg.widths[cls] / 2 + half(rng.range(range[0], range[1])) + cfg.widths[classOf(k + 1)] / 2;
    if (next > length) break;
    pos = next;
  }
  const last = out[out.length - 1] as Street;
  last.perimeter = true;
  if (last.cls === 'tertiary') {
    last.cls = 'secondary';
    last.width = cfg.widths.secondary;
  }
  return out;
}

function nearestCode(u: number, v: number, seeds: { code: string; u: number; v: number }[]): string {
  let best = seeds[0] as (typeof seeds)[0];
  let d = Number.POSITIVE_INFINITY;
  for (const s of seeds) {
    const dd = (s.u - u) ** 2 + (s.v - v) ** 2;
    if (dd < d) {
      d = dd;
      best = s;
    }
  }
  return best.code;
}

function cornerRect(r: Rect, k: number, a: number, b: number): { rect: Rect; inner: Pt } {
  switch (k) {
    case 0:
      return { rect: { u0: r.u0, v0: r.v0, u1: r.u0 + a, v1: r.v0 + b }, inner: [r.u0 + a, r.v0 + b] };
    case 1:
      return { rect: { u0: r.u1 - a, v0: r.v0, u1: r.u1, v1: r.v0 + b }, inner: [r.u1 - a, r.v0 + b] };
    case 2:
      return { rect: { u0: r.u1 - a, v0: r.v1 - b, u1: r.u1, v1: r.v1 }, inner: [r.u1 - a, r.v1 - b] };
    default:
      return { rect: { u0: r.u0, v0: r.v1 - b, u1: r.u0 + a, v1: r.v1 }, inner: [r.u0 + a, r.v1 - b] };
  }
}

/** The rectangle minus its corner k: ring (CCW, closed) and two disjoint rectangles. */
function lShape(r: Rect, k: number, c: Rect): { ring: Pt[]; rects: Rect[] } {
  const corners: Pt[] = [
    [r.u0, r.v0],
    [r.u1, r.v0],
    [r.u1, r.v1],
    [r.u0, r.v1],
  ];
  const uc = k === 0 || k === 3 ? c.u1 : c.u0;
  const vc = k === 0 || k === 1 ? c.v1 : c.v0;
  const ring: Pt[] = [];
  corners.forEach((p, idx) => {
    if (idx !== k) {
      ring.push(p);
      return;
    }
    if (k % 2 === 0) ring.push([p[0], vc], [uc, vc], [uc, p[1]]);
    else ring.push([uc, p[1]], [uc, vc], [p[0], vc]);
  });
  ring.push(ring[0] as Pt);
  const bottom = k === 0 || k === 1;
  const other: Rect = bottom
    ? { u0: r.u0, v0: c.v1, u1: r.u1, v1: r.v1 }
    : { u0: r.u0, v0: r.v0, u1: r.u1, v1: c.v0 };
  const rest: Rect =
    k === 0 || k === 3
      ? { u0: c.u1, v0: c.v0, u1: r.u1, v1: c.v1 }
      : { u0: r.u0, v0: c.v0, u1: c.u0, v1: c.v1 };
  return { ring, rects: [other, rest] };
}

/** Inserts into each ring the vertices of the other rings that lie inside its edges (no T-junctions). */
function node(rings: Pt[][]): Pt[][] {
  const all = rings.flat();
  return rings.map((ring) => {
    const out: Pt[] = [];
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i] as Pt;
      const b = ring[i + 1] as Pt;
      out.push(a);
      const inside = all.filter(
        (p) =>
          !(p[0] === a[0] && p[1] === a[1]) &&
          !(p[0] === b[0] && p[1] === b[1]) &&
          ((a[0] === b[0] && p[0] === a[0] && p[1] > Math.min(a[1], b[1]) && p[1] < Math.max(a[1], b[1])) ||
            (a[1] === b[1] && p[1] === a[1] && p[0] > Math.min(a[0], b[0]) && p[0] < Math.max(a[0], b[0]))),
      );
      const key = (p: Pt) => Math.abs(p[0] - a[0]) + Math.abs(p[1] - a[1]);
      const unique = [...new Map(inside.map((p) => [`${p[0]},${p[1]}`, p])).values()].sort(
        (p, q) => key(p) - key(q),
      );
      out.push(...unique);
    }
    out.push(out[0] as Pt);
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// Convex clipping (servitude overlaps)

function clipConvex(subject: Pt[], clip: Pt[]): Pt[] {
  // Sutherland–Hodgman; both closed rings, clip counter-clockwise.
  let output = subject.slice(0, -1);
  const cl = clip.slice(0, -1);
  for (let i = 0; i < cl.length; i++) {
    const a = cl[i] as Pt;
    const b = cl[(i + 1) % cl.length] as Pt;
    const inside = (p: Pt) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0;
    const cross = (p: Pt, q: Pt): Pt => {
      const a1 = b[1] - a[1];
      const b1 = a[0] - b[0];
      const c1 = a1 * a[0] + b1 * a[1];
      const a2 = q[1] - p[1];
      const b2 = p[0] - q[0];
      const c2 = a2 * p[0] + b2 * p[1];
      const det = a1 * b2 - a2 * b1;
      return [(b2 * c1 - b1 * c2) / det, (a1 * c2 - a2 * c1) / det];
    };
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j] as Pt;
      const q = input[(j + 1) % input.length] as Pt;
      if (inside(q)) {
        if (!inside(p)) output.push(cross(p, q));
        output.push(q);
      } else if (inside(p)) {
        output.push(cross(p, q));
      }
    }
    if (output.length === 0) return [];
  }
  return output;
}

export function ringArea(points: Pt[]): number {
  let s = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i] as Pt;
    const b = points[(i + 1) % points.length] as Pt;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(s) / 2;
}

// ---------------------------------------------------------------------------------------------
// The layout

export function buildLayout(cfg: AgencyConfig, rng: Rng): Layout {
  const uStreets = makeStreets('u', cfg.width, cfg.blockU, cfg, rng);
  const vStreets = makeStreets('v', cfg.height, cfg.blockV, cfg, rng);
  const uLast = uStreets[uStreets.length - 1] as Street;
  const vLast = vStreets[vStreets.length - 1] as Street;
  const width = uLast.pos;
  const height = vLast.pos;
  const band = cfg.agriculturalBandM;
  const topEdge = vLast.pos + vLast.width / 2;

  // Street statuses and extents.
  for (const s of [...uStreets, ...vStreets]) {
    s.from = s.axis === 'u' ? 0 : 0;
    s.to = s.axis === 'u' ? height : width;
    if (!s.perimeter && s.cls !== 'tertiary' && rng.next() < 0.35) {
      s.status = 'widening';
      s.existingWidth = s.width - (s.cls === 'primary' ? 10 : 8);
    }
  }
  // At least one widened v street, for the alignment example.
  if (!vStreets.some((s) => s.status === 'widening')) {
    const s = vStreets.find((x) => !x.perimeter && x.cls !== 'tertiary') as Street;
    s.status = 'widening';
    s.existingWidth = s.width - 8;
  }
  uStreets.forEach((s, k) => {
    s.id = `VU-${String(k + 1).padStart(2, '0')}`;
  });
  vStreets.forEach((s, k) => {
    s.id = `VV-${String(k + 1).padStart(2, '0')}`;
  });
  const streets: Street[] = [...uStreets, ...vStreets];
  // Planned rural roads through the agricultural band, continuing the primary avenues.
  if (band > 0) {
    for (const s of uStreets.filter((x) => x.cls === 'primary' || x.perimeter)) {
      streets.push({
        ...s,
        id: `${s.id}-P`,
        status: 'planned',
        existingWidth: null,
        cls: 'secondary',
        width: cfg.widths.secondary,
        from: height,
        to: height + band,
        perimeter: false,
      });
    }
  }

  // Sectors.
  const seeds = cfg.sectors.map(([code, fu, fv]) => ({
    code,
    u: (fu + rng.range(-0.04, 0.04)) * width,
    v: (fv + rng.range(-0.04, 0.04)) * height,
  }));

  // Blocks.
  const blocks: Block[] = [];
  for (let j = 0; j + 1 < vStreets.length; j++) {
    for (let i = 0; i + 1 < uStreets.length; i++) {
      const w = uStreets[i] as Street;
      const e = uStreets[i + 1] as Street;
      const s = vStreets[j] as Street;
      const n = vStreets[j + 1] as Street;
      const rect = {
        u0: w.pos + w.width / 2,
        v0: s.pos + s.width / 2,
        u1: e.pos - e.width / 2,
        v1: n.pos - n.width / 2,
      };
      const baseCode = nearestCode((rect.u0 + rect.u1) / 2, (rect.v0 + rect.v1) / 2, seeds);
      const block: Block = { key: `${i}:${j}`, i, j, rect, baseCode, interior: rect };
      if (cfg.stripTargets.includes(baseCode)) {
        const sides: [Side, Street][] = [
          ['south', s],
          ['north', n],
          ['west', w],
          ['east', e],
        ];
        const primary = sides.find(([, st]) => st.cls === 'primary');
        if (primary) {
          const [side] = primary;
          const across = side === 'south' || side === 'north' ? rect.v1 - rect.v0 : rect.u1 - rect.u0;
          const d = half(Math.min(cfg.stripDepth, across * 0.45));
          let strip: Rect;
          let interior: Rect;
          let boundary: number;
          if (side === 'south') {
            boundary = rect.v0 + d;
            strip = { ...rect, v1: boundary };
            interior = { ...rect, v0: boundary };
          } else if (side === 'north') {
            boundary = rect.v1 - d;
            strip = { ...rect, v0: boundary };
            interior = { ...rect, v1: boundary };
          } else if (side === 'west') {
            boundary = rect.u0 + d;
            strip = { ...rect, u1: boundary };
            interior = { ...rect, u0: boundary };
          } else {
            boundary = rect.u1 - d;
            strip = { ...rect, u0: boundary };
            interior = { ...rect, u1: boundary };
          }
          block.strip = { side, rect: strip, boundary };
          block.interior = interior;
        }
      }
      blocks.push(block);
    }
  }

  // Reservations.
  const residential = (b: Block) => {
    const cat = rulesOf(b.baseCode).category;
    return cat === 'residential' || cat === 'mixed';
  };
  const instances: ReservationSpec[] = cfg.reservations.flatMap((spec) =>
    Array.from({ length: spec.count }, () => spec),
  );
  const order = rng.shuffle(blocks.filter(residential));
  const taken = new Set<string>();
  const near = (b: Block, gap: number) =>
    [...taken].some((k) => {
      const [i, j] = k.split(':').map(Number) as [number, number];
      return Math.abs(i - b.i) <= gap && Math.abs(j - b.j) <= gap;
    });
  const counters = new Map<string, number>();
  let forcedStripPartial = false;
  for (const spec of rng.shuffle(instances)) {
    const wantStrip = !spec.whole && !forcedStripPartial;
    const target = spec.whole ? 0 : rng.range(spec.areaM2[0], spec.areaM2[1]);
    let chosen: Block | undefined;
    for (const gap of [1, 0]) {
      chosen = order.find(
        (b) =>
          !taken.has(b.key) &&
          !near(b, gap) &&
          (wantStrip ? b.strip !== undefined : true) &&
          (spec.whole ? area(b.interior) >= 5000 : area(b.interior) >= 2.2 * target),
      );
      if (chosen) break;
    }
    if (!chosen) continue;
    taken.add(chosen.key);
    const n = (counters.get(spec.prefix) ?? 0) + 1;
    counters.set(spec.prefix, n);
    const ref: ReservationRef = { id: `${spec.prefix} ${n}`, spec };
    if (spec.whole) {
      chosen.reservation = { ref, whole: true };
    } else {
      const r = chosen.interior;
      let a = half(Math.sqrt(target * rng.range(0.8, 1.4)));
      a = Math.min(a, half((r.u1 - r.u0) * 0.6));
      const b = Math.min(half(target / a), half((r.v1 - r.v0) * 0.6));
      let k = rng.int(0, 3);
      if (chosen.strip) {
        const bySide: Record<Side, number[]> = { south: [0, 1], north: [2, 3], west: [0, 3], east: [1, 2] };
        k = rng.pick(bySide[chosen.strip.side]);
        forcedStripPartial = true;
      }
      chosen.reservation = { ref, whole: false, corner: k, cornerRect: cornerRect(r, k, a, b).rect };
    }
  }

  // Zone cells, block by block, noded within each block.
  const zones: ZoneCell[] = [];
  const seq = new Map<string, number>();
  const newId = (code: string) => {
    const n = (seq.get(code) ?? 0) + 1;
    seq.set(code, n);
    return `${code}-${String(n).padStart(3, '0')}`;
  };
  for (const b of blocks) {
    const cells: Omit<ZoneCell, 'id'>[] = [];
    if (b.strip)
      cells.push({ code: cfg.stripCode, ring: rectRing(b.strip.rect), rects: [b.strip.rect], block: b.key });
    const res = b.reservation;
    const resCode = (spec: ReservationSpec) => (spec.kind === 'green_space' ? 'EV' : 'EQ');
    if (res?.whole) {
      cells.push({
        code: resCode(res.ref.spec),
        ring: rectRing(b.interior),
        rects: [b.interior],
        block: b.key,
        reservation: res.ref,
      });
    } else if (res?.cornerRect !== undefined && res.corner !== undefined) {
      cells.push({
        code: resCode(res.ref.spec),
        ring: rectRing(res.cornerRect),
        rects: [res.cornerRect],
        block: b.key,
        reservation: res.ref,
      });
      const l = lShape(b.interior, res.corner, res.cornerRect);
      cells.push({ code: b.baseCode, ring: l.ring, rects: l.rects, block: b.key });
    } else {
      cells.push({ code: b.baseCode, ring: rectRing(b.interior), rects: [b.interior], block: b.key });
    }
    const noded = node(cells.map((c) => c.ring));
    cells.forEach((c, idx) => {
      zones.push({ ...c, ring: noded[idx] as Pt[], id: newId(c.code) });
    });
  }
  // Agricultural band, split by the planned rural roads.
  if (band > 0) {
    const cuts = uStreets.filter((x) => x.cls === 'primary' || x.perimeter);
    for (let k = 0; k + 1 < cuts.length; k++) {
      const a = cuts[k] as Street;
      const c = cuts[k + 1] as Street;
      const r: Rect = {
        u0: a.pos + cfg.widths.secondary / 2,
        v0: topEdge,
        u1: c.pos - cfg.widths.secondary / 2,
        v1: height + band,
      };
      zones.push({ id: newId('RA'), code: 'RA', ring: rectRing(r), rects: [r], block: null });
    }
  }

  const extent: Rect = {
    u0: -(uStreets[0] as Street).width / 2,
    v0: -(vStreets[0] as Street).width / 2,
    u1: width + uLast.width / 2,
    v1: band > 0 ? height + band : height + vLast.width / 2,
  };

  // Servitudes.
  const servitudes: Servitude[] = cfg.servitudes.map((spec, k) => {
    const id = `S-${k + 1}`;
    if (spec.kind === 'high_voltage') {
      const t = (spec.angleDeg * Math.PI) / 180;
      const d: Pt = [Math.cos(t), Math.sin(t)];
      const p: Pt = [extent.u0 + spec.at * (extent.u1 - extent.u0), extent.v0];
      // Clip the infinite line to the extent (Liang–Barsky).
      let t0 = -1e9;
      let t1 = 1e9;
      for (const [dd, lo, hi, pp] of [
        [d[0], extent.u0, extent.u1, p[0]],
        [d[1], extent.v0, extent.v1, p[1]],
      ] as const) {
        if (Math.abs(dd) < 1e-12) continue;
        const a = (lo - pp) / dd;
        const b = (hi - pp) / dd;
        t0 = Math.max(t0, Math.min(a, b));
        t1 = Math.min(t1, Math.max(a, b));
      }
      const a: Pt = [p[0] + d[0] * t0, p[1] + d[1] * t0];
      const b: Pt = [p[0] + d[0] * t1, p[1] + d[1] * t1];
      const nrm: Pt = [(-d[1] * spec.widthM) / 2, (d[0] * spec.widthM) / 2];
      const ring: Pt[] = [
        [a[0] - nrm[0], a[1] - nrm[1]],
        [b[0] - nrm[0], b[1] - nrm[1]],
        [b[0] + nrm[0], b[1] + nrm[1]],
        [a[0] + nrm[0], a[1] + nrm[1]],
      ];
      ring.push(ring[0] as Pt);
      return { id, spec, ring };
    }
    const first = spec.edge === 'west' ? (uStreets[0] as Street) : (vStreets[0] as Street);
    const inner = first.pos + first.width / 2 + spec.insideM;
    const outer = first.pos - spec.outsideM;
    const r: Rect =
      spec.edge === 'west'
        ? { u0: outer, v0: extent.v0, u1: inner, v1: extent.v1 }
        : { u0: extent.u0, v0: outer, u1: extent.u1, v1: inner };
    return { id, spec, ring: rectRing(r) };
  });

  // Candidate blocks in a shuffled (seeded) order, so the parcels spread over the area.
  const parcels = placeParcels(cfg, rng.shuffle(blocks), zones, streets, servitudes, band > 0);
  return { width, height, extent, streets, zones, servitudes, parcels };
}

// ---------------------------------------------------------------------------------------------
// Parcels

function placeParcels(
  cfg: AgencyConfig,
  blocks: Block[],
  zones: ZoneCell[],
  streets: Street[],
  servitudes: Servitude[],
  hasBand: boolean,
): Parcel[] {
  const used = new Set<string>();
  const plain = (b: Block) => !used.has(b.key) && b.reservation === undefined;
  const found: { scenario: string; rect: Rect; block?: Block }[] = [];
  const take = (scenario: string, b: Block | undefined, rect: (b: Block) => Rect) => {
    if (!b) throw new Error(`${cfg.slug}: no block for scenario ${scenario}`);
    used.add(b.key);
    found.push({ scenario, rect: rect(b), block: b });
  };
  const mid = (a: number, b: number) => half((a + b) / 2);
  const residentialCode = (c: string) => ['residential', 'mixed'].includes(rulesOf(c).category);
  const inServitude = (b: Block) => {
    const ht = servitudes.find((s) => s.spec.kind === 'high_voltage');
    if (!ht) return false;
    const c: Pt = [(b.interior.u0 + b.interior.u1) / 2, (b.interior.v0 + b.interior.v1) / 2];
    const sq = rectRing({ u0: c[0] - 1, v0: c[1] - 1, u1: c[0] + 1, v1: c[1] + 1 });
    return ringArea(clipConvex(sq, ht.ring)) > 0;
  };

  // 1. Three zones: the strip, a corner reservation and the rest of the block meet at one point.
  take(
    'three_zones',
    blocks.find((b) => b.strip && b.reservation?.cornerRect && !b.reservation.whole),
    (b) => {
      const s = b.strip as NonNullable<Block['strip']>;
      const c = b.reservation?.cornerRect as Rect;
      const k = b.reservation?.corner as number;
      const uc = k === 0 || k === 3 ? c.u1 : c.u0;
      const vc = k === 0 || k === 1 ? c.v1 : c.v0;
      const [pu, pv] = s.side === 'south' || s.side === 'north' ? [uc, s.boundary] : [s.boundary, vc];
      return { u0: pu - 14, v0: pv - 11, u1: pu + 15, v1: pv + 12 };
    },
  );
  // 2. Two zones: across the boundary of an avenue strip.
  take(
    'strip_and_interior',
    blocks.find((b) => plain(b) && b.strip && !inServitude(b)),
    (b) => {
      const s = b.strip as NonNullable<Block['strip']>;
      if (s.side === 'south' || s.side === 'north') {
        const um = mid(b.rect.u0, b.rect.u1);
        return { u0: um - 11, v0: s.boundary - 13, u1: um + 11, v1: s.boundary + 15 };
      }
      const vm = mid(b.rect.v0, b.rect.v1);
      return { u0: s.boundary - 13, v0: vm - 11, u1: s.boundary + 15, v1: vm + 11 };
    },
  );
  // 3. A lot partly reserved for an equipment (corner reservation, no strip).
  take(
    'partly_reserved',
    blocks.find((b) => !used.has(b.key) && !b.strip && b.reservation?.cornerRect && !b.reservation.whole),
    (b) => {
      const c = b.reservation?.cornerRect as Rect;
      const k = b.reservation?.corner as number;
      const uc = k === 0 || k === 3 ? c.u1 : c.u0;
      const vm = mid(c.v0, c.v1);
      return { u0: uc - 12, v0: vm - 10, u1: uc + 12, v1: vm + 10 };
    },
  );
  // 4. One zone, well inside a residential block.
  take(
    'single_zone',
    blocks.find((b) => plain(b) && !b.strip && residentialCode(b.baseCode) && !inServitude(b)),
    (b) => {
      const um = mid(b.rect.u0, b.rect.u1);
      const vm = mid(b.rect.v0, b.rect.v1);
      const big = b.baseCode.startsWith('D');
      return big
        ? { u0: um - 12, v0: vm - 15, u1: um + 12, v1: vm + 15 }
        : { u0: um - 6, v0: vm - 8, u1: um + 6, v1: vm + 8 };
    },
  );
  // 5. Alignment: the lot reaches 5 m into the planned right-of-way of a road being widened.
  const widened = streets.filter((s) => s.axis === 'v' && s.status === 'widening');
  take(
    'road_widening',
    blocks.find(
      (b) =>
        plain(b) &&
        !b.strip &&
        widened.some((s) => Math.abs(s.pos + s.width / 2 - b.rect.v0) < 1e-6) &&
        !inServitude(b),
    ),
    (b) => {
      const um = mid(b.rect.u0, b.rect.u1);
      return { u0: um - 10, v0: b.rect.v0 - 5, u1: um + 10, v1: b.rect.v0 + 25 };
    },
  );
  // 6. Under the high-voltage corridor.
  take(
    'under_power_line',
    blocks.find((b) => plain(b) && inServitude(b)),
    (b) => {
      const um = mid(b.interior.u0, b.interior.u1);
      const vm = mid(b.interior.v0, b.interior.v1);
      return { u0: um - 12, v0: vm - 12, u1: um + 12, v1: vm + 12 };
    },
  );
  // 7. A requisition: in the agricultural band, or in the industrial zone.
  if (hasBand) {
    const ra = zones.find(
      (z) => z.code === 'RA' && (z.rects[0] as Rect).u1 - (z.rects[0] as Rect).u0 > 300,
    ) as ZoneCell;
    const r = ra.rects[0] as Rect;
    const um = mid(r.u0, r.u1);
    found.push({
      scenario: 'requisition_agricultural',
      rect: { u0: um - 60, v0: r.v0 + 40, u1: um + 60, v1: r.v0 + 130 },
    });
  } else {
    take(
      'requisition_industrial',
      blocks.find((b) => plain(b) && b.baseCode === 'I'),
      (b) => {
        const um = mid(b.interior.u0, b.interior.u1);
        const vm = mid(b.interior.v0, b.interior.v1);
        return { u0: um - 30, v0: vm - 25, u1: um + 30, v1: vm + 25 };
      },
    );
  }

  const titles = cfg.titles;
  const requisitionIndex = titles.findIndex((t) => t.kind === 'requisition');
  const others = titles.filter((_, k) => k !== requisitionIndex);
  let nextTitle = 0;
  return found.map((f, k) => {
    const title =
      f.scenario.startsWith('requisition') && requisitionIndex >= 0
        ? (titles[requisitionIndex] as TitleSpec)
        : (others[nextTitle++ % others.length] as TitleSpec);
    const zoneOverlaps = zones
      .map((z) => ({
        z,
        a: z.rects.reduce((s, r) => s + area(intersectRect(r, f.rect) ?? { u0: 0, v0: 0, u1: 0, v1: 0 }), 0),
      }))
      .filter((x) => x.a > 0.005);
    const road = streets.reduce((s, st) => {
      const strip: Rect =
        st.axis === 'u'
          ? { u0: st.pos - st.width / 2, v0: st.from, u1: st.pos + st.width / 2, v1: st.to }
          : { u0: st.from, v0: st.pos - st.width / 2, u1: st.to, v1: st.pos + st.width / 2 };
      return s + area(intersectRect(strip, f.rect) ?? { u0: 0, v0: 0, u1: 0, v1: 0 });
    }, 0);
    const round2 = (n: number) => Math.round(n * 100) / 100;
    return {
      id: `P-${String(k + 1).padStart(2, '0')}`,
      title,
      scenario: f.scenario,
      rect: f.rect,
      zones: zoneOverlaps.map((x) => ({ zoneId: x.z.id, zoneCode: x.z.code, areaM2: round2(x.a) })),
      reservations: zoneOverlaps
        .filter((x) => x.z.reservation)
        .map((x) => ({ reservationId: (x.z.reservation as ReservationRef).id, areaM2: round2(x.a) })),
      servitudes: servitudes
        .map((s) => ({ servitudeId: s.id, areaM2: round2(ringArea(clipConvex(rectRing(f.rect), s.ring))) }))
        .filter((s) => s.areaM2 > 0.005),
      roadRightOfWayM2: round2(road),
    };
  });
}

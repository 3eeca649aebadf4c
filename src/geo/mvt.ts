// A Mapbox Vector Tile (MVT 2.1) encoder for geometries already in tile coordinates (integers, y
// down). PostGIS makes the tile geometry in both modes (transform, clip, quantize); this only writes
// the protobuf, for the engines whose PostGIS lacks protobuf-c (PGlite's build has no ST_AsMVT; see
// docs/adr/0012-geo-storage-srid.md). Spec: https://github.com/mapbox/vector-tile-spec/tree/master/2.1
import type { Geometry, Position } from './types.ts';

export type MvtValue = string | number | boolean | null | undefined;

export type MvtFeature = { id?: number; properties: Record<string, MvtValue>; geometry: Geometry };

export type MvtLayer = { name: string; extent?: number; features: MvtFeature[] };

class Writer {
  private buf = new Uint8Array(1024);
  private pos = 0;

  private ensure(n: number) {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  varint(v: number) {
    this.ensure(10);
    let n = v;
    while (n > 0x7f) {
      this.buf[this.pos++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.pos++] = n;
  }

  tag(field: number, wire: number) {
    this.varint((field << 3) | wire);
  }

  bytes(field: number, data: Uint8Array) {
    this.tag(field, 2);
    this.varint(data.length);
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  string(field: number, s: string) {
    this.bytes(field, new TextEncoder().encode(s));
  }

  double(field: number, v: number) {
    this.tag(field, 1);
    this.ensure(8);
    new DataView(this.buf.buffer).setFloat64(this.pos, v, true);
    this.pos += 8;
  }

  uintField(field: number, v: number) {
    this.tag(field, 0);
    this.varint(v);
  }

  packed(field: number, values: readonly number[]) {
    const inner = new Writer();
    for (const v of values) inner.varint(v);
    this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

const zigzag = (n: number) => (n < 0 ? -2 * n - 1 : 2 * n);
const command = (id: number, count: number) => (id & 0x7) | (count << 3);

function clean(points: readonly Position[]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of points) {
    const x = Math.round(p[0] as number);
    const y = Math.round(p[1] as number);
    const last = out[out.length - 1];
    if (!last || last[0] !== x || last[1] !== y) out.push([x, y]);
  }
  return out;
}

/** Twice the signed area with y down: positive for the spec's exterior rings. */
function area2(ring: [number, number][]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as [number, number];
    const b = ring[(i + 1) % ring.length] as [number, number];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s;
}

type Cursor = { x: number; y: number };

function moveAndLines(out: number[], pts: [number, number][], cursor: Cursor) {
  const [first, ...rest] = pts as [[number, number], ...[number, number][]];
  out.push(command(1, 1), zigzag(first[0] - cursor.x), zigzag(first[1] - cursor.y));
  cursor.x = first[0];
  cursor.y = first[1];
  if (rest.length === 0) return;
  out.push(command(2, rest.length));
  for (const [x, y] of rest) {
    out.push(zigzag(x - cursor.x), zigzag(y - cursor.y));
    cursor.x = x;
    cursor.y = y;
  }
}

/** [type, commands] of a geometry, or undefined when nothing is left after quantization. */
function encodeGeometry(g: Geometry): [number, number[]] | undefined {
  const cursor: Cursor = { x: 0, y: 0 };
  const out: number[] = [];
  switch (g.type) {
    case 'Point':
    case 'MultiPoint': {
      const pts = clean(g.type === 'Point' ? [g.coordinates] : g.coordinates);
      if (pts.length === 0) return undefined;
      out.push(command(1, pts.length));
      for (const [x, y] of pts) {
        out.push(zigzag(x - cursor.x), zigzag(y - cursor.y));
        cursor.x = x;
        cursor.y = y;
      }
      return [1, out];
    }
    case 'LineString':
    case 'MultiLineString': {
      const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
      for (const line of lines) {
        const pts = clean(line);
        if (pts.length >= 2) moveAndLines(out, pts, cursor);
      }
      return out.length ? [2, out] : undefined;
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      for (const polygon of polygons) {
        let exterior = false;
        polygon.forEach((ring, i) => {
          let pts = clean(ring);
          const first = pts[0];
          const last = pts[pts.length - 1];
          if (first && last && first[0] === last[0] && first[1] === last[1]) pts = pts.slice(0, -1);
          if (pts.length < 3) return;
          const a = area2(pts);
          if (a === 0 || (i > 0 && !exterior)) return;
          if (i === 0) exterior = true;
          // Exterior rings positive (clockwise on screen), holes negative.
          if ((i === 0 && a < 0) || (i > 0 && a > 0)) pts.reverse();
          moveAndLines(out, pts, cursor);
          out.push(command(7, 1));
        });
      }
      return out.length ? [3, out] : undefined;
    }
    case 'GeometryCollection':
      return undefined;
  }
}

function valueKey(v: string | number | boolean): string {
  return `${typeof v}:${String(v)}`;
}

function writeValue(v: string | number | boolean): Uint8Array {
  const w = new Writer();
  if (typeof v === 'string') w.string(1, v);
  else if (typeof v === 'boolean') w.uintField(7, v ? 1 : 0);
  else if (Number.isInteger(v) && v >= 0 && v < 2 ** 53) w.uintField(5, v);
  else if (Number.isInteger(v) && v < 0 && v > -(2 ** 52)) w.uintField(6, zigzag(v));
  else w.double(3, v);
  return w.finish();
}

function encodeLayer(layer: MvtLayer): Uint8Array | undefined {
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const values: (string | number | boolean)[] = [];
  const valueIndex = new Map<string, number>();
  const features: Uint8Array[] = [];
  for (const f of layer.features) {
    const geometry = encodeGeometry(f.geometry);
    if (!geometry) continue;
    const tags: number[] = [];
    for (const [k, v] of Object.entries(f.properties)) {
      if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) continue;
      let ki = keyIndex.get(k);
      if (ki === undefined) {
        ki = keys.push(k) - 1;
        keyIndex.set(k, ki);
      }
      const vk = valueKey(v);
      let vi = valueIndex.get(vk);
      if (vi === undefined) {
        vi = values.push(v) - 1;
        valueIndex.set(vk, vi);
      }
      tags.push(ki, vi);
    }
    const fw = new Writer();
    if (f.id !== undefined && Number.isInteger(f.id) && f.id >= 0) fw.uintField(1, f.id);
    if (tags.length) fw.packed(2, tags);
    fw.uintField(3, geometry[0]);
    fw.packed(4, geometry[1]);
    features.push(fw.finish());
  }
  if (features.length === 0) return undefined;
  const w = new Writer();
  w.uintField(15, 2);
  w.string(1, layer.name);
  for (const f of features) w.bytes(2, f);
  for (const k of keys) w.string(3, k);
  for (const v of values) w.bytes(4, writeValue(v));
  w.uintField(5, layer.extent ?? 4096);
  return w.finish();
}

/** The tile's bytes; empty layers are left out, and a tile with no feature is empty. */
export function encodeMvt(layers: readonly MvtLayer[]): Uint8Array {
  const w = new Writer();
  for (const layer of layers) {
    const encoded = encodeLayer(layer);
    if (encoded) w.bytes(3, encoded);
  }
  return w.finish();
}

// Reads a Mapbox Vector Tile back into layers of features with tile-coordinate geometries, for the
// tests (and anyone checking a tile by hand). The counterpart of mvt.ts; reads ST_AsMVT's output too.

export type DecodedFeature = {
  id: number | undefined;
  type: 'Point' | 'LineString' | 'Polygon' | 'Unknown';
  properties: Record<string, string | number | boolean>;
  /** Each part as a list of [x, y]: points, lines, or rings (closed, first point repeated). */
  parts: [number, number][][];
};

export type DecodedLayer = { name: string; version: number; extent: number; features: DecodedFeature[] };

class Reader {
  pos = 0;
  readonly buf: Uint8Array;
  readonly end: number;
  constructor(buf: Uint8Array, start = 0, end = buf.length) {
    this.buf = buf;
    this.pos = start;
    this.end = end;
  }
  varint(): number {
    let result = 0;
    let shift = 1;
    for (;;) {
      const b = this.buf[this.pos++] as number;
      result += (b & 0x7f) * shift;
      if (b < 0x80) return result;
      shift *= 128;
    }
  }
  skip(wire: number) {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.pos += this.varint();
    else if (wire === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }
  sub(): Reader {
    const len = this.varint();
    const r = new Reader(this.buf, this.pos, this.pos + len);
    this.pos += len;
    return r;
  }
  packed(): number[] {
    const r = this.sub();
    const out: number[] = [];
    while (r.pos < r.end) out.push(r.varint());
    return out;
  }
  string(): string {
    const r = this.sub();
    return new TextDecoder().decode(this.buf.subarray(r.pos, r.end));
  }
}

const unzigzag = (n: number) => (n % 2 === 1 ? -(n + 1) / 2 : n / 2);

function readValue(r: Reader): string | number | boolean {
  let value: string | number | boolean = '';
  while (r.pos < r.end) {
    const tag = r.varint();
    const field = tag >> 3;
    const wire = tag & 7;
    if (field === 1) value = r.string();
    else if (field === 2) {
      value = new DataView(r.buf.buffer, r.buf.byteOffset + r.pos, 4).getFloat32(0, true);
      r.pos += 4;
    } else if (field === 3) {
      value = new DataView(r.buf.buffer, r.buf.byteOffset + r.pos, 8).getFloat64(0, true);
      r.pos += 8;
    } else if (field === 4 || field === 5) value = r.varint();
    else if (field === 6) value = unzigzag(r.varint());
    else if (field === 7) value = r.varint() === 1;
    else r.skip(wire);
  }
  return value;
}

function geometry(commands: number[]): [number, number][][] {
  const parts: [number, number][][] = [];
  let x = 0;
  let y = 0;
  let i = 0;
  let current: [number, number][] | undefined;
  while (i < commands.length) {
    const c = commands[i++] as number;
    const id = c & 7;
    const count = c >> 3;
    if (id === 7) {
      if (current?.[0]) current.push([current[0][0], current[0][1]]);
      continue;
    }
    for (let k = 0; k < count; k++) {
      x += unzigzag(commands[i++] as number);
      y += unzigzag(commands[i++] as number);
      if (id === 1) {
        current = [[x, y]];
        parts.push(current);
      } else current?.push([x, y]);
    }
  }
  return parts;
}

const TYPES = ['Unknown', 'Point', 'LineString', 'Polygon'] as const;

export function decodeMvt(bytes: Uint8Array): DecodedLayer[] {
  const tile = new Reader(bytes);
  const layers: DecodedLayer[] = [];
  while (tile.pos < tile.end) {
    const tag = tile.varint();
    if (tag >> 3 !== 3) {
      tile.skip(tag & 7);
      continue;
    }
    const r = tile.sub();
    const layer: DecodedLayer = { name: '', version: 1, extent: 4096, features: [] };
    const keys: string[] = [];
    const values: (string | number | boolean)[] = [];
    const raw: { id?: number; tags: number[]; type: number; geometry: number[] }[] = [];
    while (r.pos < r.end) {
      const t = r.varint();
      const field = t >> 3;
      if (field === 1) layer.name = r.string();
      else if (field === 15) layer.version = r.varint();
      else if (field === 5) layer.extent = r.varint();
      else if (field === 3) keys.push(r.string());
      else if (field === 4) values.push(readValue(r.sub()));
      else if (field === 2) {
        const f = r.sub();
        const out: { id?: number; tags: number[]; type: number; geometry: number[] } = {
          tags: [],
          type: 0,
          geometry: [],
        };
        while (f.pos < f.end) {
          const ft = f.varint();
          const ff = ft >> 3;
          if (ff === 1) out.id = f.varint();
          else if (ff === 2) out.tags = f.packed();
          else if (ff === 3) out.type = f.varint();
          else if (ff === 4) out.geometry = f.packed();
          else f.skip(ft & 7);
        }
        raw.push(out);
      } else r.skip(t & 7);
    }
    layer.features = raw.map((f) => {
      const properties: Record<string, string | number | boolean> = {};
      for (let i = 0; i + 1 < f.tags.length; i += 2)
        properties[keys[f.tags[i] as number] as string] = values[f.tags[i + 1] as number] as string;
      return { id: f.id, type: TYPES[f.type] ?? 'Unknown', properties, parts: geometry(f.geometry) };
    });
    layers.push(layer);
  }
  return layers;
}

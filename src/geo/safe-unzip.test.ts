import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isZip, listZip, safeUnzip } from './safe-unzip.ts';

/** Rewrites the uncompressed size of every central-directory entry, as a forged archive would. */
function forgeDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++)
    if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, size, true);
  return out;
}

describe('safeUnzip', () => {
  const zip = zipSync({
    'plan/zones.shp': new Uint8Array(5000).fill(7),
    'plan/readme.txt': new Uint8Array(10),
    'plan/': new Uint8Array(0),
  });

  it('recognises a zip and lists it without inflating', () => {
    expect(isZip(zip)).toBe(true);
    expect(isZip(new TextEncoder().encode('{"type":'))).toBe(false);
    const list = listZip(zip);
    expect(Array.isArray(list) && list.map((e) => [e.name, e.size])).toEqual([
      ['plan/zones.shp', 5000],
      ['plan/readme.txt', 10],
      ['plan/', 0],
    ]);
  });

  it('extracts only the wanted entries', () => {
    const r = safeUnzip(zip, (n) => n.endsWith('.shp'));
    expect(r.ok && [...r.files.keys()]).toEqual(['plan/zones.shp']);
    expect(r.ok && r.files.get('plan/zones.shp')?.[4999]).toBe(7);
  });

  it('checks the ratio only of the entries it would extract', () => {
    const limits = { maxCompressionRatio: 10, ratioCheckMinBytes: 1000 };
    expect(safeUnzip(zip, (n) => n.endsWith('.txt'), limits).ok).toBe(true);
    const r = safeUnzip(zip, (n) => n.endsWith('.shp'), limits);
    expect(!r.ok && r.error.code).toBe('geo.zip_bomb');
    expect(!r.ok && r.error.details?.entry).toBe('plan/zones.shp');
  });

  it('never inflates past the declared size of an entry that lies about it', () => {
    const forged = forgeDeclaredSize(zipSync({ 'a.shp': new Uint8Array(1024 * 1024) }), 1000);
    const r = safeUnzip(forged, () => true);
    expect(r.ok && r.files.get('a.shp')?.length).toBe(1000);
  });

  it('counts declared sizes against the budget before inflating', () => {
    const forged = forgeDeclaredSize(zip, 300 * 1024 * 1024);
    const r = safeUnzip(forged, () => true);
    expect(!r.ok && r.error.code).toBe('geo.file_too_large');
  });
});

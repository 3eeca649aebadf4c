import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  encodingFromCpg,
  encodingFromLdid,
  guessEncoding,
  readDbfHeader,
  readDbfRecord,
  resolveDbfEncoding,
} from './dbf.ts';

/** Builds a small DBF with the given fields and rows (values already as record text). */
function dbf(
  fields: { name: string; type: string; length: number }[],
  rows: (string | Uint8Array)[][],
  ldid = 0,
) {
  const headerLength = 32 + fields.length * 32 + 1;
  const recordLength = 1 + fields.reduce((s, f) => s + f.length, 0);
  const out = new Uint8Array(headerLength + rows.length * recordLength + 1);
  const view = new DataView(out.buffer);
  out[0] = 3;
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  out[29] = ldid;
  fields.forEach((f, i) => {
    const p = 32 + i * 32;
    out.set(new TextEncoder().encode(f.name), p);
    out[p + 11] = f.type.charCodeAt(0);
    out[p + 16] = f.length;
  });
  out[headerLength - 1] = 0x0d;
  rows.forEach((row, r) => {
    const base = headerLength + r * recordLength;
    out[base] = 0x20;
    let off = base + 1;
    row.forEach((v, i) => {
      const len = fields[i]?.length ?? 0;
      const bytes = typeof v === 'string' ? new TextEncoder().encode(v) : v;
      out.fill(0x20, off, off + len);
      out.set(bytes.subarray(0, len), off);
      off += len;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

describe('code pages', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['utf8', 'utf-8'],
    ['65001', 'utf-8'],
    ['1256', 'windows-1256'],
    ['CP1256', 'windows-1256'],
    ['windows-1256', 'windows-1256'],
    ['ANSI 1256', 'windows-1256'],
    ['1252', 'windows-1252'],
    ['8859-6', 'iso-8859-6'],
    ['ISO-8859-6', 'iso-8859-6'],
    ['88596', 'iso-8859-6'],
    ['ISO88591', 'iso-8859-1'],
    ['720', 'cp720'],
    ['\uFEFFUTF-8\r\n', 'utf-8'],
    ['klingon', undefined],
  ])('.cpg %j → %s', (cpg, expected) => {
    expect(encodingFromCpg(cpg)).toBe(expected);
  });

  it('maps language driver ids', () => {
    expect(encodingFromLdid(0x7e)).toBe('windows-1256');
    expect(encodingFromLdid(0x57)).toBeUndefined();
    expect(encodingFromLdid(0)).toBeUndefined();
  });

  it('guesses from the bytes', () => {
    expect(guessEncoding(new TextEncoder().encode('abc'))).toEqual({ encoding: 'utf-8', source: 'ascii' });
    expect(guessEncoding(new TextEncoder().encode('مسجد'))).toEqual({ encoding: 'utf-8', source: 'guessed' });
    expect(guessEncoding(iconv.encode('مسجد الحي', 'windows-1256'))).toEqual({
      encoding: 'windows-1256',
      source: 'guessed',
    });
    expect(guessEncoding(iconv.encode('Zone villas isolées, équipement', 'windows-1252'))).toEqual({
      encoding: 'windows-1252',
      source: 'guessed',
    });
  });
});

describe('records', () => {
  const bytes = dbf(
    [
      { name: 'NOM_AR', type: 'C', length: 20 },
      { name: 'H', type: 'N', length: 6 },
      { name: 'OK', type: 'L', length: 1 },
      { name: 'DATE_APP', type: 'D', length: 8 },
    ],
    [
      [iconv.encode('منطقة', 'windows-1256'), '  17.5', 'T', '20190312'],
      [iconv.encode('حديقة', 'windows-1256'), '******', '?', '        '],
    ],
    0x7e,
  );

  it('reads the header and typed values', () => {
    const header = readDbfHeader(bytes);
    if ('code' in header) throw new Error(header.code);
    expect(header.recordCount).toBe(2);
    expect(header.languageDriverId).toBe(0x7e);
    expect(header.fields.map((f) => f.name)).toEqual(['NOM_AR', 'H', 'OK', 'DATE_APP']);
    const enc = resolveDbfEncoding({ header, bytes });
    expect(enc).toEqual({ encoding: 'windows-1256', source: 'ldid', warnings: [] });
    expect(readDbfRecord(bytes, header, 0, enc.encoding)).toEqual({
      deleted: false,
      values: { NOM_AR: 'منطقة', H: 17.5, OK: true, DATE_APP: '2019-03-12' },
    });
    expect(readDbfRecord(bytes, header, 1, enc.encoding).values).toEqual({
      NOM_AR: 'حديقة',
      H: null,
      OK: null,
      DATE_APP: null,
    });
  });

  it('prefers the .cpg and warns about one it does not know', () => {
    const header = readDbfHeader(bytes);
    if ('code' in header) throw new Error(header.code);
    expect(resolveDbfEncoding({ header, bytes, cpg: '1252' }).encoding).toBe('windows-1252');
    const r = resolveDbfEncoding({ header, bytes, cpg: 'klingon' });
    expect(r.encoding).toBe('windows-1256');
    expect(r.warnings.map((w) => w.code)).toEqual(['geo.encoding_unknown']);
  });

  it('rejects a truncated header', () => {
    const h = readDbfHeader(bytes.subarray(0, 10));
    expect('code' in h && h.code).toBe('geo.shp_invalid');
  });
});

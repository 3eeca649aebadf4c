// dBASE (.dbf) attribute tables as shapefiles carry them, with explicit code-page handling:
// the .cpg file if any, else the header's language driver id (byte 29), else the caller's choice,
// else a guess (valid UTF-8, else Windows-1256 when the high bytes look Arabic, else Windows-1252).
// Text is decoded with iconv-lite.

import iconv from 'iconv-lite';
import { type GeoError, geoError } from './messages.ts';

export type DbfField = { name: string; type: string; length: number; decimals: number; offset: number };

export type DbfHeader = {
  version: number;
  recordCount: number;
  headerLength: number;
  recordLength: number;
  /** Byte 29: the language driver id (code page mark), 0 when absent. */
  languageDriverId: number;
  fields: DbfField[];
};

export type DbfRecord = { deleted: boolean; values: Record<string, unknown> };

/** Where the encoding came from. */
export type EncodingSource = 'cpg' | 'ldid' | 'explicit' | 'guessed' | 'ascii';

/** Normalises a .cpg content ("UTF-8", "1256", "CP1256", "ANSI 1252", "88596"…) to an iconv name. */
export function encodingFromCpg(cpg: string): string | undefined {
  const t = cpg
    .replace(/^\uFEFF/, '')
    .trim()
    .toUpperCase();
  if (!t) return undefined;
  const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^(UTF-?8|65001)$/, () => 'utf-8'],
    [/^(?:CP|WINDOWS[-_ ]?|ANSI[-_ ]?|WIN)?(125\d)$/, (m) => `windows-${m[1]}`],
    [/^(?:ISO[-_ ]?)?8859[-_ ]?(\d{1,2})$/, (m) => `iso-8859-${m[1]}`],
    [/^(?:CP|IBM|OEM[-_ ]?)?(437|720|737|850|852|857|864|866)$/, (m) => `cp${m[1]}`],
    [/^LATIN-?1$/, () => 'iso-8859-1'],
    [/^ARABIC$/, () => 'windows-1256'],
  ];
  let name = t.toLowerCase();
  for (const [re, f] of patterns) {
    const m = re.exec(t);
    if (m) {
      name = f(m);
      break;
    }
  }
  return iconv.encodingExists(name) ? name : undefined;
}

const LDID: Readonly<Record<number, string>> = {
  1: 'cp437',
  2: 'cp850',
  3: 'windows-1252',
  88: 'windows-1252',
  89: 'windows-1252',
  100: 'cp852',
  101: 'cp866',
  106: 'cp737',
  107: 'cp857',
  125: 'windows-1255',
  126: 'windows-1256',
  200: 'windows-1250',
  201: 'windows-1251',
  202: 'windows-1254',
  203: 'windows-1253',
  204: 'windows-1257',
};

/** The code page a DBF language driver id names; 0 and 0x57 ("system ANSI") name none. */
export function encodingFromLdid(id: number): string | undefined {
  return LDID[id];
}

// Windows-1256 bytes that are Arabic letters (the Latin letters it keeps, à â ç è é ê ë î ï ô ù û ü,
// sit at their Windows-1252 places, so French text decodes the same in both).
function isArabicLetter1256(b: number): boolean {
  return (
    (b >= 0xc1 && b <= 0xd6) ||
    (b >= 0xd8 && b <= 0xdf) ||
    b === 0xe1 ||
    (b >= 0xe3 && b <= 0xe6) ||
    b === 0xec ||
    b === 0xed ||
    (b >= 0xf0 && b <= 0xf3) ||
    b === 0xf5 ||
    b === 0xf6 ||
    b === 0xf8 ||
    b === 0xfa
  );
}

/** Guesses the encoding of undeclared text bytes. */
export function guessEncoding(sample: Uint8Array): { encoding: string; source: 'ascii' | 'guessed' } {
  let high = 0;
  let arabic = 0;
  for (const b of sample) {
    if (b >= 0x80) {
      high++;
      if (isArabicLetter1256(b)) arabic++;
    }
  }
  if (high === 0) return { encoding: 'utf-8', source: 'ascii' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample);
    return { encoding: 'utf-8', source: 'guessed' };
  } catch {
    // not UTF-8
  }
  return { encoding: arabic / high >= 0.5 ? 'windows-1256' : 'windows-1252', source: 'guessed' };
}

export function readDbfHeader(bytes: Uint8Array): DbfHeader | GeoError {
  if (bytes.length < 32) return geoError('geo.shp_invalid', { reason: '.dbf shorter than its header' });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const recordCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const fields: DbfField[] = [];
  let offset = 1; // byte 0 of a record is the deletion flag
  for (let p = 32; p + 32 <= headerLength && p < bytes.length && bytes[p] !== 0x0d; p += 32) {
    let end = p;
    while (end < p + 11 && bytes[end] !== 0) end++;
    // Field names are ASCII in practice; latin1 keeps any odd byte visible.
    const name = iconv.decode(Buffer.from(bytes.subarray(p, end)), 'latin1').trim();
    const type = String.fromCharCode(bytes[p + 11] as number).toUpperCase();
    const length = bytes[p + 16] as number;
    const decimals = bytes[p + 17] as number;
    fields.push({ name, type, length, decimals, offset });
    offset += length;
  }
  if (recordLength < offset || headerLength > bytes.length) {
    return geoError('geo.shp_invalid', { reason: '.dbf header inconsistent with its fields' });
  }
  return {
    version: bytes[0] as number,
    recordCount,
    headerLength,
    recordLength,
    languageDriverId: bytes[29] as number,
    fields,
  };
}

/** The bytes of every text (C) field of up to `maxRecords` records, to guess an encoding. */
export function textSample(bytes: Uint8Array, header: DbfHeader, maxRecords = 2000): Uint8Array {
  const textFields = header.fields.filter((f) => f.type === 'C');
  const parts: Uint8Array[] = [];
  let size = 0;
  const n = Math.min(header.recordCount, maxRecords);
  for (let i = 0; i < n; i++) {
    const base = header.headerLength + i * header.recordLength;
    for (const f of textFields) {
      const slice = bytes.subarray(base + f.offset, base + f.offset + f.length);
      parts.push(slice);
      size += slice.length;
    }
  }
  const out = new Uint8Array(size);
  let p = 0;
  for (const s of parts) {
    out.set(s, p);
    p += s.length;
  }
  return out;
}

function parseValue(field: DbfField, raw: Uint8Array, encoding: string): unknown {
  switch (field.type) {
    case 'C': {
      const text = iconv.decode(Buffer.from(raw), encoding).replace(/\0+$/, '').trim();
      return text;
    }
    case 'N':
    case 'F': {
      const text = iconv.decode(Buffer.from(raw), 'latin1').trim();
      if (!text || /^\*+$/.test(text)) return null;
      const n = Number(text.replace(',', '.'));
      return Number.isFinite(n) ? n : null;
    }
    case 'L': {
      const c = String.fromCharCode(raw[0] ?? 0x3f).toUpperCase();
      if (c === 'T' || c === 'Y') return true;
      if (c === 'F' || c === 'N') return false;
      return null;
    }
    case 'D': {
      const text = iconv.decode(Buffer.from(raw), 'latin1').trim();
      const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
      return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
    }
    case 'I': {
      if (raw.length < 4) return null;
      return new DataView(raw.buffer, raw.byteOffset, 4).getInt32(0, true);
    }
    case 'B':
    case 'O': {
      if (raw.length < 8) return null;
      return new DataView(raw.buffer, raw.byteOffset, 8).getFloat64(0, true);
    }
    case 'M':
      return null; // memo fields live in a .dbt we do not read
    default:
      return iconv.decode(Buffer.from(raw), encoding).trim();
  }
}

/** Decodes record `index` (0-based). */
export function readDbfRecord(
  bytes: Uint8Array,
  header: DbfHeader,
  index: number,
  encoding: string,
): DbfRecord {
  const base = header.headerLength + index * header.recordLength;
  const values: Record<string, unknown> = {};
  if (base + header.recordLength > bytes.length) return { deleted: false, values };
  for (const f of header.fields) {
    values[f.name] = parseValue(f, bytes.subarray(base + f.offset, base + f.offset + f.length), encoding);
  }
  return { deleted: bytes[base] === 0x2a, values };
}

export type ResolvedEncoding = { encoding: string; source: EncodingSource; warnings: GeoError[] };

/** Chooses the encoding: .cpg, then language driver id, then the caller's choice, then a guess. */
export function resolveDbfEncoding(input: {
  cpg?: string;
  header: DbfHeader;
  bytes: Uint8Array;
  explicit?: string;
}): ResolvedEncoding {
  const warnings: GeoError[] = [];
  if (input.cpg !== undefined) {
    const fromCpg = encodingFromCpg(input.cpg);
    if (fromCpg) return { encoding: fromCpg, source: 'cpg', warnings };
    warnings.push(geoError('geo.encoding_unknown', { cpg: input.cpg.trim().slice(0, 40) }));
  }
  const fromLdid = encodingFromLdid(input.header.languageDriverId);
  if (fromLdid) return { encoding: fromLdid, source: 'ldid', warnings };
  if (input.explicit) {
    const name = encodingFromCpg(input.explicit);
    if (name) return { encoding: name, source: 'explicit', warnings };
    warnings.push(geoError('geo.encoding_unknown', { encoding: input.explicit }));
  }
  const guess = guessEncoding(textSample(input.bytes, input.header));
  if (guess.source === 'guessed')
    warnings.push(geoError('geo.encoding_guessed', { encoding: guess.encoding }));
  return { encoding: guess.encoding, source: guess.source, warnings };
}

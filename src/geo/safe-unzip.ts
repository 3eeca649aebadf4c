// Zip extraction with guards against zip bombs, checked on the central directory BEFORE anything is
// inflated: number of entries, sum of declared uncompressed sizes, and compression ratio. fflate
// inflates each entry into a buffer of its declared size, so an entry that lies about its size is
// truncated, never grown: memory stays bounded by what we checked.

import { unzipSync } from 'fflate';
import { type GeoError, geoError } from './messages.ts';

export type ZipLimits = {
  /** Largest accepted input (the zip itself or a GeoJSON file), bytes. Default 200 MB. */
  maxInputBytes: number;
  /** Largest sum of the uncompressed sizes of the entries we extract, bytes. Default 200 MB. */
  maxUncompressedBytes: number;
  /** Most entries (files and folders) in the archive. Default 2,000. */
  maxEntries: number;
  /** Highest uncompressed/compressed ratio of one entry. Default 200 (DBF padding compresses ~50–100×). */
  maxCompressionRatio: number;
  /** Entries smaller than this are not ratio-checked (tiny files compress oddly). Default 1 MiB. */
  ratioCheckMinBytes: number;
};

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxInputBytes: 200 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxEntries: 2000,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 1024 * 1024,
};

export type ZipEntryInfo = { name: string; compressedSize: number; size: number; compression: number };

export type UnzipResult =
  | { ok: true; files: Map<string, Uint8Array>; entries: ZipEntryInfo[] }
  | { ok: false; error: GeoError };

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** Lists the archive's central directory without inflating anything. */
export function listZip(bytes: Uint8Array): ZipEntryInfo[] | GeoError {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({
          name: f.name,
          compressedSize: f.size,
          size: f.originalSize,
          compression: f.compression,
        });
        return false;
      },
    });
  } catch (e) {
    return geoError('geo.zip_invalid', { reason: e instanceof Error ? e.message : String(e) });
  }
  return entries;
}

/**
 * Extracts the entries `want` selects, after checking the limits on the whole archive (the count)
 * and on the selected entries (sizes, ratio).
 */
export function safeUnzip(
  bytes: Uint8Array,
  want: (name: string) => boolean,
  limits: Partial<ZipLimits> = {},
): UnzipResult {
  const l = { ...DEFAULT_ZIP_LIMITS, ...limits };
  if (bytes.length > l.maxInputBytes) {
    return {
      ok: false,
      error: geoError('geo.file_too_large', { bytes: bytes.length, limit: l.maxInputBytes }),
    };
  }
  const listed = listZip(bytes);
  if (!Array.isArray(listed)) return { ok: false, error: listed };
  if (listed.length > l.maxEntries) {
    return {
      ok: false,
      error: geoError('geo.zip_too_many_entries', { entries: listed.length, limit: l.maxEntries }),
    };
  }
  const selected = listed.filter((e) => !e.name.endsWith('/') && want(e.name));
  let total = 0;
  for (const e of selected) {
    if (e.compression !== 0 && e.compression !== 8) {
      return {
        ok: false,
        error: geoError('geo.zip_invalid', { entry: e.name, reason: `compression method ${e.compression}` }),
      };
    }
    total += e.size;
    if (total > l.maxUncompressedBytes) {
      return {
        ok: false,
        error: geoError('geo.file_too_large', { uncompressedBytes: total, limit: l.maxUncompressedBytes }),
      };
    }
    const ratio = e.size / Math.max(e.compressedSize, 1);
    if (e.size >= l.ratioCheckMinBytes && ratio > l.maxCompressionRatio) {
      return {
        ok: false,
        error: geoError('geo.zip_bomb', {
          entry: e.name,
          ratio: Math.round(ratio),
          limit: l.maxCompressionRatio,
        }),
      };
    }
  }
  const names = new Set(selected.map((e) => e.name));
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, { filter: (f) => names.has(f.name) });
  } catch (e) {
    return {
      ok: false,
      error: geoError('geo.zip_invalid', { reason: e instanceof Error ? e.message : String(e) }),
    };
  }
  return { ok: true, files: new Map(Object.entries(raw)), entries: listed };
}

// The type of an upload is read from its bytes, never from its name or the browser's claim.
import { fileTypeFromBuffer } from 'file-type';

export type Sniffed = { mediaType: string; extension: string };

const TEXT_TYPES: Record<string, Sniffed> = {
  csv: { mediaType: 'text/csv', extension: 'csv' },
  txt: { mediaType: 'text/plain', extension: 'txt' },
  json: { mediaType: 'application/json', extension: 'json' },
  geojson: { mediaType: 'application/geo+json', extension: 'geojson' },
};

/** Valid UTF-8 without control characters other than tab, CR, LF: plain text. */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
    }
    return true;
  } catch {
    return false;
  }
}

export async function sniffMediaType(bytes: Buffer, filename = ''): Promise<Sniffed | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  if (found) return { mediaType: found.mime, extension: found.ext };
  if (!isPlainText(bytes)) return undefined;
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  return TEXT_TYPES[ext] ?? TEXT_TYPES.txt;
}

/** A safe file name for Content-Disposition: no path, no control characters, bounded length. */
export function safeFilename(name: string, fallback = 'document'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '"')
    .join('')
    .trim()
    .slice(0, 120);
  return clean || fallback;
}

// Open311 GeoReport v2 documents in its two formats: XML (required by the spec) and JSON. The same
// plain objects are written as a JSON array or as XML with the spec's element names.
import { XMLBuilder } from 'fast-xml-parser';

export type Format = 'json' | 'xml';
export const isFormat = (value: unknown): value is Format => value === 'json' || value === 'xml';

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false, suppressBooleanAttributes: false });

export const contentType = (format: Format) =>
  format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8';

/** Replace null and undefined by '' for XML (empty elements), keep them for JSON. */
function forXml(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(forXml);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, forXml(v)]),
    );
  return value;
}

/**
 * A document: `root` and `item` name the XML wrapper (`<services><service>…`); JSON is the array.
 * `single` documents (discovery, service definition) are one object, not a list.
 */
export function render(
  format: Format,
  shape: { root: string; item?: string },
  body: Record<string, unknown> | Record<string, unknown>[],
): string {
  if (format === 'json') return JSON.stringify(body);
  const inner = shape.item ? { [shape.item]: forXml(body) } : forXml(body);
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [shape.root]: inner })}`;
}

export function renderErrors(format: Format, errors: { code: number; description: string }[]): string {
  return render(format, { root: 'errors', item: 'error' }, errors);
}

/** A list attribute inside an element (`<values><value>…`, `<formats><format>…`) for XML. */
export function list<T>(format: Format, item: string, values: T[]): T[] | { [key: string]: T[] } {
  return format === 'xml' ? { [item]: values } : values;
}

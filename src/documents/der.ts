import { DocumentError } from './errors.ts';

/**
 * Minimal DER (X.690) writer and reader working on raw bytes. Used for CMS so that certificates,
 * names and serial numbers are copied byte for byte from the certificates, never re-encoded.
 */

const encodeLength = (length: number): Buffer => {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
};

export const tlv = (tag: number, content: Uint8Array): Buffer =>
  Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);

export const TAG = {
  integer: 0x02,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  sequence: 0x30,
  set: 0x31,
  context0: 0xa0,
  context4: 0xa4,
} as const;

export const sequence = (...items: Uint8Array[]): Buffer => tlv(TAG.sequence, Buffer.concat(items));
/** SET OF in DER order: elements sorted by their encodings (X.690 11.6). */
export const setOf = (...items: Uint8Array[]): Buffer =>
  tlv(TAG.set, Buffer.concat([...items].map((i) => Buffer.from(i)).sort(Buffer.compare)));
export const octetString = (bytes: Uint8Array): Buffer => tlv(TAG.octetString, bytes);
export const nullValue = (): Buffer => Buffer.from([TAG.null, 0x00]);
export const smallInteger = (value: number): Buffer => {
  if (!Number.isInteger(value) || value < 0 || value > 127) throw new RangeError('small integers only');
  return tlv(TAG.integer, Buffer.from([value]));
};

export const objectIdentifier = (dotted: string): Buffer => {
  const arcs = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = arcs;
  const bytes: number[] = [first * 40 + second];
  for (const arc of rest) {
    const chunk: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(TAG.oid, Buffer.from(bytes));
};

export type Element = {
  tag: number;
  /** The whole element: tag, length and content. */
  bytes: Buffer;
  content: Buffer;
};

/** Reads one element at `offset` (definite lengths only, as DER requires). */
export const readElement = (buffer: Buffer, offset = 0): Element => {
  const fail = (): never => {
    throw new DocumentError('documents.invalid_input', 'malformed DER');
  };
  const tag = buffer[offset] ?? fail();
  let length = buffer[offset + 1] ?? fail();
  let headerLength = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) fail();
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (buffer[offset + 2 + i] ?? fail());
    headerLength += count;
  }
  const end = offset + headerLength + length;
  if (end > buffer.length) fail();
  return { tag, bytes: buffer.subarray(offset, end), content: buffer.subarray(offset + headerLength, end) };
};

/** The elements inside a constructed element. */
export const children = (element: Element): Element[] => {
  const items: Element[] = [];
  for (let offset = 0; offset < element.content.length; ) {
    const child = readElement(element.content, offset);
    items.push(child);
    offset += child.bytes.length;
  }
  return items;
};

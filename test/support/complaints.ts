// Helpers for the complaint tests: filing bodies (multipart), files whose type is sniffed, a verified proof.
import { expect } from 'vitest';
import type { TestClient, TestContext } from './test-app.ts';

/** A real PNG (1×1) and a real PDF header: types are sniffed from content. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a5e40000000049454e44ae426082',
  'hex',
);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** A Windows executable's first bytes. */
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);

/** Témara, in Skhirate-Témara (AUST). */
export const TEMARA = { latitude: 33.9267, longitude: -6.9063 };

export type File = { filename: string; bytes: Buffer; contentType?: string };

/** A multipart/form-data body as the filing form sends it: a `complaint` JSON part and attachments. */
export function filingBody(complaint: Record<string, unknown>, files: File[] = []) {
  const boundary = `----taamir${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="complaint"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(complaint)}\r\n`,
    ),
  ];
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${file.filename}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function file(client: TestClient, complaint: Record<string, unknown>, files: File[] = []) {
  const { body, contentType } = filingBody(complaint, files);
  return client.request('POST', '/api/complaints', body as never, { 'content-type': contentType });
}

/** Ask for a code, read it from the captured mail, confirm it: the proof to file with. */
export async function verifiedProof(ctx: TestContext, client: TestClient, email: string): Promise<string> {
  const asked = await client.post('/api/complaints/verifications', { channel: 'email', destination: email });
  expect(asked.statusCode, asked.body).toBe(202);
  await ctx.drain();
  const mail = ctx.mails.filter((m) => m.to === email).at(-1);
  const code = /(\d{6})/.exec(mail?.subject ?? '')?.[1];
  expect(code).toBeDefined();
  const confirmed = await client.post(`/api/complaints/verifications/${asked.json().id}/confirm`, { code });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return confirmed.json().proof as string;
}

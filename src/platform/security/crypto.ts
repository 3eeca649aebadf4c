// Small cryptographic helpers shared by the modules: random tokens, hashes, and sealed secrets.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export const hmacHex = (key: Buffer, data: string) => createHmac('sha256', key).update(data).digest('hex');

/** AES-256-GCM with a key derived from the platform secret; output `v1.<iv>.<tag>.<ciphertext>`. */
export function seal(secretKey: Buffer, plaintext: string, purpose: string): string {
  const key = createHash('sha256').update(secretKey).update(`\0${purpose}`).digest();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

export function unseal(secretKey: Buffer, sealed: string, purpose: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unsupported sealed value');
  const key = createHash('sha256').update(secretKey).update(`\0${purpose}`).digest();
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

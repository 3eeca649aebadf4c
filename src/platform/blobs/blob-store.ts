// Content-addressed storage: bytes are kept under their SHA-256, written once, read by key. The
// filesystem store lives under DATA_DIR/blobs; an S3-compatible store can implement the same port.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type BlobStore = {
  /** Store bytes; returns their SHA-256 (hex). Storing the same bytes twice is a no-op. */
  put(bytes: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
};

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const SHA = /^[0-9a-f]{64}$/;

export function fileBlobStore(root: string): BlobStore {
  const where = (sha: string) => {
    if (!SHA.test(sha)) throw new Error('invalid blob key');
    return path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  };
  return {
    async put(bytes) {
      const sha = sha256Of(bytes);
      const file = where(sha);
      try {
        await stat(file);
        return sha;
      } catch {
        await mkdir(path.dirname(file), { recursive: true });
        // Write then rename: a reader never sees half a file, and two writers of the same bytes agree.
        const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(tmp, bytes, { mode: 0o640 });
        await rename(tmp, file);
        return sha;
      }
    },
    async get(sha) {
      const bytes = await readFile(where(sha));
      if (sha256Of(bytes) !== sha) throw new Error(`blob ${sha} is corrupt`);
      return bytes;
    },
    async has(sha) {
      try {
        await stat(where(sha));
        return true;
      } catch {
        return false;
      }
    },
  };
}

export function memoryBlobStore(): BlobStore {
  const blobs = new Map<string, Buffer>();
  return {
    async put(bytes) {
      const sha = sha256Of(bytes);
      blobs.set(sha, Buffer.from(bytes));
      return sha;
    },
    async get(sha) {
      const bytes = blobs.get(sha);
      if (!bytes) throw new Error(`no blob ${sha}`);
      return bytes;
    },
    async has(sha) {
      return blobs.has(sha);
    },
  };
}

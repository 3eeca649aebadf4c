// Fresh databases for tests, cheaply: a migrated and reference-seeded template is made once per
// migration set, then cloned for each test file (PGlite: loaded from a dump; server: CREATE DATABASE
// … TEMPLATE). A database whose name lacks "test" is never created, wiped or dropped here.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { testDatabaseUrl } from '../../src/config.ts';
import { type Database, fromPglite, fromPool, PGLITE_EXTENSIONS } from '../../src/platform/db/database.ts';
import { migrate, migrationsDigest, readMigrations } from '../../src/platform/db/migrate.ts';
import { loadReferenceData } from '../../src/reference/load-reference-data.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CACHE_DIR = path.join(ROOT, '.cache');

export class UnsafeDatabaseError extends Error {}

/** The guard every destructive helper goes through. */
export function assertTestDatabase(name: string): void {
  if (!name.toLowerCase().includes('test')) {
    throw new UnsafeDatabaseError(
      `refusing to wipe or drop database "${name}": its name does not contain "test"`,
    );
  }
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

/** Everything a template depends on: the migrations and the reference data files. */
export function templateDigest(): string {
  const hash = createHash('sha256').update(migrationsDigest(readMigrations()));
  const dataDir = path.join(ROOT, 'src/reference/data');
  for (const f of readdirSync(dataDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    hash.update(f).update(readFileSync(path.join(dataDir, f)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function prepare(db: Database): Promise<void> {
  await migrate(db);
  await loadReferenceData(db);
}

// PGlite ---------------------------------------------------------------------------------------

export function pgliteTemplatePath(digest = templateDigest()): string {
  return path.join(CACHE_DIR, `pglite-template-${digest}.tar.gz`);
}

export async function ensurePgliteTemplate(): Promise<string> {
  const file = pgliteTemplatePath();
  if (existsSync(file)) return file;
  mkdirSync(CACHE_DIR, { recursive: true });
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  try {
    await prepare(fromPglite(client));
    const dump = await client.dumpDataDir('gzip');
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  } finally {
    await client.close();
  }
  return file;
}

async function freshPglite(): Promise<Database> {
  const file = await ensurePgliteTemplate();
  const client = await PGlite.create({
    loadDataDir: new Blob([readFileSync(file)]),
    extensions: PGLITE_EXTENSIONS,
  });
  return fromPglite(client);
}

// PostgreSQL server ----------------------------------------------------------------------------

export const serverTemplateName = (digest = templateDigest()) => `taamir_test_tpl_${digest}`;

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function ensureServerTemplate(adminUrl: string): Promise<string> {
  const name = serverTemplateName();
  assertTestDatabase(name);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return name;
    // Built under a temporary name and renamed when complete, so a crash never leaves half a template.
    const building = `${name}_building_${randomBytes(3).toString('hex')}`;
    await client.query(`create database "${building}"`);
    const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, building), max: 2 });
    try {
      await prepare(fromPool(pool));
    } finally {
      await pool.end();
    }
    try {
      await client.query(`alter database "${building}" rename to "${name}"`);
    } catch {
      // Another process finished the same template first.
      await client.query(`drop database if exists "${building}"`);
    }
    return name;
  } finally {
    await client.end();
  }
}

export async function dropTestDatabase(adminUrl: string, name: string): Promise<void> {
  assertTestDatabase(name);
  await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
}

async function freshServerDatabase(adminUrl: string): Promise<{ db: Database; name: string; url: string }> {
  const template = await ensureServerTemplate(adminUrl);
  const name = `taamir_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  assertTestDatabase(name);
  await adminQuery(adminUrl, `create database "${name}" template "${template}"`);
  const url = withDatabase(adminUrl, name);
  return { db: fromPool(new pg.Pool({ connectionString: url, max: 8 })), name, url };
}

// Either -----------------------------------------------------------------------------------------

export type TestDatabase = {
  db: Database;
  kind: 'pglite' | 'postgresql';
  /** The server database's URL (postgresql only). */
  url?: string;
  dispose(): Promise<void>;
};

/** A migrated database with the reference data, of its own: PGlite, or the server when TEST_DATABASE_URL is set. */
export async function freshTestDatabase(): Promise<TestDatabase> {
  const adminUrl = testDatabaseUrl();
  if (!adminUrl) {
    const db = await freshPglite();
    return { db, kind: 'pglite', dispose: () => db.close() };
  }
  assertTestDatabase(databaseNameOf(adminUrl));
  const { db, name, url } = await freshServerDatabase(adminUrl);
  return {
    db,
    kind: 'postgresql',
    url,
    dispose: async () => {
      await db.close();
      await dropTestDatabase(adminUrl, name);
    },
  };
}

// One PostgreSQL dialect, two drivers: embedded PGlite (a folder under DATA_DIR) or a server (pg Pool).
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { postgis } from '@electric-sql/pglite-postgis';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { DatabaseConfig } from '../../config.ts';

/** A drizzle handle: the database itself or an open transaction (a transaction is a database too). */
export type Orm = PgDatabase<PgQueryResultHKT>;

export type DatabaseKind = 'pglite' | 'postgresql';

export type Database = {
  readonly kind: DatabaseKind;
  readonly orm: Orm;
  /** Run `fn` in one transaction. Inside it, use only the handle it receives. */
  transaction<T>(fn: (tx: Orm) => Promise<T>): Promise<T>;
  /** One connection for a while (migrations, locks): scripts of several statements and plain queries. */
  withSession<T>(fn: (session: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The embedded engine, when there is one (tests clone and dump it). */
  readonly pglite?: PGlite;
};

export type Session = {
  exec(script: string): Promise<void>;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
};

export const PGLITE_EXTENSIONS = { postgis, pg_trgm, unaccent };

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'pglite') {
    if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
    const client = await PGlite.create({ dataDir: config.dataDir, extensions: PGLITE_EXTENSIONS });
    return fromPglite(client);
  }
  return fromPool(new pg.Pool({ connectionString: config.url, max: 10 }));
}

export function fromPglite(client: PGlite): Database {
  const orm = drizzlePglite(client) as unknown as Orm;
  return {
    kind: 'pglite',
    orm,
    pglite: client,
    transaction: (fn) => orm.transaction((tx) => fn(tx as unknown as Orm)),
    withSession: (fn) =>
      fn({
        exec: async (script) => {
          await client.exec(script);
        },
        query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
      }),
    close: () => client.close(),
  };
}

export function fromPool(pool: pg.Pool): Database {
  // An idle client can be cut by the server (restart, failover, admin). The pool drops it and opens
  // another on the next query; without a listener the event would crash the process.
  pool.on('error', () => undefined);
  // Dates, bigints and numerics come back as strings from pg; keep timestamps as Date (driver default).
  const orm = drizzleNodePg(pool) as unknown as Orm;
  return {
    kind: 'postgresql',
    orm,
    transaction: (fn) => orm.transaction((tx) => fn(tx as unknown as Orm)),
    withSession: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <T>(text: string, params?: unknown[]) =>
            (await client.query(text, params)).rows as T[],
        });
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Rows of a raw SQL query, for the places where the query builder is not the clearer tool. */
export async function rows<T>(db: Orm, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function one<T>(db: Orm, query: SQL): Promise<T | undefined> {
  return (await rows<T>(db, query))[0];
}

export async function serverVersion(db: Orm): Promise<string> {
  const row = await one<{ v: string }>(db, sql`select version() as v`);
  return row?.v ?? 'unknown';
}

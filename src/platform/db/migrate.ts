// Applies migrations/NNNN_name.sql in order, each in its own transaction, once.
// An applied migration must never change: its checksum is kept and compared.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, Session } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export type Migration = { name: string; checksum: string; script: string };

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const script = readFileSync(path.join(dir, name), 'utf8');
      return { name, script, checksum: createHash('sha256').update(script).digest('hex') };
    });
}

/** A digest of every migration, used to name cached test templates. */
export function migrationsDigest(migrations = readMigrations()): string {
  const hash = createHash('sha256');
  for (const m of migrations) hash.update(`${m.name}:${m.checksum}\n`);
  return hash.digest('hex').slice(0, 16);
}

export class MigrationError extends Error {}

const LOCK_KEY = 7261912;

async function pending(session: Session, migrations: Migration[]): Promise<Migration[]> {
  const applied = await session.query<{ name: string; checksum: string }>(
    'select name, checksum from taamir_migrations',
  );
  const byName = new Map(applied.map((m) => [m.name, m.checksum]));
  for (const m of migrations) {
    const checksum = byName.get(m.name);
    if (checksum && checksum !== m.checksum)
      throw new MigrationError(`Migration ${m.name} was changed after it was applied`);
  }
  return migrations.filter((m) => !byName.has(m.name));
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function migrate(db: Database, migrations = readMigrations()): Promise<string[]> {
  return db.withSession(async (session) => {
    await session.exec(`CREATE TABLE IF NOT EXISTS taamir_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Several app processes may start together on one server: one migrates, the others wait.
    if (db.kind === 'postgresql') await session.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      const todo = await pending(session, migrations);
      for (const m of todo) {
        try {
          await session.exec(
            `BEGIN;\n${m.script}\n;\nINSERT INTO taamir_migrations (name, checksum) VALUES (${quote(m.name)}, ${quote(m.checksum)});\nCOMMIT;`,
          );
        } catch (error) {
          await session.exec('ROLLBACK').catch(() => undefined);
          throw new MigrationError(`Migration ${m.name} failed: ${(error as Error).message}`);
        }
      }
      return todo.map((m) => m.name);
    } finally {
      if (db.kind === 'postgresql') await session.query('select pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
}

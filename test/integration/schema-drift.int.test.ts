// The SQL migrations are the source of truth; the drizzle table descriptions must match them.
// Every `tables.ts` / `*.tables.ts` under src/ is checked column by column against the migrated database.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/platform/db/database.ts';
import { freshTestDatabase, type TestDatabase } from '../support/database.ts';

function tableFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return tableFiles(full);
    return name === 'tables.ts' || name.endsWith('.tables.ts') ? [full] : [];
  });
}

/** information_schema's udt_name for a drizzle SQL type. */
function udtOf(sqlType: string): string {
  const t = sqlType.toLowerCase();
  if (t.endsWith('[]')) return `_${udtOf(t.slice(0, -2))}`;
  if (t.startsWith('timestamp') && t.includes('with time zone')) return 'timestamptz';
  if (t.startsWith('timestamp')) return 'timestamp';
  if (t.startsWith('geometry')) return 'geometry';
  if (t.startsWith('numeric')) return 'numeric';
  if (t.startsWith('varchar')) return 'varchar';
  return (
    (
      {
        bigint: 'int8',
        bigserial: 'int8',
        integer: 'int4',
        serial: 'int4',
        smallint: 'int2',
        boolean: 'bool',
        'double precision': 'float8',
        real: 'float4',
      } as Record<string, string>
    )[t] ?? t
  );
}

let database: TestDatabase;
beforeAll(async () => {
  database = await freshTestDatabase();
});
afterAll(async () => database?.dispose());

describe('drizzle tables match the migrated schema', () => {
  it('has every described column with the same type and nullability', async () => {
    const tables: PgTable[] = [];
    for (const file of tableFiles(path.resolve('src'))) {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const value of Object.values(mod)) if (value instanceof PgTable) tables.push(value);
    }
    expect(tables.length).toBeGreaterThan(10);
    const columns = await rows<{
      table_name: string;
      column_name: string;
      udt_name: string;
      is_nullable: string;
    }>(
      database.db.orm,
      sql`select table_name, column_name, udt_name, is_nullable from information_schema.columns where table_schema = 'public'`,
    );
    const actual = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c]));
    const problems: string[] = [];
    for (const table of tables) {
      const config = getTableConfig(table);
      for (const column of config.columns) {
        const key = `${config.name}.${column.name}`;
        const found = actual.get(key);
        if (!found) {
          problems.push(`${key}: missing in the database`);
          continue;
        }
        const expected = udtOf(column.getSQLType());
        if (found.udt_name !== expected)
          problems.push(`${key}: drizzle ${expected}, database ${found.udt_name}`);
        if ((found.is_nullable === 'NO') !== column.notNull) problems.push(`${key}: nullability differs`);
      }
    }
    expect(problems).toEqual([]);
  });
});

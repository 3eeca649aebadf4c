// `npx taamir open311 issue-key --agency CODE --name "Partner"`, as an operator runs it (a separate
// process on a fresh database), then the key it printed on its last line, used by an Open311 client.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTestDatabase, type TestDatabase } from '../../../../test/support/database.ts';
import { buildApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import { type Database, openDatabase } from '../../../platform/db/database.ts';
import { startRuntime } from '../../../runtime.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/taamir.js');

async function taamir(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      timeout: 180_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dataDir: string;
let server: TestDatabase | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'taamir-open311-cli-'));
  env = { DATA_DIR: dataDir, DEMO_DATA: 'false' };
  if (process.env.TEST_DATABASE_URL) {
    server = await freshTestDatabase();
    env.DATABASE_URL = server.url!;
  }
});
afterAll(async () => {
  await server?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('taamir open311 issue-key', () => {
  it('prints a working key on its last line, and refuses an unknown agency or bad usage', async () => {
    const seeded = await taamir(['seed', '--demo'], env);
    expect(seeded.code, seeded.stderr).toBe(0);
    const usage = await taamir(['open311', 'issue-key', '--agency', 'AUST'], env);
    expect(usage.code).toBe(2);
    const unknown = await taamir(['open311', 'issue-key', '--agency', 'NOPE', '--name', 'Partner'], env);
    expect(unknown.code).toBe(1);
    const short = await taamir(['open311', 'issue-key', '--agency', 'AUST', '--name', 'X'], env);
    expect(unknown.stderr).toContain('reference.agency_not_found (NOPE)');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('name: minLength');

    const issued = await taamir(
      ['open311', 'issue-key', '--agency', 'AUST', '--name', 'Commune de Témara'],
      env,
    );
    expect(issued.code, issued.stderr).toBe(0);
    const key = issued.stdout.trim().split('\n').at(-1)!;
    expect(key).toMatch(/^tmr_[A-Za-z0-9]{10}_[A-Za-z0-9_-]{32,64}$/);

    // The key files a request through Open311 on the same database.
    let db: Database | undefined;
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      OUTBOX_POLL_MS: '0',
      RATE_LIMIT_PER_MINUTE: '0',
      DEMO_DATA: 'false',
      WEB_DIST_DIR: path.join(dataDir, 'no-web'),
      ...(server ? { DATABASE_URL: server.url! } : {}),
    });
    db = server ? server.db : await openDatabase(config.database);
    const runtime = await startRuntime(config, { db, migrate: false, seed: false });
    const app = await buildApp(runtime);
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          api_key: key,
          service_code: 'public_space',
          lat: '33.9267',
          long: '-6.9063',
          description: 'Gravats sur le trottoir depuis deux semaines.',
          'attribute[nuisances][]': 'rubble',
        }).toString(),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()[0].service_request_id).toMatch(/^AUST-RECL-\d{4}-000001$/);
    } finally {
      await app.close();
      await runtime.close();
      if (!server) await db.close();
      db = undefined;
    }
  }, 300_000);
});

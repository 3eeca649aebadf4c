// The `taamir` command as operators run it: a separate process, its output and exit codes.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGLITE_EXTENSIONS } from '../../src/platform/db/database.ts';
import { freshTestDatabase, type TestDatabase } from '../support/database.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/taamir.js');

async function taamir(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('taamir without a database', () => {
  it('lists its commands', async () => {
    const help = await taamir(['--help']);
    expect(help.code).toBe(0);
    for (const command of [
      'serve',
      'migrate',
      'seed',
      'create-user',
      'audit verify',
      'calendar holidays',
      'calendar add',
    ]) {
      expect(help.stdout).toContain(command);
    }
  });

  it('gives each command a --help and refuses bad usage with exit 2', async () => {
    const help = await taamir(['create-user', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--email');
    expect((await taamir(['frobnicate'])).code).toBe(2);
    const bad = await taamir(['calendar', 'add', '2026-02-30', '3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a date');
    expect((await taamir(['create-user', '--email', 'x@y.ma'])).code).toBe(2);
  });

  it('prints the holidays of a year and adds working days', async () => {
    const holidays = await taamir(['calendar', 'holidays', '2026']);
    expect(holidays.code).toBe(0);
    const lines = holidays.stdout.trim().split('\n');
    expect(lines).toContain('2026-01-01 Nouvel An');
    expect(lines.every((l) => /^2026-\d\d-\d\d \S/.test(l))).toBe(true);
    const add = await taamir(['calendar', 'add', '2026-03-16', '10']);
    expect(add.stdout.trim()).toBe('2026-03-31');
  });
});

describe('taamir with a database', () => {
  let dataDir: string;
  let server: TestDatabase | undefined;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'taamir-cli-'));
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

  it('migrates, seeds, creates a staff user, verifies the audit trail and finds a tampered row', async () => {
    const migrate = await taamir(['migrate'], env);
    expect(migrate.code, migrate.stderr).toBe(0);
    const seed = await taamir(['seed'], env);
    expect(seed.stdout).toContain('30 agencies');
    const created = await taamir(
      [
        'create-user',
        '--email',
        'agent.cli@example.ma',
        '--name',
        'Agent CLI',
        '--password',
        'Long-enough-pass-42',
        '--org',
        'AUST',
        '--role',
        'instructor',
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/created agent\.cli@example\.ma .* as instructor of AUST/);
    const again = await taamir(
      ['create-user', '--email', 'agent.cli@example.ma', '--name', 'X', '--password', 'Long-enough-pass-42'],
      env,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('taken');

    const ok = await taamir(['audit', 'verify'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/audit trail intact: \d+ events/);

    const tamper = `alter table audit_events disable trigger audit_events_no_update;
      update audit_events set actor_label = 'someone else' where position = 1;
      alter table audit_events enable trigger audit_events_no_update;`;
    if (server) await server.db.withSession((s) => s.exec(tamper));
    else {
      const db = await PGlite.create({
        dataDir: path.join(dataDir, 'pglite'),
        extensions: PGLITE_EXTENSIONS,
      });
      await db.exec(tamper);
      await db.close();
    }
    const broken = await taamir(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/BROKEN in chain \S+ at position 1/);
  }, 180_000);
});

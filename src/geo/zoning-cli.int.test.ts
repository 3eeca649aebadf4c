// `taamir zoning import` as an operator runs it: progress lines, the report, exit codes, and nothing
// imported from a bad file.
import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTestDatabase, type TestDatabase } from '../../test/support/database.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/taamir.js');
const FIXTURES = path.resolve('test/fixtures/geo');

let dataDir: string;
let server: TestDatabase | undefined;
let env: Record<string, string>;

async function taamir(...args: string[]) {
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

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'taamir-zoning-'));
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

describe('taamir zoning import', () => {
  it('imports an approved plan from a zipped shapefile, with progress and a report', async () => {
    const r = await taamir(
      'zoning',
      'import',
      path.join(FIXTURES, 'zones-26191.zip'),
      '--agency',
      'AUC',
      '--approved',
      '--approved-on',
      '2020-06-01',
      '--plan',
      'pa-cli',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('reading: 6/6 features (100%)');
    expect(r.stdout).toContain('checking geometries in PostGIS: 6/6 features (100%)');
    expect(r.stdout).toMatch(
      /layer zones \(pa-hay-hassani\/zones\.shp\): zones, EPSG:26191 Merchich \/ Nord Maroc \(prj\), utf-8, 4 features, 0 errors/,
    );
    expect(r.stdout).toContain('ZONE→zoneCode');
    expect(r.stdout).toContain('published pa-cli version 1 (approved): zones 4, roads 2');
    const again = await taamir(
      'zoning',
      'import',
      path.join(FIXTURES, 'reservations-cp1256.zip'),
      '--agency',
      'AUC',
      '--approved',
      '--plan',
      'pa-cli',
    );
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(
      /published pa-cli version 2 \(approved\): zones 4, roads 2, reservations 4 \(kept from the previous version: zones, roads\)/,
    );
    expect(again.stdout).toContain('replaces 1 earlier version(s), kept in the history');
  });

  it('refuses a shapefile without .prj and no --crs, and broken rings, importing nothing (exit 1)', async () => {
    const noPrj = await taamir(
      'zoning',
      'import',
      path.join(FIXTURES, 'zones-noprj.zip'),
      '--agency',
      'AUST',
    );
    expect(noPrj.code).toBe(1);
    expect(noPrj.stderr).toContain('error: geo.crs_unknown');
    expect(noPrj.stderr).toContain('Nothing imported.');
    const bowtie = await taamir(
      'zoning',
      'import',
      path.join(FIXTURES, 'bowtie-26191.zip'),
      '--agency',
      'AUC',
      '--layer',
      'zones',
    );
    expect(bowtie.code).toBe(1);
    expect(bowtie.stderr).toMatch(/error {3}bowtie#0: geo\.ring_self_intersection/);
    expect(bowtie.stderr).toContain('2 errors: nothing imported.');
    const dry = await taamir(
      'zoning',
      'import',
      path.join(FIXTURES, 'zones-noprj.zip'),
      '--agency',
      'AUST',
      '--crs',
      'EPSG:26191',
      '--layer',
      'zones',
      '--dry-run',
    );
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('dry run: nothing imported.');
  });

  it('refuses a 2 GB file without reading it, and bad usage with exit 2', async () => {
    const huge = path.join(dataDir, 'huge.zip');
    const fd = openSync(huge, 'w');
    writeSync(fd, 'PK', 2 * 1024 ** 3 - 2);
    closeSync(fd);
    const r = await taamir('zoning', 'import', huge, '--agency', 'AUC');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('geo.file_too_large');
    rmSync(huge);
    expect((await taamir('zoning', 'import', huge, '--layer', 'zones')).code).toBe(2);
    expect((await taamir('zoning', 'import', huge, '--agency', 'AUC', '--layer', 'parcels')).code).toBe(2);
    expect((await taamir('zoning', 'import', huge, '--agency', 'AUC', '--crs', 'EPSG:2154')).code).toBe(2);
  });
});

// `taamir documents specimen` as an operator runs it (a separate process), then the chain checked end
// to end with the tools a relying party has: pdfsig (trusting the printed root), zbarimg on the printed
// QR code, pdftotext, and the platform's own verification API on the same database.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { TestClient } from '../../../test/support/test-app.ts';
import { buildApp } from '../../app.ts';
import { loadConfig, testDatabaseUrl } from '../../config.ts';
import { sha256Hex } from '../../documents/fingerprint.ts';
import { pdfsig, pdftotext, signatureReports, zbarPdfPage } from '../../documents/test-tools.ts';
import { fromPglite, PGLITE_EXTENSIONS } from '../../platform/db/database.ts';
import { startRuntime } from '../../runtime.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/taamir.js');
const PUBLIC_URL = 'http://taamir.test';

let dataDir: string;
let server: TestDatabase | undefined;
let env: Record<string, string>;
let stdout = '';
let pdf: Buffer;
let rootPem: string;

const printed = (label: string) => new RegExp(`^${label}\\s+(.+)$`, 'm').exec(stdout)?.[1] ?? '';

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'taamir-specimen-'));
  env = { DATA_DIR: dataDir, DEMO_DATA: 'false', PUBLIC_URL, LOG_LEVEL: 'warn' };
  if (testDatabaseUrl()) {
    server = await freshTestDatabase();
    env.DATABASE_URL = server.url!;
  }
  const out = path.join(dataDir, 'specimen.pdf');
  const root = path.join(dataDir, 'root.pem');
  const result = await run(
    process.execPath,
    [BIN, 'documents', 'specimen', '--out', out, '--root-out', root],
    { env: { ...process.env, ...env }, timeout: 180_000 },
  );
  stdout = result.stdout;
  pdf = readFileSync(out);
  rootPem = readFileSync(root, 'utf8');
}, 240_000);

afterAll(async () => {
  await server?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('taamir documents specimen', () => {
  it('prints the number, code, verification URL, SHA-256 and three signers of the file it wrote', () => {
    expect(printed('number')).toMatch(/^AUC-SPEC-\d{4}-\d{6}$/);
    expect(printed('code')).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(printed('verification')).toBe(`${PUBLIC_URL}/verify/${printed('code')}`);
    expect(printed('sha256')).toBe(sha256Hex(pdf));
    expect(stdout.match(/^signer /gm)).toHaveLength(3);
    expect(rootPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('has three PAdES signatures that pdfsig validates and trusts with the printed root', () => {
    const reports = signatureReports(pdfsig(pdf, { trustedRootPem: rootPem }));
    expect(reports.map((r) => /Signature Field Name: (.*)/.exec(r)?.[1])).toEqual([
      'instructeur',
      'directeur',
      'cachet-agence',
    ]);
    for (const report of reports) {
      expect(report).toContain('Signature Type: ETSI.CAdES.detached');
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    }
    expect(reports[2]).toContain('Total document signed');
  });

  it('prints a QR code that zbarimg decodes to the verification URL', () => {
    expect(zbarPdfPage(pdf, { page: 1, dpi: 150 })).toEqual([printed('verification')]);
  });

  it('gives back the logical Arabic text with pdftotext', () => {
    const text = pdftotext(pdf);
    expect(text).toContain('مذكرة المعلومات التعميرية');
    expect(text).toContain('المملكة المغربية');
    expect(text).toContain('الوكالة الحضرية للدار البيضاء');
    expect(text).toContain('SPECIMEN');
    expect(text).toContain(printed('number'));
    expect(text).toContain('12345/C');
  });

  it('is registered: the verification API knows its code, its hash and its signers, and matches the file', async () => {
    const config = loadConfig({ ...env, NODE_ENV: 'test', OUTBOX_POLL_MS: '0', RATE_LIMIT_PER_MINUTE: '0' });
    const pglite = server
      ? undefined
      : await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), extensions: PGLITE_EXTENSIONS });
    const db = server ? server.db : fromPglite(pglite!);
    const runtime = await startRuntime(config, {
      db,
      migrate: false,
      seed: false,
      log: pino({ level: 'warn' }),
    });
    const app = await buildApp(runtime);
    try {
      const client = new TestClient(app);
      const view = (await client.get(`/api/verify/${printed('code')}`)).json();
      expect(view).toMatchObject({
        status: 'valid',
        specimen: true,
        number: printed('number'),
        sha256: sha256Hex(pdf),
        agency: { code: 'AUC' },
      });
      expect(view.signers.map((s: { role: string }) => s.role)).toEqual([
        'instructor',
        'agency-director',
        'seal',
      ]);
      const checked = await client.upload('/api/verify', {}, { filename: 'specimen.pdf', bytes: pdf });
      expect(checked.json()).toMatchObject({ result: 'match', document: { number: printed('number') } });
      expect((await client.get('/api/documents/trust-anchor.pem')).body).toBe(rootPem);
    } finally {
      await app.close();
      await runtime.close();
      await pglite?.close();
    }
  }, 60_000);
});

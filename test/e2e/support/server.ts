// The real application for a browser test file: a fresh database with the demo accounts, the built web
// app, the outbox worker running, and mail travelling over real SMTP to a local server that keeps it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { buildApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Platform } from '../../../src/platform/context.ts';
import { startRuntime } from '../../../src/runtime.ts';
import { seedDemoData } from '../../../src/seed/demo-data.ts';
import { freshTestDatabase } from '../../support/database.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB_DIST_DIR = path.join(ROOT, 'dist/web');

export type ReceivedMail = ParsedMail & { envelopeTo: string[] };

export type E2eServer = {
  baseUrl: string;
  /** Every mail the SMTP server accepted, in order of arrival. */
  mails: ReceivedMail[];
  waitForMail(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  platform: Platform;
  close(): Promise<void>;
};

/** A port nobody listens on right now (the app's public URL must be known before it starts). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

type MailBox = Pick<E2eServer, 'mails' | 'waitForMail'> & { port: number; close(): Promise<void> };

async function startSmtpServer(): Promise<MailBox> {
  const mails: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }));
          for (const wake of waiters) wake();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const waitForMail = (predicate: (mail: ReceivedMail) => boolean, timeoutMs = 15_000) =>
    new Promise<ReceivedMail>((resolve, reject) => {
      const check = () => {
        const found = mails.find(predicate);
        if (!found) return false;
        waiters.delete(wake);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const wake = () => void check();
      const timer = setTimeout(() => {
        waiters.delete(wake);
        const seen = mails.map((m) => `${m.envelopeTo.join(',')}: ${m.subject}`).join('\n  ') || '(none)';
        reject(new Error(`no matching mail within ${timeoutMs} ms; received:\n  ${seen}`));
      }, timeoutMs);
      if (!check()) waiters.add(wake);
    });

  return { mails, waitForMail, port, close: () => new Promise<void>((resolve) => server.close(resolve)) };
}

/** Build dist/web when its sources changed (a no-op most of the time). */
export function ensureWebBuilt(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-web-if-needed.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

export async function startE2eServer(): Promise<E2eServer> {
  ensureWebBuilt();
  const mailBox = await startSmtpServer();
  const database = await freshTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'taamir-e2e-'));
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SMTP_URL: `smtp://127.0.0.1:${mailBox.port}`,
    OUTBOX_POLL_MS: '200',
    RATE_LIMIT_PER_MINUTE: '0',
    DEMO_DATA: 'true',
    WEB_DIST_DIR,
  });
  const runtime = await startRuntime(config, { db: database.db, migrate: false, seed: false });
  await seedDemoData(runtime.platform);
  const app = await buildApp(runtime);
  await app.listen({ port, host: config.http.host });
  runtime.worker.start();
  return {
    baseUrl: config.http.publicUrl,
    mails: mailBox.mails,
    waitForMail: mailBox.waitForMail,
    platform: runtime.platform,
    close: async () => {
      await app.close();
      await runtime.close();
      await mailBox.close();
      await database.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// The real application on a fresh database, for integration tests: HTTP through app.inject with a
// cookie jar and CSRF handling, mails captured at the transport, a clock the test can move.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { memoryBlobStore } from '../../src/platform/blobs/blob-store.ts';
import type { Platform } from '../../src/platform/context.ts';
import type { MailTransport, OutgoingMail } from '../../src/platform/mail/mailer.ts';
import type { OutboxWorker } from '../../src/platform/outbox/outbox.ts';
import { startRuntime } from '../../src/runtime.ts';
import { freshTestDatabase, type TestDatabase } from './database.ts';

export type CapturedMail = OutgoingMail & { from: string };

export type TestClock = { now(): Date; set(date: Date | string): void; advance(ms: number): void };

export function testClock(start?: Date): TestClock {
  let fixed: Date | undefined = start;
  let offset = 0;
  return {
    now: () => (fixed ? new Date(fixed.getTime() + offset) : new Date(Date.now() + offset)),
    set: (date) => {
      fixed = new Date(date);
      offset = 0;
    },
    advance: (ms) => {
      offset += ms;
    },
  };
}

export type TestContext = {
  app: FastifyInstance;
  platform: Platform;
  engine: Engine;
  worker: OutboxWorker;
  database: TestDatabase;
  config: Config;
  clock: TestClock;
  mails: CapturedMail[];
  client(options?: { locale?: string; ip?: string }): TestClient;
  /** Run the outbox until it is empty (mails are then in `mails`). */
  drain(): Promise<number>;
  close(): Promise<void>;
};

export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const database = await freshTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'taamir-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    OUTBOX_POLL_MS: '0',
    RATE_LIMIT_PER_MINUTE: '0',
    DEMO_DATA: 'false',
    PUBLIC_URL: 'http://taamir.test',
    WEB_DIST_DIR: path.join(dataDir, 'no-web'),
    ...env,
  });
  const mails: CapturedMail[] = [];
  const transport: MailTransport = {
    name: 'smtp',
    send: async (mail) => {
      mails.push(mail);
      return { messageId: `<test-${mails.length}@taamir.test>` };
    },
  };
  const clock = testClock();
  const runtime = await startRuntime(config, {
    db: database.db,
    migrate: false,
    seed: false,
    log: pino({ level: 'warn' }),
    now: clock.now,
    mailTransport: transport,
    blobs: memoryBlobStore(),
  });
  const app = await buildApp(runtime);
  await app.ready();
  return {
    app,
    platform: runtime.platform,
    engine: runtime.engine,
    worker: runtime.worker,
    database,
    config,
    clock,
    mails,
    client: (options) => new TestClient(app, options),
    drain: () => runtime.worker.drain(),
    close: async () => {
      await app.close();
      await runtime.close();
      await database.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Body = Record<string, unknown> | unknown[] | string | Buffer | undefined;

/** A browser-like client: keeps cookies, fetches a CSRF token once, sends it on unsafe requests. */
export class TestClient {
  readonly #app: FastifyInstance;
  readonly #cookies = new Map<string, string>();
  readonly #locale: string | undefined;
  readonly #ip: string;
  csrf: string | undefined;

  constructor(app: FastifyInstance, options: { locale?: string; ip?: string } = {}) {
    this.#app = app;
    this.#locale = options.locale;
    this.#ip = options.ip ?? '203.0.113.10';
  }

  get cookies(): ReadonlyMap<string, string> {
    return this.#cookies;
  }

  #remember(response: LightMyRequestResponse) {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.#cookies.delete(c.name);
      else this.#cookies.set(c.name, c.value);
      if (c.name === 'taamir_csrf' && !expired) this.csrf = c.value;
    }
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: Body,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    if (method !== 'GET' && !this.csrf) await this.request('GET', '/api/session');
    const allHeaders: Record<string, string> = { ...headers };
    if (this.#locale) allHeaders['accept-language'] = this.#locale;
    if (method !== 'GET' && this.csrf && !('x-csrf-token' in allHeaders))
      allHeaders['x-csrf-token'] = this.csrf;
    if (this.#cookies.size) allHeaders.cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' || Buffer.isBuffer(body) ? (body as string) : JSON.stringify(body);
      allHeaders['content-type'] ??= 'application/json';
    }
    const response = await this.#app.inject({
      method,
      url,
      headers: allHeaders,
      payload,
      remoteAddress: this.#ip,
    });
    this.#remember(response);
    return response;
  }

  /** A multipart/form-data POST with text fields and one file, as a browser form sends it. */
  async upload(
    url: string,
    fields: Record<string, string>,
    file: { filename: string; bytes: Buffer; contentType?: string },
  ): Promise<LightMyRequestResponse> {
    const boundary = `----taamir${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      );
    }
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    return this.request('POST', url, Buffer.concat(parts) as never, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: Body, headers?: Record<string, string>) =>
    this.request('POST', url, body, headers);
  put = (url: string, body?: Body, headers?: Record<string, string>) =>
    this.request('PUT', url, body, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);
}

// Shared pieces of the benchmarks: an app on a fresh database, and autocannon runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { startRuntime } from '../src/runtime.ts';
import { ensurePgliteTemplate, freshTestDatabase } from '../test/support/database.ts';

export async function benchApp(env: Record<string, string> = {}) {
  await ensurePgliteTemplate();
  const database = await freshTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'taamir-bench-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    SECRET_KEY: 'bench-secret-key-bench-secret-key-0123456789',
    SIGNING_KEY_PASSPHRASE: 'bench-signing-passphrase',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    OUTBOX_POLL_MS: '0',
    WEB_DIST_DIR: path.join(dataDir, 'none'),
    ...env,
  });
  const runtime = await startRuntime(config, {
    db: database.db,
    migrate: false,
    seed: false,
    log: pino({ level: 'warn' }),
  });
  const app = await buildApp(runtime);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    runtime,
    url: address(app),
    close: async () => {
      await app.close();
      await runtime.close();
      await database.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function address(app: FastifyInstance): string {
  const a = app.server.address();
  if (!a || typeof a === 'string') throw new Error('no address');
  return `http://127.0.0.1:${a.port}`;
}

export type LoadResult = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

export async function load(
  url: string,
  options: { seconds: number; connections: number },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    duration: options.seconds,
    connections: options.connections,
    pipelining: 1,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// The only module that reads process.env. Everything else receives a frozen `Config`.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Type from 'typebox';
import Value from 'typebox/value';

const Env = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('test'), Type.Literal('production')], {
    default: 'development',
  }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '0.0.0.0' }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  DATA_DIR: Type.String({ default: './data' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ default: 'Taamir <no-reply@taamir.ma>' }),
  SECRET_KEY: Type.Optional(Type.String({ minLength: 32 })),
  SIGNING_KEY_PASSPHRASE: Type.Optional(Type.String({ minLength: 16 })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  DEMO_DATA: Type.Optional(Type.Boolean()),
  TRUST_PROXY: Type.Boolean({ default: false }),
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 0, default: 1200 }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  UPLOAD_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 20 * 1_048_576 }),
  OUTBOX_POLL_MS: Type.Integer({ minimum: 0, default: 1000 }),
  WEB_DIST_DIR: Type.String({ default: './dist/web' }),
  // Card payments (CMI hosted payment page). The local sandbox gateway is on by default outside production.
  CMI_SANDBOX: Type.Optional(Type.Boolean()),
  CMI_GATEWAY_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  CMI_CLIENT_ID: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  CMI_STORE_KEY: Type.Optional(Type.String({ minLength: 8, maxLength: 256 })),
  // Geoportal: an optional raster basemap (XYZ template, e.g. https://tile.example.ma/{z}/{x}/{y}.png).
  GEOPORTAL_BASEMAP_URL: Type.Optional(Type.String({ pattern: '^https?://[^/]+/.*\\{z\\}.*' })),
  GEOPORTAL_BASEMAP_ATTRIBUTION: Type.Optional(Type.String({ maxLength: 300 })),
});
type Env = Type.Static<typeof Env>;

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string | undefined }
  | { kind: 'postgresql'; url: string };

export type Config = Readonly<{
  env: Env['NODE_ENV'];
  isProduction: boolean;
  http: Readonly<{
    port: number;
    host: string;
    publicUrl: string;
    trustProxy: boolean;
    bodyLimitBytes: number;
    rateLimitPerMinute: number;
    secureCookies: boolean;
  }>;
  dataDir: string;
  database: DatabaseConfig;
  mail: Readonly<{ smtpUrl: string | undefined; from: string }>;
  secrets: Readonly<{ secretKey: Buffer; signingKeyPassphrase: string }>;
  logLevel: string;
  demoData: boolean;
  uploads: Readonly<{ limitBytes: number }>;
  outbox: Readonly<{ pollMs: number }>;
  web: Readonly<{ distDir: string }>;
  /** CMI card payments; null when no gateway is configured (card payment then answers 503). */
  payments: Readonly<{ cmi: CmiSettings | null }>;
  geo: Readonly<{
    basemapUrl: string | undefined;
    basemapAttribution: string | undefined;
    basemapOrigins: string[];
  }>;
}>;

export type CmiSettings = Readonly<{
  /** The local sandbox plays the bank (`/sandbox/cmi/…`): same fields, hash and callback. */
  sandbox: boolean;
  gatewayUrl: string;
  clientId: string;
  storeKey: string;
  okUrl: string;
  failUrl: string;
  callbackUrl: string;
}>;

export class ConfigError extends Error {}

const BOOLEAN_TRUE = new Set(['1', 'true', 'yes', 'on']);
const BOOLEAN_FALSE = new Set(['0', 'false', 'no', 'off', '']);

/** Turn raw strings into the types the schema wants, and report anything that does not fit. */
function parseEnv(source: Record<string, string | undefined>): Env {
  const raw: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(Env.properties)) {
    const value = source[key];
    if (value === undefined || value === '') continue;
    const type = (schema as { type?: string }).type;
    if (type === 'integer') raw[key] = /^-?\d+$/.test(value) ? Number(value) : value;
    else if (type === 'boolean') {
      const lower = value.toLowerCase();
      raw[key] = BOOLEAN_TRUE.has(lower) ? true : BOOLEAN_FALSE.has(lower) ? false : value;
    } else raw[key] = value;
  }
  const withDefaults = Value.Default(Env, raw);
  if (!Value.Check(Env, withDefaults)) {
    const problems = [...Value.Errors(Env, withDefaults)].map(
      (e) => `${e.instancePath.slice(1) || '(root)'}: ${e.message}`,
    );
    throw new ConfigError(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  return withDefaults as Env;
}

/** A development secret is created once per data directory so restarts keep sessions and keys. */
function developmentSecret(dataDir: string, name: string, bytes: number): Buffer {
  const file = path.join(dataDir, `.${name}`);
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(bytes);
    writeFileSync(file, secret.toString('base64'), { mode: 0o600 });
    return secret;
  }
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const env = parseEnv(source);
  const isProduction = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.DATA_DIR);
  if (isProduction && !env.SECRET_KEY) throw new ConfigError('SECRET_KEY is required in production');
  if (isProduction && !env.SIGNING_KEY_PASSPHRASE)
    throw new ConfigError('SIGNING_KEY_PASSPHRASE is required in production');
  const secretKey = env.SECRET_KEY
    ? Buffer.from(env.SECRET_KEY, 'utf8')
    : developmentSecret(dataDir, 'secret-key', 32);
  const signingKeyPassphrase =
    env.SIGNING_KEY_PASSPHRASE ?? developmentSecret(dataDir, 'signing-passphrase', 24).toString('base64');
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    env: env.NODE_ENV,
    isProduction,
    http: Object.freeze({
      port: env.PORT,
      host: env.HOST,
      publicUrl,
      trustProxy: env.TRUST_PROXY,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
      secureCookies: publicUrl.startsWith('https://'),
    }),
    dataDir,
    database: env.DATABASE_URL
      ? { kind: 'postgresql', url: env.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    mail: Object.freeze({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }),
    secrets: Object.freeze({ secretKey, signingKeyPassphrase }),
    logLevel: env.LOG_LEVEL,
    demoData: env.DEMO_DATA ?? !isProduction,
    uploads: Object.freeze({ limitBytes: env.UPLOAD_LIMIT_BYTES }),
    outbox: Object.freeze({ pollMs: env.OUTBOX_POLL_MS }),
    web: Object.freeze({ distDir: path.resolve(env.WEB_DIST_DIR) }),
    payments: Object.freeze({ cmi: cmiSettings(env, { isProduction, publicUrl, secretKey }) }),
    geo: Object.freeze({
      basemapUrl: env.GEOPORTAL_BASEMAP_URL,
      basemapAttribution: env.GEOPORTAL_BASEMAP_ATTRIBUTION,
      basemapOrigins: env.GEOPORTAL_BASEMAP_URL
        ? [new URL(env.GEOPORTAL_BASEMAP_URL.replace(/[{}]/g, '')).origin]
        : [],
    }),
  } satisfies Config);
}

function cmiSettings(
  env: Env,
  context: { isProduction: boolean; publicUrl: string; secretKey: Buffer },
): CmiSettings | null {
  const sandbox = env.CMI_SANDBOX ?? !context.isProduction;
  if (Boolean(env.CMI_CLIENT_ID) !== Boolean(env.CMI_STORE_KEY) && !sandbox)
    throw new ConfigError('CMI_CLIENT_ID and CMI_STORE_KEY go together');
  const urls = {
    okUrl: `${context.publicUrl}/api/payments/cmi/ok`,
    failUrl: `${context.publicUrl}/api/payments/cmi/fail`,
    callbackUrl: `${context.publicUrl}/api/payments/cmi/callback`,
  };
  if (sandbox) {
    return Object.freeze({
      sandbox: true,
      gatewayUrl: env.CMI_GATEWAY_URL ?? `${context.publicUrl}/sandbox/cmi/est3Dgate`,
      clientId: env.CMI_CLIENT_ID ?? 'TAAMIR-SANDBOX',
      // The sandbox and the shop share the store key, as CMI and a merchant do.
      storeKey:
        env.CMI_STORE_KEY ??
        createHmac('sha256', context.secretKey).update('cmi-sandbox-store-key').digest('base64url'),
      ...urls,
    });
  }
  if (!env.CMI_CLIENT_ID || !env.CMI_STORE_KEY) return null;
  if (context.isProduction && !env.CMI_GATEWAY_URL)
    throw new ConfigError('CMI_GATEWAY_URL is required in production when CMI_CLIENT_ID is set');
  return Object.freeze({
    sandbox: false,
    gatewayUrl: env.CMI_GATEWAY_URL ?? 'https://testpayment.cmi.co.ma/fim/est3Dgate',
    clientId: env.CMI_CLIENT_ID,
    storeKey: env.CMI_STORE_KEY,
    ...urls,
  });
}

/** Test and benchmark runs read their database choice here too, so no other file touches process.env. */
export function testDatabaseUrl(
  source: Record<string, string | undefined> = process.env,
): string | undefined {
  return source.TEST_DATABASE_URL || undefined;
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { formActionOrigins } from './module.ts';

const base = () => ({
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'taamir-cmi-config-')),
  PUBLIC_URL: 'https://taamir.example.ma',
  SECRET_KEY: 'a-secret-key-of-at-least-thirty-two-characters',
  SIGNING_KEY_PASSPHRASE: 'a-long-signing-passphrase',
});

describe('CMI configuration', () => {
  it('runs the sandbox outside production, with our own URLs and a store key derived from the secret', () => {
    const cmi = loadConfig({ ...base(), NODE_ENV: 'development' }).payments.cmi!;
    expect(cmi).toMatchObject({
      sandbox: true,
      gatewayUrl: 'https://taamir.example.ma/sandbox/cmi/est3Dgate',
      okUrl: 'https://taamir.example.ma/api/payments/cmi/ok',
      failUrl: 'https://taamir.example.ma/api/payments/cmi/fail',
      callbackUrl: 'https://taamir.example.ma/api/payments/cmi/callback',
    });
    expect(cmi.storeKey.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ ...base(), NODE_ENV: 'development' }).payments.cmi!.storeKey).toBe(cmi.storeKey);
    expect(formActionOrigins(cmi)).toEqual([]);
  });

  it('has no card payment in production unless CMI is configured or the sandbox is asked for', () => {
    expect(loadConfig({ ...base(), NODE_ENV: 'production' }).payments.cmi).toBeNull();
    expect(loadConfig({ ...base(), NODE_ENV: 'production', CMI_SANDBOX: 'true' }).payments.cmi?.sandbox).toBe(
      true,
    );
    const real = loadConfig({
      ...base(),
      NODE_ENV: 'production',
      CMI_CLIENT_ID: '600001234',
      CMI_STORE_KEY: 'store-key-from-cmi',
      CMI_GATEWAY_URL: 'https://payment.cmi.co.ma/fim/est3Dgate',
    }).payments.cmi!;
    expect(real).toMatchObject({ sandbox: false, clientId: '600001234', storeKey: 'store-key-from-cmi' });
    expect(formActionOrigins(real)).toEqual(['https://payment.cmi.co.ma']);
  });

  it('refuses half a configuration', () => {
    expect(() => loadConfig({ ...base(), NODE_ENV: 'production', CMI_CLIENT_ID: '600001234' })).toThrow(
      ConfigError,
    );
    expect(() =>
      loadConfig({
        ...base(),
        NODE_ENV: 'production',
        CMI_CLIENT_ID: '600001234',
        CMI_STORE_KEY: 'store-key-x',
      }),
    ).toThrow(/CMI_GATEWAY_URL/);
  });
});

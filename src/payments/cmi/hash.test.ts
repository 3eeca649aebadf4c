import { describe, expect, it } from 'vitest';
import { formatCmiAmount, parseCmiAmount, storableFields } from './gateway.ts';
import { cmiHash, hashOrder, hashPlaintext, naturalCaseCompare, verifyCmiHash } from './hash.ts';

// Expected digests computed independently of this code, with the shell:
//   printf '%s' '<plaintext>' | openssl dgst -sha512 -binary | base64 -w0

const FORM = {
  clientid: 'TAAMIR',
  storetype: '3D_PAY_HOSTING',
  trantype: 'PreAuth',
  amount: '250.00',
  currency: '504',
  oid: 'AUST-OP-2026-000001-1',
  okUrl: 'http://shop.example/ok',
  failUrl: 'http://shop.example/fail',
  callbackUrl: 'http://shop.example/cb',
  shopurl: 'http://shop.example/',
  lang: 'fr',
  email: 'client@example.ma',
  BillToName: 'Amina Alaoui|test',
  rnd: 'abc123',
  hashAlgorithm: 'ver3',
  encoding: 'UTF-8',
};
const STORE_KEY = 'store\\key|x';

describe('CMI hash ver3', () => {
  it('sorts names case-insensitively, skips HASH and encoding, escapes \\ then |, appends the store key', () => {
    expect(hashPlaintext({ ...FORM, HASH: 'ignored' }, STORE_KEY)).toBe(
      '250.00|Amina Alaoui\\|test|http://shop.example/cb|TAAMIR|504|client@example.ma|http://shop.example/fail|ver3|fr|AUST-OP-2026-000001-1|http://shop.example/ok|abc123|http://shop.example/|3D_PAY_HOSTING|PreAuth|store\\\\key\\|x',
    );
  });

  it('matches SHA-512 → base64 computed with openssl', () => {
    expect(cmiHash(FORM, STORE_KEY)).toBe(
      'UeKi9QGTeXjm/H0H4tG50hTtG086DOwh9jb60Q6JvpcqlCN+xB1YRusFDBH7YxMEpT4dd/VUFqzKGkdzkwBL0w==',
    );
    // Names of the skipped fields are compared in any case.
    expect(cmiHash({ ...FORM, Hash: 'x', ENCODING: 'y' }, STORE_KEY)).toBe(cmiHash(FORM, STORE_KEY));
  });

  it('escapes the backslash before the pipe (a value ending in \\ cannot forge a separator)', () => {
    expect(hashPlaintext({ a: 'a\\b|c', b: 'x|y' }, 'SECRET')).toBe('a\\\\b\\|c|x\\|y|SECRET');
    expect(cmiHash({ a: 'a\\b|c', b: 'x|y' }, 'SECRET')).toBe(
      'VvlNAGQWh9Ul857RmQU4rZEU6Q9YPGHTiMpmn9AkYCNP8HD+AHCezKHPu/eLJc7B/NuOkhr5Js/DSnPTB7tqhw==',
    );
    expect(cmiHash({ a: 'a\\', b: '|x' }, 'K')).not.toBe(cmiHash({ a: 'a', b: '\\|x' }, 'K'));
  });

  it('hashes UTF-8 bytes (Arabic names) and orders digit runs naturally, as natcasesort', () => {
    expect(cmiHash({ currency: '504', BillToName: 'عمر الفاسي', amount: '120.50' }, 'K')).toBe(
      'f93wOGFf6QOGsnfWeQ/y9Sz2UEBTbFj7j4K+tdqXI76ZsOmbRhTSwBGh82Jvr+pRzbLMMk/Jarlmf0WtaVEOwg==',
    );
    expect(hashOrder(['item10', 'Item2', 'item1'])).toEqual(['item1', 'Item2', 'item10']);
    expect(cmiHash({ item10: '10', item2: '2', item1: '1' }, 'K')).toBe(
      '/Jm3rcAu/0n0z1VuA5Idv+dySjXe5qlC+lnSI7OQldcmAsfYpAxINWfs1EAQrlZr35gPIPn+mPUz4czczix0mg==',
    );
    expect(naturalCaseCompare('oid', 'okUrl')).toBeLessThan(0);
    expect(naturalCaseCompare('BillToName', 'amount')).toBeGreaterThan(0);
  });

  it('verifies a HASH field in constant time and refuses any change', () => {
    const signed = { ...FORM, HASH: cmiHash(FORM, STORE_KEY) };
    expect(verifyCmiHash(signed, STORE_KEY)).toBe(true);
    expect(verifyCmiHash({ ...signed, amount: '25.00' }, STORE_KEY)).toBe(false);
    expect(verifyCmiHash({ ...signed, extra: '' }, STORE_KEY)).toBe(false);
    expect(verifyCmiHash(signed, 'another-key')).toBe(false);
    expect(verifyCmiHash(FORM, STORE_KEY)).toBe(false);
  });
});

describe('CMI amounts and stored fields', () => {
  it('formats and parses amounts in centimes exactly', () => {
    expect(formatCmiAmount(25_000)).toBe('250.00');
    expect(formatCmiAmount(5)).toBe('0.05');
    expect(parseCmiAmount('250.00')).toBe(25_000);
    expect(parseCmiAmount('250.5')).toBe(25_050);
    expect(parseCmiAmount('250')).toBe(25_000);
    expect(parseCmiAmount('250,05')).toBe(25_005);
    for (const bad of ['', '-1', '1e3', '250.001', ' ', 'abc', undefined])
      expect(parseCmiAmount(bad)).toBeNull();
  });

  it('never keeps a card number or a security code', () => {
    const kept = storableFields({
      oid: 'X',
      pan: '4000000000000010',
      cv2: '123',
      maskedCreditCard: '400000***0010',
      note: '4000 0000 0000 0010',
    });
    expect(kept).toEqual({ oid: 'X', maskedCreditCard: '400000***0010', note: '[redacted]' });
  });
});

// People for tests: citizens and staff with a known TOTP secret, signed in through the real API.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { totpCode } from '../../src/accounts/totp.ts';
import { createUser } from '../../src/accounts/use-cases/create-user.ts';
import { TOTP_PURPOSE } from '../../src/accounts/use-cases/sign-in.ts';
import { seal } from '../../src/platform/security/crypto.ts';
import type { Role } from '../../src/platform/tenancy/roles.ts';
import type { TestClient, TestContext } from './test-app.ts';

export const TEST_PASSWORD = 'Correct-Horse-42-Battery';
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DP';

export const uniqueEmail = (prefix = 'user') => `${prefix}.${randomBytes(4).toString('hex')}@example.ma`;

export type Person = {
  email: string;
  userId: string;
  client: TestClient;
  /** Sign in again (after moving the test clock past the session's lifetime). */
  reauth(): Promise<void>;
};

export async function signedInCitizen(ctx: TestContext, options: { locale?: string } = {}): Promise<Person> {
  const email = uniqueEmail('citizen');
  const user = await createUser(
    ctx.platform,
    { actor: { kind: 'system', label: 'test' } },
    { email, fullName: 'مواطن تجريبي', password: TEST_PASSWORD, locale: 'ar' },
  );
  const client = ctx.client(options);
  const reauth = async () => {
    const res = await client.post('/api/auth/sign-in', { email, password: TEST_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
  };
  await reauth();
  return { email, userId: user.id, client, reauth };
}

/** A staff member of `organizationCode` with `role`, signed in with password and TOTP. */
export async function signedInStaff(
  ctx: TestContext,
  organizationCode: string,
  role: Role,
  options: { locale?: string } = {},
): Promise<Person> {
  const email = uniqueEmail(`${role}.${organizationCode.toLowerCase()}`);
  const user = await createUser(
    ctx.platform,
    { actor: { kind: 'system', label: 'test' } },
    {
      email,
      fullName: `Agent ${role}`,
      password: TEST_PASSWORD,
      locale: 'fr',
      organizationCode,
      role,
      totpSecretEnc: seal(ctx.config.secrets.secretKey, TEST_TOTP_SECRET, TOTP_PURPOSE),
    },
  );
  const client = ctx.client(options);
  const reauth = async () => {
    const first = await client.post('/api/auth/sign-in', { email, password: TEST_PASSWORD });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().stage).toBe('mfa');
    const second = await client.post('/api/auth/mfa', { code: totpCode(TEST_TOTP_SECRET, ctx.clock.now()) });
    expect(second.statusCode, second.body).toBe(200);
  };
  await reauth();
  return { email, userId: user.id, client, reauth };
}

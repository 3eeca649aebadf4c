import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff, TEST_PASSWORD, TEST_TOTP_SECRET, uniqueEmail } from '../../test/support/fixtures.ts';
import { createTestContext, type TestContext } from '../../test/support/test-app.ts';
import { auditEvents, users } from '../platform/db/tables.ts';
import { totpCode } from './totp.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const linkToken = (text: string, path: string) => {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
};

const countUsers = async () =>
  (await ctx.platform.db.orm.select({ n: sql<number>`count(*)::int` }).from(users))[0]!.n;

describe('sign-up, e-mail verification, sign-in, sign-out', () => {
  it('takes a citizen from sign-up to a signed-in session, with the link read from the mail', async () => {
    const email = uniqueEmail('amal');
    const client = ctx.client({ locale: 'ar' });
    const signUp = await client.post('/api/auth/sign-up', {
      email,
      password: TEST_PASSWORD,
      fullName: 'أمل بنسعيد',
      accountType: 'citizen',
    });
    expect(signUp.statusCode, signUp.body).toBe(202);

    const early = await client.post('/api/auth/sign-in', { email, password: TEST_PASSWORD });
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('auth.email_not_verified');

    await ctx.drain();
    const mail = ctx.mails.find((m) => m.to === email);
    expect(mail?.subject).toContain('تأكيد');
    expect(mail?.html).toContain('dir="rtl"');
    const token = linkToken(mail!.text, '/verify-email');

    expect((await client.post('/api/auth/verify-email', { token })).statusCode).toBe(200);
    const replay = await client.post('/api/auth/verify-email', { token });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('auth.token_invalid');

    const signIn = await client.post('/api/auth/sign-in', { email, password: TEST_PASSWORD });
    expect(signIn.statusCode, signIn.body).toBe(200);
    expect(signIn.json().stage).toBe('complete');
    const session = signIn.cookies.find((c) => c.name === 'taamir_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const me = await client.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email, accountType: 'citizen', memberships: [] });

    expect((await client.post('/api/auth/sign-out')).statusCode).toBe(204);
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('registers professionals with their registration number', async () => {
    const email = uniqueEmail('archi');
    const client = ctx.client({ locale: 'fr' });
    const missing = await client.post('/api/auth/sign-up', {
      email,
      password: TEST_PASSWORD,
      fullName: 'Salma Idrissi',
      accountType: 'professional',
      profession: 'architect',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      expect.objectContaining({
        pointer: '/professionalNumber',
        code: 'required',
        detail: 'Ce champ est obligatoire.',
      }),
    ]);
    const ok = await client.post('/api/auth/sign-up', {
      email,
      password: TEST_PASSWORD,
      fullName: 'Salma Idrissi',
      accountType: 'professional',
      profession: 'architect',
      professionalNumber: 'CNOA-12345',
    });
    expect(ok.statusCode).toBe(202);
    const [row] = await ctx.platform.db.orm.select().from(users).where(eq(users.emailNormalized, email));
    expect(row).toMatchObject({ profession: 'architect', professionalNumber: 'CNOA-12345', locale: 'fr' });
  });

  it('does not reveal that an address is registered, and mails its owner instead', async () => {
    const email = uniqueEmail('twice');
    const body = { email, password: TEST_PASSWORD, fullName: 'Twice', accountType: 'citizen' };
    expect((await ctx.client().post('/api/auth/sign-up', body)).statusCode).toBe(202);
    const before = await countUsers();
    expect((await ctx.client().post('/api/auth/sign-up', body)).statusCode).toBe(202);
    expect(await countUsers()).toBe(before);
    await ctx.drain();
    expect(ctx.mails.filter((m) => m.to === email).map((m) => m.subject)).toHaveLength(2);
  });
});

describe('bad input gets a localized problem and writes nothing', () => {
  it('malformed JSON', async () => {
    const res = await ctx.client({ locale: 'fr' }).post('/api/auth/sign-up', '{"email": ');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.malformed_json', title: 'JSON mal formé' });
    expect(res.body).not.toMatch(/at .*\.ts|SyntaxError|stack/);
  });

  it('wrong types, unknown fields and bad e-mails, each with a pointer', async () => {
    const before = await countUsers();
    const res = await ctx.client({ locale: 'ar' }).post('/api/auth/sign-up', {
      email: 'not-an-email',
      password: 12345,
      fullName: 'X',
      accountType: 'citizen',
      isAdmin: true,
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { pointer: string; code: string; detail: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          pointer: '/email',
          code: 'format',
          detail: 'عنوان البريد الإلكتروني غير صحيح.',
        }),
        expect.objectContaining({ pointer: '/password', code: 'type' }),
        expect.objectContaining({ pointer: '/fullName', code: 'minLength' }),
        expect.objectContaining({ pointer: '/isAdmin', code: 'additionalProperties' }),
      ]),
    );
    expect(await countUsers()).toBe(before);
  });

  it('weak passwords', async () => {
    const email = uniqueEmail('weak');
    const res = await ctx.client({ locale: 'en' }).post('/api/auth/sign-up', {
      email,
      password: 'password123',
      fullName: 'Weak Password',
      accountType: 'citizen',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ pointer: '/password', code: 'weak_password' });
    expect(res.json().errors[0].detail).toMatch(/too weak/);
  });

  it('oversized bodies', async () => {
    const res = await ctx
      .client({ locale: 'fr' })
      .post('/api/auth/sign-up', { email: 'a@b.ma', fullName: 'x'.repeat(2_000_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('request.body_too_large');
  });

  it('requests without the CSRF token', async () => {
    const client = ctx.client();
    await client.get('/api/session');
    const res = await client.post(
      '/api/auth/forgot-password',
      { email: 'x@y.ma' },
      { 'x-csrf-token': 'forged' },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('request.csrf_failed');
  });
});

describe('staff sign-in with TOTP', () => {
  it('enrols a new staff member, refuses wrong and replayed codes, then opens the session', async () => {
    // Created by an administrator without a TOTP secret: enrolment happens at first sign-in.
    const email = uniqueEmail('agent');
    const grantBy = await signedInStaff(ctx, 'AUST', 'director');
    const orgs = (await grantBy.client.get('/api/admin/organizations')).json() as {
      id: string;
      code: string;
    }[];
    const aust = orgs.find((o) => o.code === 'AUST')!;
    const grant = await grantBy.client.post('/api/admin/memberships', {
      organizationId: aust.id,
      email,
      fullName: 'Agent Nouveau',
      role: 'instructor',
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect(grant.json().invited).toBe(true);
    await ctx.drain();
    const invitation = ctx.mails.find((m) => m.to === email)!;
    const token = linkToken(invitation.text, '/reset-password');
    const client = ctx.client({ locale: 'fr' });
    expect(
      (await client.post('/api/auth/reset-password', { token, password: TEST_PASSWORD })).statusCode,
    ).toBe(200);

    const first = await client.post('/api/auth/sign-in', { email, password: TEST_PASSWORD });
    expect(first.json().stage).toBe('mfa');
    const secret = first.json().enrollment.secret as string;
    expect(first.json().enrollment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await client.get('/api/me')).statusCode).toBe(401);

    const wrong = await client.post('/api/auth/mfa', { code: '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'auth.mfa_invalid', title: 'Code de vérification incorrect' });

    const code = totpCode(secret, ctx.clock.now());
    expect((await client.post('/api/auth/mfa', { code })).statusCode).toBe(200);
    const me = await client.get('/api/me');
    expect(me.json().memberships[0]).toMatchObject({ organizationCode: 'AUST', role: 'instructor' });
    expect(me.json().mfaEnabled).toBe(true);

    // The same code cannot open a second session (replay).
    const other = ctx.client();
    await other.post('/api/auth/sign-in', { email, password: TEST_PASSWORD });
    const replayed = await other.post('/api/auth/mfa', { code });
    expect(replayed.statusCode).toBe(401);
  });

  it('a half-open session (password only) reaches nothing', async () => {
    const staff = await signedInStaff(ctx, 'AUC', 'instructor');
    const client = ctx.client();
    await client.post('/api/auth/sign-in', { email: staff.email, password: TEST_PASSWORD });
    expect((await client.get('/api/me')).statusCode).toBe(401);
    expect((await client.get('/api/admin/organizations')).statusCode).toBe(401);
    void TEST_TOTP_SECRET;
  });
});

describe('too many attempts', () => {
  it('locks an account after 5 wrong passwords, and says so in the caller language', async () => {
    const staffless = uniqueEmail('locked');
    const client = ctx.client({ locale: 'fr' });
    await client.post('/api/auth/sign-up', {
      email: staffless,
      password: TEST_PASSWORD,
      fullName: 'Locked',
      accountType: 'citizen',
    });
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await client.post('/api/auth/sign-in', { email: staffless, password: 'wrong-password-1' });
      codes.push(res.json().code);
    }
    expect(codes.slice(0, 4)).toEqual(Array(4).fill('auth.invalid_credentials'));
    expect(codes[4]).toBe('auth.account_locked');
    const right = await client.post('/api/auth/sign-in', { email: staffless, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(429);
    expect(right.json().detail).toContain('15 minutes');
    const audit = await ctx.platform.db.orm
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.account_locked'));
    expect(audit.length).toBeGreaterThan(0);
  });

  it('rate-limits sign-in attempts from one address with Retry-After', async () => {
    const client = ctx.client({ ip: '198.51.100.77', locale: 'en' });
    let last = await client.post('/api/auth/sign-in', {
      email: uniqueEmail('nobody'),
      password: 'whatever-123',
    });
    for (let i = 0; i < 30 && last.statusCode !== 429; i++) {
      last = await client.post('/api/auth/sign-in', {
        email: uniqueEmail('nobody'),
        password: 'whatever-123',
      });
    }
    expect(last.statusCode).toBe(429);
    expect(last.json().code).toBe('request.rate_limited');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });
});

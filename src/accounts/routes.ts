// Sign-up, e-mail verification, sign-in (with TOTP for staff), sign-out, password reset, language.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import Type from 'typebox';
import type { Platform } from '../platform/context.ts';
import { users } from '../platform/db/tables.ts';
import { userOf } from '../platform/http/access.ts';
import { auditOf } from '../platform/http/audit-context.ts';
import {
  ensureCsrfCookie,
  LOCALE_COOKIE,
  SESSION_COOKIE,
  setCsrfCookie,
  setSessionCookie,
} from '../platform/http/request-context.ts';
import { randomToken } from '../platform/security/crypto.ts';
import { describeMe } from './me.ts';
import {
  EmailBody,
  LocaleBody,
  Me,
  MfaBody,
  ResetBody,
  SessionView,
  SignInBody,
  SignInResponse,
  SignUpBody,
  TokenBody,
} from './schemas.ts';
import { destroySession } from './sessions.ts';
import { completeMfa } from './use-cases/complete-mfa.ts';
import { requestPasswordReset, resetPassword } from './use-cases/reset-password.ts';
import { signIn } from './use-cases/sign-in.ts';
import { signUp } from './use-cases/sign-up.ts';
import { verifyEmail } from './use-cases/verify-email.ts';

const PUBLIC = { access: { kind: 'public' } } as const;
const USER = { access: { kind: 'user' } } as const;
const Status = Type.Object({ status: Type.String() });

export function accountRoutes(platform: Platform): FastifyPluginAsyncTypebox {
  const cookies = { secure: platform.config.http.secureCookies };
  return async (app) => {
    app.get(
      '/api/session',
      {
        config: PUBLIC,
        schema: {
          tags: ['accounts'],
          summary: 'Current session and CSRF token',
          response: { 200: SessionView },
        },
      },
      async (request, reply) => {
        const csrfToken = ensureCsrfCookie(request, reply, cookies);
        const user = request.actor.kind === 'user' ? await describeMe(platform.db.orm, request.actor) : null;
        reply.header('cache-control', 'no-store');
        return { user, mfaPending: request.session?.stage === 'password', csrfToken, locale: request.locale };
      },
    );

    app.post(
      '/api/auth/sign-up',
      {
        config: PUBLIC,
        schema: {
          tags: ['accounts'],
          summary: 'Create a citizen or professional account',
          body: SignUpBody,
          response: { 202: Status },
        },
      },
      async (request, reply) => {
        await signUp(platform, auditOf(request), {
          ...request.body,
          locale: request.body.locale ?? request.locale,
        });
        return reply.code(202).send({ status: 'verification_sent' });
      },
    );

    app.post(
      '/api/auth/verify-email',
      {
        config: PUBLIC,
        schema: {
          tags: ['accounts'],
          summary: 'Confirm an e-mail address',
          body: TokenBody,
          response: { 200: Status },
        },
      },
      async (request) => {
        await verifyEmail(platform, auditOf(request), request.body.token);
        return { status: 'verified' };
      },
    );

    app.post(
      '/api/auth/sign-in',
      {
        config: PUBLIC,
        schema: {
          tags: ['accounts'],
          summary: 'Sign in with e-mail and password',
          body: SignInBody,
          response: { 200: SignInResponse },
        },
      },
      async (request, reply) => {
        if (request.session) await destroySession(platform.db.orm, request.session.sessionId);
        const result = await signIn(platform, auditOf(request), request.body);
        setSessionCookie(reply, result.token, result.maxAgeSeconds, cookies);
        setCsrfCookie(reply, result.csrfToken, cookies);
        return {
          stage: result.stage === 'complete' ? ('complete' as const) : ('mfa' as const),
          csrfToken: result.csrfToken,
          ...(result.enrollment
            ? {
                enrollment: {
                  ...result.enrollment,
                  qrDataUrl: await QRCode.toDataURL(result.enrollment.uri, { margin: 1, width: 220 }),
                },
              }
            : {}),
        };
      },
    );

    app.post(
      '/api/auth/mfa',
      {
        config: PUBLIC,
        schema: {
          tags: ['accounts'],
          summary: 'Second step: TOTP code (staff)',
          body: MfaBody,
          response: { 200: SignInResponse },
        },
      },
      async (request, reply) => {
        const result = await completeMfa(platform, auditOf(request), request.session, request.body.code);
        setSessionCookie(reply, result.token, result.maxAgeSeconds, cookies);
        setCsrfCookie(reply, result.csrfToken, cookies);
        return { stage: 'complete' as const, csrfToken: result.csrfToken };
      },
    );

    app.post(
      '/api/auth/sign-out',
      { config: PUBLIC, schema: { tags: ['accounts'], summary: 'Sign out', response: { 204: Type.Null() } } },
      async (request, reply) => {
        if (request.session) await destroySession(platform.db.orm, request.session.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        setCsrfCookie(reply, randomToken(24), cookies);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/auth/forgot-password',
      {
        config: PUBLIC,
        schema: {
          tags: ['accounts'],
          summary: 'Mail a password-reset link',
          body: EmailBody,
          response: { 202: Status },
        },
      },
      async (request, reply) => {
        await requestPasswordReset(platform, auditOf(request), request.body.email);
        return reply.code(202).send({ status: 'sent_if_registered' });
      },
    );

    app.post(
      '/api/auth/reset-password',
      {
        config: PUBLIC,
        schema: {
          tags: ['accounts'],
          summary: 'Choose a new password with a mailed link',
          body: ResetBody,
          response: { 200: Status },
        },
      },
      async (request) => {
        await resetPassword(platform, auditOf(request), request.body);
        return { status: 'password_changed' };
      },
    );

    app.post(
      '/api/locale',
      {
        config: PUBLIC,
        schema: {
          tags: ['accounts'],
          summary: 'Choose the interface language',
          body: LocaleBody,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        const { locale } = request.body;
        reply.setCookie(LOCALE_COOKIE, locale, {
          path: '/',
          sameSite: 'lax',
          secure: cookies.secure,
          maxAge: 365 * 86400,
        });
        if (request.actor.kind === 'user') {
          await platform.db.orm
            .update(users)
            .set({ locale, updatedAt: platform.now() })
            .where(eq(users.id, request.actor.userId));
        }
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/me',
      {
        config: USER,
        schema: { tags: ['accounts'], summary: 'The signed-in person', response: { 200: Me } },
      },
      async (request) => describeMe(platform.db.orm, userOf(request)),
    );
  };
}

// Per-request context: request id, caller (session cookie or API token), language, CSRF check.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { isLocale, type Locale, negotiateLocale } from '../i18n/locale.ts';
import { randomToken, safeEqual } from '../security/crypto.ts';
import { type Actor, ANONYMOUS, type PartnerActor } from '../tenancy/actor.ts';

export const SESSION_COOKIE = 'taamir_session';
export const CSRF_COOKIE = 'taamir_csrf';
export const LOCALE_COOKIE = 'taamir_lang';
export const CSRF_HEADER = 'x-csrf-token';

export type ResolvedSession = {
  sessionId: string;
  userId: string;
  stage: 'password' | 'complete';
  csrfToken: string;
  /** Present when the session is complete. */
  actor: Actor | null;
};

export type ActorResolver = {
  session(token: string): Promise<ResolvedSession | null>;
  apiToken(token: string): Promise<PartnerActor | null>;
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    session: ResolvedSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

export function registerRequestContext(
  app: FastifyInstance,
  options: { resolver: ActorResolver; secureCookies: boolean },
): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('locale', 'ar');
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    reply.header('x-request-id', request.id);
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const partner = await options.resolver.apiToken(authorization.slice(7).trim());
      if (!partner) throw new AppError('auth.required');
      request.actor = partner;
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const session = await options.resolver.session(token);
        if (session) {
          request.session = session;
          if (session.actor) request.actor = session.actor;
        } else {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
        }
      }
    }
    const userLocale = request.actor.kind === 'user' ? request.actor.locale : undefined;
    const cookieLocale = request.cookies[LOCALE_COOKIE];
    request.locale = negotiateLocale({
      choice: isLocale(cookieLocale) ? cookieLocale : userLocale,
      acceptLanguage: request.headers['accept-language'],
    });
    checkCsrf(request);
  });

  void options.secureCookies;
}

/**
 * Double-submit check for every state-changing request that relies on cookies: the header must equal
 * the CSRF cookie, and, once signed in, the token bound to the session.
 */
function checkCsrf(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.routeOptions.config?.csrf === false) return;
  if (request.actor.kind === 'partner') return;
  const header = request.headers[CSRF_HEADER];
  const cookie = request.cookies[CSRF_COOKIE];
  if (typeof header !== 'string' || !cookie || !safeEqual(header, cookie))
    throw new AppError('request.csrf_failed');
  if (request.session && !safeEqual(header, request.session.csrfToken))
    throw new AppError('request.csrf_failed');
}

export type CookieOptions = { secure: boolean };

/** The CSRF token for this browser: the session's when signed in, else the cookie's, else a new one. */
export function ensureCsrfCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  cookies: CookieOptions,
): string {
  const token = request.session?.csrfToken ?? request.cookies[CSRF_COOKIE] ?? randomToken(24);
  if (request.cookies[CSRF_COOKIE] !== token) setCsrfCookie(reply, token, cookies);
  return token;
}

export function setCsrfCookie(reply: FastifyReply, token: string, cookies: CookieOptions): void {
  reply.setCookie(CSRF_COOKIE, token, {
    path: '/',
    sameSite: 'strict',
    secure: cookies.secure,
    httpOnly: false,
  });
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
  cookies: CookieOptions,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookies.secure,
    maxAge: maxAgeSeconds,
  });
}

export function clientIp(request: FastifyRequest): string {
  return request.ip;
}

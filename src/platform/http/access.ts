// Every route declares who may call it (`config.access`); a route without a declaration is refused
// at start-up. The check runs before the handler, and staff routes receive the agency scope of the
// permission they need, which their queries must use.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, defineProblems } from '../errors.ts';
import { type AgencyScope, agencyScope, hasPermission, NO_AGENCY, type UserActor } from '../tenancy/actor.ts';
import type { Permission } from '../tenancy/roles.ts';

export type Access =
  | { kind: 'public' }
  /** Any fully signed-in person (citizen, professional or staff). */
  | { kind: 'user' }
  /** Staff holding `permission` in at least one organisation; partners with `partnerScope` too. */
  | { kind: 'staff'; permission: Permission; partnerScope?: string }
  /** Partner systems only (API token with this scope). */
  | { kind: 'partner'; scope: string };

export type RouteEntry = { method: string; url: string; access: Access };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its access rule: the tenancy matrix test walks this list. */
    routeCatalogue: RouteEntry[];
  }
  interface FastifyContextConfig {
    access?: Access;
    /** false: no CSRF check (server-to-server callbacks authenticated otherwise). */
    csrf?: boolean;
  }
  interface FastifyRequest {
    /** Agencies the route's permission reaches for this caller (staff routes). */
    scope: AgencyScope;
  }
}

export const AccessProblems = defineProblems({
  'auth.required': {
    status: 401,
    title: { ar: 'يجب تسجيل الدخول', fr: 'Connexion requise', en: 'Sign-in required' },
    detail: {
      ar: 'سجّل الدخول للوصول إلى هذه الخدمة.',
      fr: 'Connectez-vous pour accéder à ce service.',
      en: 'Sign in to use this service.',
    },
  },
  'auth.forbidden': {
    status: 403,
    title: { ar: 'غير مسموح', fr: 'Accès refusé', en: 'Forbidden' },
    detail: {
      ar: 'ليست لديك الصلاحية للقيام بهذا الإجراء.',
      fr: "Vous n'avez pas le droit d'effectuer cette action.",
      en: 'You are not allowed to do this.',
    },
  },
});

const PUBLIC_PLUGIN_PREFIXES = ['/api/docs', '/assets/'];

export function accessOf(request: FastifyRequest): Access | undefined {
  return request.routeOptions.config.access;
}

/** The signed-in user of a route declared `user` or `staff` (the access hook already checked). */
export function userOf(request: FastifyRequest): UserActor {
  if (request.actor.kind !== 'user') throw new AppError('auth.required');
  return request.actor;
}

export function registerAccessControl(app: FastifyInstance): void {
  app.decorateRequest('scope', null as never);
  const catalogue: RouteEntry[] = [];
  app.decorate('routeCatalogue', catalogue);

  app.addHook('onRoute', (route) => {
    // Routes added by third-party plugins that serve public static files.
    if (PUBLIC_PLUGIN_PREFIXES.some((prefix) => route.url.startsWith(prefix))) {
      route.config = { ...(route.config ?? {}), access: { kind: 'public' } };
      return;
    }
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') catalogue.push({ method, url: route.url, access });
    }
  });

  // Before validation: a caller without the right learns nothing about the route's input.
  app.addHook('preValidation', async (request) => {
    const access = accessOf(request);
    request.scope = NO_AGENCY;
    if (!access || access.kind === 'public') return;
    const actor = request.actor;
    if (access.kind === 'partner') {
      if (actor.kind !== 'partner')
        throw new AppError(actor.kind === 'anonymous' ? 'auth.required' : 'auth.forbidden');
      if (!actor.scopes.includes(access.scope)) throw new AppError('auth.forbidden');
      request.scope = agencyScope(actor, 'queue.read');
      return;
    }
    if (actor.kind === 'partner' && access.kind === 'staff' && access.partnerScope) {
      if (!actor.scopes.includes(access.partnerScope)) throw new AppError('auth.forbidden');
      request.scope = agencyScope(actor, access.permission);
      return;
    }
    if (actor.kind !== 'user')
      throw new AppError(actor.kind === 'anonymous' ? 'auth.required' : 'auth.forbidden');
    if (access.kind === 'staff') {
      if (!hasPermission(actor, access.permission)) throw new AppError('auth.forbidden');
      request.scope = agencyScope(actor, access.permission);
    }
  });
}

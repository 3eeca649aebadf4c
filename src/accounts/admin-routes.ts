// Back-office administration: staff memberships and partner API tokens, within the caller's tenants.
import './problems.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, desc, eq } from 'drizzle-orm';
import Type from 'typebox';
import { appendAudit } from '../platform/audit/audit-log.ts';
import type { Platform } from '../platform/context.ts';
import { apiTokens, organizations } from '../platform/db/tables.ts';
import { AppError } from '../platform/errors.ts';
import { auditOf } from '../platform/http/audit-context.ts';
import { IdParams, Uuid } from '../platform/http/schemas.ts';
import { inScope, scopeIncludes } from '../platform/tenancy/actor.ts';
import { createApiToken, revokeApiToken } from './api-tokens.ts';
import { ApiTokenBody, GrantBody } from './schemas.ts';
import {
  grantMembership,
  listManageableOrganizations,
  listMemberships,
  revokeMembership,
} from './use-cases/manage-memberships.ts';

const MANAGE = { access: { kind: 'staff', permission: 'membership.manage' } } as const;
const TOKENS = { access: { kind: 'staff', permission: 'token.manage' } } as const;

const Organization = Type.Object({
  id: Uuid,
  kind: Type.String(),
  code: Type.String(),
  nameAr: Type.String(),
  nameFr: Type.String(),
  agencyId: Type.Union([Uuid, Type.Null()]),
});
const MembershipRow = Type.Object({
  id: Uuid,
  role: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  userId: Uuid,
  email: Type.String(),
  fullName: Type.String(),
  mfaEnabled: Type.Boolean(),
});
const TokenRow = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(Type.String()),
  organizationId: Uuid,
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export function adminRoutes(platform: Platform): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/admin/organizations',
      {
        config: MANAGE,
        schema: {
          tags: ['admin'],
          summary: 'Organisations whose staff I manage',
          response: { 200: Type.Array(Organization) },
        },
      },
      async (request) => listManageableOrganizations(platform.db.orm, request.scope),
    );

    app.get(
      '/api/admin/organizations/:id/memberships',
      {
        config: MANAGE,
        schema: {
          tags: ['admin'],
          summary: 'Staff of an organisation',
          params: IdParams,
          response: { 200: Type.Array(MembershipRow) },
        },
      },
      async (request) =>
        (await listMemberships(platform.db.orm, request.scope, request.params.id)).map((m) => ({
          ...m,
          createdAt: m.createdAt.toISOString(),
          mfaEnabled: m.mfaEnabled !== null,
        })),
    );

    app.post(
      '/api/admin/memberships',
      {
        config: MANAGE,
        schema: {
          tags: ['admin'],
          summary: 'Grant a role (invites the person by mail when they have no account)',
          body: GrantBody,
          response: { 201: Type.Object({ membershipId: Uuid, userId: Uuid, invited: Type.Boolean() }) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await grantMembership(platform, auditOf(request), request.scope, {
            ...request.body,
            locale: request.locale,
          }),
        ),
    );

    app.delete(
      '/api/admin/memberships/:id',
      {
        config: MANAGE,
        schema: {
          tags: ['admin'],
          summary: 'Revoke a role',
          params: IdParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await revokeMembership(platform, auditOf(request), request.scope, request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/admin/api-tokens',
      {
        config: TOKENS,
        schema: { tags: ['admin'], summary: 'Partner API tokens', response: { 200: Type.Array(TokenRow) } },
      },
      async (request) => {
        const rows = await platform.db.orm
          .select({ token: apiTokens })
          .from(apiTokens)
          .innerJoin(organizations, eq(organizations.id, apiTokens.organizationId))
          .where(inScope(organizations.agencyId, request.scope))
          .orderBy(desc(apiTokens.createdAt));
        return rows.map(({ token: t }) => ({
          id: t.id,
          name: t.name,
          prefix: t.prefix,
          scopes: t.scopes,
          organizationId: t.organizationId,
          createdAt: t.createdAt.toISOString(),
          lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
          revokedAt: t.revokedAt?.toISOString() ?? null,
        }));
      },
    );

    app.post(
      '/api/admin/api-tokens',
      {
        config: TOKENS,
        schema: {
          tags: ['admin'],
          summary: 'Issue a partner API token (shown once)',
          body: ApiTokenBody,
          response: { 201: Type.Object({ id: Uuid, token: Type.String(), prefix: Type.String() }) },
        },
      },
      async (request, reply) => {
        const audit = auditOf(request);
        const now = platform.now();
        const result = await platform.db.transaction(async (tx) => {
          const [org] = await tx
            .select()
            .from(organizations)
            .where(eq(organizations.id, request.body.organizationId));
          if (!org || !scopeIncludes(request.scope, org.agencyId))
            throw new AppError('membership.organization_not_found');
          const created = await createApiToken(tx, {
            organizationId: org.id,
            name: request.body.name,
            scopes: request.body.scopes,
            createdBy: request.actor.kind === 'user' ? request.actor.userId : null,
          });
          await appendAudit(
            tx,
            audit,
            {
              action: 'api_token.issued',
              objectType: 'api_token',
              objectId: created.id,
              agencyId: org.agencyId,
              organizationId: org.id,
              summary: { name: request.body.name, scopes: request.body.scopes, prefix: created.prefix },
            },
            now,
          );
          return created;
        });
        return reply.code(201).send(result);
      },
    );

    app.delete(
      '/api/admin/api-tokens/:id',
      {
        config: TOKENS,
        schema: {
          tags: ['admin'],
          summary: 'Revoke a partner API token',
          params: IdParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        const now = platform.now();
        await platform.db.transaction(async (tx) => {
          const [row] = await tx
            .select({ id: apiTokens.id, agencyId: organizations.agencyId, organizationId: organizations.id })
            .from(apiTokens)
            .innerJoin(organizations, eq(organizations.id, apiTokens.organizationId))
            .where(and(eq(apiTokens.id, request.params.id), inScope(organizations.agencyId, request.scope)));
          if (!row || !(await revokeApiToken(tx, row.id, now))) throw new AppError('auth.token_not_found');
          await appendAudit(
            tx,
            auditOf(request),
            {
              action: 'api_token.revoked',
              objectType: 'api_token',
              objectId: row.id,
              agencyId: row.agencyId,
              organizationId: row.organizationId,
            },
            now,
          );
        });
        return reply.code(204).send(null);
      },
    );
  };
}

// Open311 keys are partner API tokens (`tmr_…`, hashed at rest, revocable) with the `open311` scope,
// issued to the agency's organisation: the key's agency is the jurisdiction its requests go to.
// Administrators issue them in the web (admin API tokens) or with `taamir open311 issue-key`.
import { and, eq } from 'drizzle-orm';
import { createApiToken } from '../../../accounts/api-tokens.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/audit-log.ts';
import type { Platform } from '../../../platform/context.ts';
import { organizations } from '../../../platform/db/tables.ts';
import { AppError } from '../../../platform/errors.ts';
import '../problems.ts';

export const OPEN311_SCOPE = 'open311';

export async function issueOpen311Key(
  platform: Platform,
  audit: AuditContext,
  input: { agencyCode: string; name: string },
): Promise<{ id: string; key: string; prefix: string; organizationId: string }> {
  const name = input.name.trim();
  if (name.length < 2 || name.length > 100)
    throw new AppError('request.invalid', {
      fields: [{ pointer: '/name', in: 'body', code: 'minLength', params: { limit: 2 } }],
    });
  const now = platform.now();
  return platform.db.transaction(async (tx) => {
    const [org] = await tx
      .select()
      .from(organizations)
      .where(and(eq(organizations.code, input.agencyCode.toUpperCase()), eq(organizations.kind, 'agency')));
    if (!org) throw new AppError('reference.agency_not_found');
    const created = await createApiToken(tx, {
      organizationId: org.id,
      name,
      scopes: [OPEN311_SCOPE],
      createdBy: audit.actor.kind === 'user' ? audit.actor.userId : null,
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
        summary: { name, scopes: [OPEN311_SCOPE], prefix: created.prefix },
      },
      now,
    );
    return { id: created.id, key: created.token, prefix: created.prefix, organizationId: org.id };
  });
}

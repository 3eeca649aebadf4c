// Response templates per agency, category and language: agents start an answer or an update from one
// and adapt it. Placeholders: {reference}, {category}, {agency}, {date}.
import { and, asc, eq, isNull, or, type SQL } from 'drizzle-orm';
import { type AuditContext, appendAudit } from '../../../platform/audit/audit-log.ts';
import type { Platform } from '../../../platform/context.ts';
import type { Orm } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { type AgencyScope, inScope, scopeIncludes } from '../../../platform/tenancy/actor.ts';
import '../problems.ts';
import type { TemplateInput } from '../schemas.ts';
import { complaintCategories, complaintTemplates, type TemplateKind, type TemplateRow } from '../tables.ts';
import { agencyByCode, findCategory } from './manage-categories.ts';

export function fillTemplate(
  body: string,
  vars: Partial<Record<'reference' | 'category' | 'agency' | 'date', string>>,
) {
  return body.replace(
    /\{(reference|category|agency|date)\}/g,
    (whole, name: keyof typeof vars) => vars[name] ?? whole,
  );
}

export async function listTemplates(
  db: Orm,
  scope: AgencyScope,
  filter: {
    agencyId?: string;
    categoryId?: string;
    locale?: Locale;
    kind?: TemplateKind;
    includeInactive?: boolean;
  },
) {
  const conditions: (SQL | undefined)[] = [inScope(complaintTemplates.agencyId, scope)];
  if (filter.agencyId) conditions.push(eq(complaintTemplates.agencyId, filter.agencyId));
  // A category's templates, plus those meant for every category.
  if (filter.categoryId)
    conditions.push(
      or(eq(complaintTemplates.categoryId, filter.categoryId), isNull(complaintTemplates.categoryId)),
    );
  if (filter.locale) conditions.push(eq(complaintTemplates.locale, filter.locale));
  if (filter.kind) conditions.push(eq(complaintTemplates.kind, filter.kind));
  if (!filter.includeInactive) conditions.push(eq(complaintTemplates.active, true));
  const rows = await db
    .select({ template: complaintTemplates, categoryCode: complaintCategories.code })
    .from(complaintTemplates)
    .leftJoin(complaintCategories, eq(complaintCategories.id, complaintTemplates.categoryId))
    .where(and(...conditions))
    .orderBy(asc(complaintTemplates.kind), asc(complaintTemplates.title));
  return rows.map(({ template, categoryCode }) => templateView(template, categoryCode));
}

export function templateView(t: TemplateRow, categoryCode: string | null) {
  return {
    id: t.id,
    agencyId: t.agencyId,
    categoryCode,
    locale: t.locale,
    kind: t.kind,
    title: t.title,
    body: t.body,
    active: t.active,
    updatedAt: t.updatedAt.toISOString(),
  };
}

export async function saveTemplate(
  platform: Platform,
  audit: AuditContext,
  scope: AgencyScope,
  input: TemplateInput & { id?: string },
) {
  const now = platform.now();
  return platform.db.transaction(async (tx) => {
    const agency = await agencyByCode(tx, input.agencyCode);
    if (!agency || !scopeIncludes(scope, agency.id)) throw new AppError('reference.agency_not_found');
    let categoryId: string | null = null;
    if (input.categoryCode) {
      const category = await findCategory(tx, agency.id, input.categoryCode);
      if (!category)
        throw new AppError('complaint.category_unknown', {
          params: { category: input.categoryCode },
          fields: [{ pointer: '/categoryCode', in: 'body', code: 'enum' }],
        });
      categoryId = category.id;
    }
    const values = {
      agencyId: agency.id,
      categoryId,
      locale: input.locale,
      kind: input.kind,
      title: input.title.trim(),
      body: input.body.trim(),
      active: input.active ?? true,
      updatedAt: now,
    };
    let row: TemplateRow | undefined;
    if (input.id) {
      [row] = await tx
        .update(complaintTemplates)
        .set(values)
        .where(and(eq(complaintTemplates.id, input.id), inScope(complaintTemplates.agencyId, scope)))
        .returning();
      if (!row) throw new AppError('complaint.template_not_found');
    } else {
      [row] = await tx
        .insert(complaintTemplates)
        .values({
          ...values,
          createdBy: audit.actor.kind === 'user' ? audit.actor.userId : null,
          createdAt: now,
        })
        .returning();
    }
    await appendAudit(
      tx,
      audit,
      {
        action: input.id ? 'complaint.template_updated' : 'complaint.template_created',
        objectType: 'complaint_template',
        objectId: row!.id,
        agencyId: agency.id,
        summary: { kind: input.kind, locale: input.locale, category: input.categoryCode ?? null },
      },
      now,
    );
    return templateView(row!, input.categoryCode ?? null);
  });
}

/** Templates are retired, not deleted: answers already sent name them in the audit trail. */
export async function retireTemplate(
  platform: Platform,
  audit: AuditContext,
  scope: AgencyScope,
  id: string,
) {
  const now = platform.now();
  await platform.db.transaction(async (tx) => {
    const [row] = await tx
      .update(complaintTemplates)
      .set({ active: false, updatedAt: now })
      .where(and(eq(complaintTemplates.id, id), inScope(complaintTemplates.agencyId, scope)))
      .returning();
    if (!row) throw new AppError('complaint.template_not_found');
    await appendAudit(
      tx,
      audit,
      {
        action: 'complaint.template_retired',
        objectType: 'complaint_template',
        objectId: id,
        agencyId: row.agencyId,
      },
      now,
    );
  });
}

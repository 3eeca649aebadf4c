// Complaint categories are configured per agency: names in three languages, the answer delay (at most
// the Law 55-19 maximum), whether they are public, and their extra questions.
import { and, asc, eq } from 'drizzle-orm';
import { type AuditContext, appendAudit } from '../../../platform/audit/audit-log.ts';
import type { Platform } from '../../../platform/context.ts';
import type { Orm } from '../../../platform/db/database.ts';
import { agencies } from '../../../platform/db/tables.ts';
import { AppError } from '../../../platform/errors.ts';
import { type AgencyScope, scopeIncludes } from '../../../platform/tenancy/actor.ts';
import '../problems.ts';
import { MAX_ANSWER_DAYS } from '../procedure.ts';
import { questionProblems } from '../questions.ts';
import type { CategoryInput } from '../schemas.ts';
import { type CategoryRow, complaintCategories } from '../tables.ts';

export async function agencyByCode(db: Orm, code: string) {
  const [agency] = await db
    .select({ id: agencies.id, code: agencies.code, nameAr: agencies.nameAr, nameFr: agencies.nameFr })
    .from(agencies)
    .where(eq(agencies.code, code));
  return agency;
}

export async function listCategories(db: Orm, agencyId: string, options: { includeInactive?: boolean } = {}) {
  return db
    .select()
    .from(complaintCategories)
    .where(
      and(
        eq(complaintCategories.agencyId, agencyId),
        options.includeInactive ? undefined : eq(complaintCategories.active, true),
      ),
    )
    .orderBy(asc(complaintCategories.position), asc(complaintCategories.code));
}

export async function findCategory(
  db: Orm,
  agencyId: string,
  code: string,
  options: { active?: boolean } = {},
) {
  const [row] = await db
    .select()
    .from(complaintCategories)
    .where(
      and(
        eq(complaintCategories.agencyId, agencyId),
        eq(complaintCategories.code, code),
        options.active ? eq(complaintCategories.active, true) : undefined,
      ),
    );
  return row;
}

/** What anyone may read of a category (the filing form, Open311 services). */
export function categoryView(row: CategoryRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    group: row.groupName,
    keywords: row.keywords,
    answerDays: row.answerDays,
    isPublic: row.isPublic,
    locationRequired: row.locationRequired,
    questions: row.questions,
    position: row.position,
    active: row.active,
  };
}

/** Create a category (no id) or replace one, within the caller's agencies. */
export async function saveCategory(
  platform: Platform,
  audit: AuditContext,
  scope: AgencyScope,
  input: CategoryInput & { id?: string },
): Promise<CategoryRow> {
  const problems = questionProblems(input.questions);
  if (input.answerDays > MAX_ANSWER_DAYS)
    problems.push({
      pointer: '/answerDays',
      in: 'body',
      code: 'maximum',
      params: { limit: MAX_ANSWER_DAYS },
    });
  if (problems.length) throw new AppError('request.invalid', { fields: problems });
  const now = platform.now();
  return platform.db.transaction(async (tx) => {
    const agency = await agencyByCode(tx, input.agencyCode);
    if (!agency || !scopeIncludes(scope, agency.id)) throw new AppError('reference.agency_not_found');
    const values = {
      agencyId: agency.id,
      code: input.code,
      name: input.name,
      description: input.description ?? null,
      groupName: input.group ?? null,
      keywords: input.keywords ?? [],
      answerDays: input.answerDays,
      isPublic: input.isPublic,
      locationRequired: input.locationRequired ?? false,
      questions: input.questions,
      position: input.position ?? 0,
      active: input.active ?? true,
      updatedAt: now,
    };
    const clash = await findCategory(tx, agency.id, input.code);
    if (clash && clash.id !== input.id) throw new AppError('complaint.category_code_taken');
    let row: CategoryRow | undefined;
    if (input.id) {
      [row] = await tx
        .update(complaintCategories)
        .set(values)
        .where(and(eq(complaintCategories.id, input.id), eq(complaintCategories.agencyId, agency.id)))
        .returning();
      if (!row) throw new AppError('complaint.category_not_found');
    } else {
      [row] = await tx
        .insert(complaintCategories)
        .values({ ...values, createdAt: now })
        .returning();
    }
    await appendAudit(
      tx,
      audit,
      {
        action: input.id ? 'complaint.category_updated' : 'complaint.category_created',
        objectType: 'complaint_category',
        objectId: row!.id,
        agencyId: agency.id,
        summary: { code: input.code, answerDays: input.answerDays, active: values.active },
      },
      now,
    );
    return row!;
  });
}

/** A category of the caller's agencies, by id (404 outside them). */
export async function categoryInScope(db: Orm, scope: AgencyScope, id: string) {
  const [row] = await db.select().from(complaintCategories).where(eq(complaintCategories.id, id));
  if (!row || !scopeIncludes(scope, row.agencyId)) throw new AppError('complaint.category_not_found');
  return row;
}

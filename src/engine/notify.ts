// Telling people: the applicant (in-app, mail in their language, SMS when they chose it) and the
// staff of the case's agency holding given roles. Everything is written in the caller's transaction;
// mail and SMS leave through the outbox after commit.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Platform } from '../platform/context.ts';
import type { Orm } from '../platform/db/database.ts';
import { memberships, organizations, users } from '../platform/db/tables.ts';
import { isLocale, type Locale, type Localized } from '../platform/i18n/locale.ts';
import { queueMail } from '../platform/mail/mailer.ts';
import { queueSms } from '../platform/sms/sms.ts';
import type { Role } from '../platform/tenancy/roles.ts';
import type { ProcedureDefinition } from './definition.ts';
import type { Engine } from './engine.ts';
import { CaseUpdateMail, StaffAlertMail } from './mails.ts';
import { type CaseRow, notifications } from './tables.ts';

export const caseLink = (platform: Platform, caseRow: CaseRow, side: 'applicant' | 'staff') =>
  `${platform.config.http.publicUrl}${side === 'staff' ? '/back-office/cases/' : '/my-space/cases/'}${caseRow.id}`;

export async function notifyApplicant(
  tx: Orm,
  engine: Pick<Engine, 'platform' | 'hooks'>,
  options: { def: ProcedureDefinition; caseRow: CaseRow; detail?: Localized; kind: string },
): Promise<void> {
  const { def, caseRow } = options;
  const platform = engine.platform;
  const custom = await engine.hooks.applicantLinks[def.code]?.(tx, caseRow);
  const state = def.states[caseRow.state]!;
  const reference = caseRow.reference ?? '';
  let locale: Locale = 'ar';
  let name = '';
  let email: string | undefined;
  let phone: string | undefined;
  let channels: ('email' | 'sms')[] = ['email'];
  if (caseRow.applicantUserId) {
    const [user] = await tx.select().from(users).where(eq(users.id, caseRow.applicantUserId));
    if (!user) return;
    locale = isLocale(user.locale) ? user.locale : 'ar';
    name = user.fullName;
    email = user.email;
    phone = user.phone ?? undefined;
    await tx.insert(notifications).values({
      userId: user.id,
      caseId: caseRow.id,
      kind: options.kind,
      title: `${reference} — ${state.label[locale]}`,
      body: options.detail?.[locale] ?? def.name[locale],
      link: custom ? custom.replace(platform.config.http.publicUrl, '') : `/my-space/cases/${caseRow.id}`,
    });
  } else if (caseRow.applicantContact) {
    const contact = caseRow.applicantContact;
    locale = contact.locale;
    name = contact.name;
    email = contact.email;
    phone = contact.phone;
    channels = contact.channels;
  }
  const url = custom ?? caseLink(platform, caseRow, 'applicant');
  const vars = {
    name,
    reference,
    procedure: def.name[locale],
    state: state.label[locale],
    ...(options.detail ? { detail: options.detail[locale] } : {}),
    url,
  };
  if (email && channels.includes('email')) {
    await queueMail(
      tx,
      { to: email, template: CaseUpdateMail.key, locale, vars },
      `case:${caseRow.id}:v${caseRow.version}:mail`,
    );
  }
  if (phone && channels.includes('sms')) {
    const text =
      locale === 'ar'
        ? `تعمير: ملفكم ${reference} — ${state.label.ar}. ${url}`
        : `Taamir : dossier ${reference} — ${state.label.fr}. ${url}`;
    await queueSms(tx, { to: phone, text }, `case:${caseRow.id}:v${caseRow.version}:sms`);
  }
}

/** Staff of the case's agency who hold one of `roles` (ignoring those who revoked or are disabled). */
export async function staffWithRoles(tx: Orm, agencyId: string, roles: readonly Role[]) {
  if (roles.length === 0) return [];
  return tx
    .selectDistinct({ id: users.id, email: users.email, fullName: users.fullName, locale: users.locale })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(organizations.agencyId, agencyId),
        inArray(memberships.role, [...roles]),
        isNull(memberships.revokedAt),
        isNull(users.disabledAt),
      ),
    );
}

export async function notifyStaff(
  tx: Orm,
  platform: Platform,
  options: {
    def: ProcedureDefinition;
    caseRow: CaseRow;
    roles: readonly Role[];
    what: Localized;
    kind: string;
    userIds?: string[];
  },
): Promise<number> {
  const people = options.userIds?.length
    ? await tx
        .select({ id: users.id, email: users.email, fullName: users.fullName, locale: users.locale })
        .from(users)
        .where(inArray(users.id, options.userIds))
    : await staffWithRoles(tx, options.caseRow.agencyId, options.roles);
  const url = caseLink(platform, options.caseRow, 'staff');
  for (const person of people) {
    const locale: Locale = isLocale(person.locale) ? person.locale : 'fr';
    await tx.insert(notifications).values({
      userId: person.id,
      caseId: options.caseRow.id,
      kind: options.kind,
      title: `${options.caseRow.reference ?? ''} — ${options.what[locale]}`,
      body: options.def.name[locale],
      link: `/back-office/cases/${options.caseRow.id}`,
    });
    await queueMail(
      tx,
      {
        to: person.email,
        template: StaffAlertMail.key,
        locale,
        vars: {
          name: person.fullName,
          reference: options.caseRow.reference ?? '',
          procedure: options.def.name[locale],
          what: options.what[locale],
          url,
        },
      },
      `case:${options.caseRow.id}:v${options.caseRow.version}:${options.kind}:${person.id}`,
    );
  }
  return people.length;
}

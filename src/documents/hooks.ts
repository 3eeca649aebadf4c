// Documents produced by case transitions, registered inside the transition's transaction:
// - every procedure's deposit (transition kind `deposit`) issues the deposit receipt (récépissé);
// - a transition may name more documents in `produces`; each name is a producer given here.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Engine, TransitionEvent } from '../engine/engine.ts';
import { caseClocks, caseDocuments } from '../engine/tables.ts';
import { users } from '../platform/db/tables.ts';
import { isLocale, type Locale } from '../platform/i18n/locale.ts';
import { DEPOSIT_RECEIPT_TITLE, depositReceiptView } from './deposit-receipt.ts';
import { type DocumentService, type DocumentSpec, registerDocument } from './registry.ts';

/** Builds the document a transition produces, or null when there is nothing to issue. */
export type DocumentProducer = (
  event: TransitionEvent,
  service: DocumentService,
) => Promise<DocumentSpec | null>;

/** The applicant as documents and mails address them. */
export async function applicantOf(
  event: Pick<TransitionEvent, 'tx' | 'after'>,
): Promise<{ name: string; email: string | null; locale: Locale; userId: string | null }> {
  const c = event.after;
  if (c.applicantUserId) {
    const [user] = await event.tx.select().from(users).where(eq(users.id, c.applicantUserId));
    return {
      name: user?.fullName ?? '',
      email: user?.email ?? null,
      locale: isLocale(user?.locale) ? user.locale : 'ar',
      userId: c.applicantUserId,
    };
  }
  const contact = c.applicantContact;
  return {
    name: contact?.name ?? '',
    email: contact?.email && contact.channels.includes('email') ? contact.email : null,
    locale: contact?.locale ?? 'ar',
    userId: null,
  };
}

export const depositReceiptProducer: DocumentProducer = async (event) => {
  const { tx, after: c, definition: def } = event;
  const applicant = await applicantOf(event);
  const pieces = await tx
    .select({ code: caseDocuments.checklistCode, filename: caseDocuments.filename })
    .from(caseDocuments)
    .where(and(eq(caseDocuments.caseId, c.id), isNull(caseDocuments.removedAt)))
    .orderBy(asc(caseDocuments.uploadedAt));
  const [legalClock] = await tx
    .select()
    .from(caseClocks)
    .where(and(eq(caseClocks.caseId, c.id), eq(caseClocks.legal, true), eq(caseClocks.status, 'running')));
  const clockDefinition = legalClock ? def.clocks.find((k) => k.key === legalClock.clockKey) : undefined;
  const depositedAt = c.depositedAt ?? event.now;
  return {
    type: 'deposit_receipt',
    series: 'RCP',
    title: DEPOSIT_RECEIPT_TITLE,
    template: 'deposit-receipt',
    agencyId: c.agencyId,
    caseId: c.id,
    recipientUserId: applicant.userId,
    sourceKey: `case:${c.id}:deposit_receipt`,
    signatories: [{ holder: 'seal' }],
    data: (context) =>
      depositReceiptView({
        agency: context.agency,
        reference: context.number,
        issuedOn: context.issuedOn,
        verification: context.verification,
        specimen: context.specimen,
        caseReference: c.reference ?? '',
        procedure: { fr: def.name.fr, ar: def.name.ar },
        applicant: applicant.name,
        depositedAt,
        pieces: pieces.map((p) => {
          const item = def.checklist.find((i) => i.code === p.code);
          return {
            label: { fr: item?.label.fr ?? p.code, ar: item?.label.ar ?? p.code },
            filename: p.filename,
          };
        }),
        deadline:
          legalClock && clockDefinition
            ? {
                label: { fr: clockDefinition.label.fr, ar: clockDefinition.label.ar },
                days: legalClock.days,
                unit: legalClock.unit,
                date: legalClock.deadline,
              }
            : null,
        signatories: context.signatories,
      }),
    delivery: applicant.email
      ? { to: applicant.email, locale: applicant.locale, vars: { name: applicant.name } }
      : null,
  };
};

/** Plugs document production into the engine (runtime.ts). */
export function registerDocumentHooks(
  engine: Engine,
  service: DocumentService,
  producers: Readonly<Record<string, DocumentProducer>> = {},
): void {
  const all: Record<string, DocumentProducer> = { deposit_receipt: depositReceiptProducer, ...producers };
  engine.hooks.afterTransition.push(async (event) => {
    const names = new Set(event.transition.produces ?? []);
    if (event.transition.kind === 'deposit') names.add('deposit_receipt');
    for (const name of names) {
      const producer = all[name];
      if (!producer) {
        engine.platform.log.error(
          { producer: name, procedure: event.definition.code },
          'no document producer',
        );
        continue;
      }
      const spec = await producer(event, service);
      if (spec) await registerDocument(event.tx, service.platform, event.audit, spec);
    }
  });
}

// The engine's handle, built once in the runtime: the platform, the procedures, the blob store,
// the calendar in force, and the hooks other modules plug in (fees, produced documents).

import type { AuditContext } from '../platform/audit/audit-log.ts';
import type { BlobStore } from '../platform/blobs/blob-store.ts';
import type { Platform } from '../platform/context.ts';
import type { Orm } from '../platform/db/database.ts';
import type { CalendarProvider } from './calendar-provider.ts';
import type { GuardName, ProcedureDefinition, TransitionDefinition } from './definition.ts';
import type { ProcedureRegistry } from './registry.ts';
import type { CaseRow } from './tables.ts';

/** What a hook learns about a transition that is being committed (it runs inside the transaction). */
export type TransitionEvent = {
  tx: Orm;
  definition: ProcedureDefinition;
  transition: TransitionDefinition;
  before: CaseRow;
  after: CaseRow;
  input: Record<string, unknown>;
  audit: AuditContext;
  now: Date;
  today: string;
};

/** A guard answers null when satisfied, or a short reason (shown to the user) when not. */
export type Guard = (tx: Orm, caseRow: CaseRow, definition: ProcedureDefinition) => Promise<string | null>;

/** Where a procedure's applicant follows their case, when not the generic `/my-space/cases/:id`
 * (e.g. a private tracking link for applicants without an account). Absolute URL. */
export type ApplicantLink = (tx: Orm, caseRow: CaseRow) => Promise<string | undefined>;

export type EngineHooks = {
  guards: Partial<Record<GuardName, Guard>>;
  afterTransition: ((event: TransitionEvent) => Promise<void>)[];
  /** Per procedure code. */
  applicantLinks: Partial<Record<string, ApplicantLink>>;
};

export type Engine = {
  readonly platform: Platform;
  readonly procedures: ProcedureRegistry;
  readonly blobs: BlobStore;
  readonly calendar: CalendarProvider;
  readonly hooks: EngineHooks;
};

export const emptyHooks = (): EngineHooks => ({ guards: {}, afterTransition: [], applicantLinks: {} });

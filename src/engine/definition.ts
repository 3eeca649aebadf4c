// A procedure is data: one typed definition per procedure (src/services/<service>/procedure.ts) that
// the engine reads. The engine knows no procedure by name; Law 55-19 rules are built in through the
// transition kinds below.
import type { TSchema } from 'typebox';
import type { Localized } from '../platform/i18n/locale.ts';
import type { Role } from '../platform/tenancy/roles.ts';

/** Who holds the file while it is in a state: shown to the applicant ("who has my file now"). */
export type Holder = 'applicant' | 'agency' | 'commune' | 'committee' | 'bank' | 'none';

export type StateDefinition = {
  label: Localized;
  /** What the state means to the applicant, shown under the label. */
  description?: Localized;
  holder: Holder;
  /** draft: not yet deposited; open: being handled; closed: final (no clock runs). */
  phase: 'draft' | 'open' | 'closed';
};

/** Who may fire a transition: the applicant (case owner), staff roles of the case's agency, or the system (clocks). */
export type Party = 'applicant' | 'system' | Role;

/**
 * Kinds carry the built-in rules:
 * - deposit: gives the case its reference number and a receipt (récépissé), starts legal clocks;
 * - request_missing_pieces: allowed once per case (Law 55-19), opens typed requests and pauses clocks;
 * - answer_missing_pieces: the applicant answers the open requests;
 * - refusal: must carry its reasons;
 * - appeal: administrative appeal (recours) against a refusal;
 * - tacit_approval: fired by a clock when the administration stayed silent;
 * - withdrawal: the applicant withdraws;
 * - normal: anything else.
 */
export type TransitionKind =
  | 'normal'
  | 'deposit'
  | 'request_missing_pieces'
  | 'answer_missing_pieces'
  | 'refusal'
  | 'appeal'
  | 'tacit_approval'
  | 'withdrawal';

export type GuardName =
  /** Every mandatory checklist item of the source state has a document. */
  | 'checklist_complete'
  /** The case is assigned to someone. */
  | 'assigned'
  /** The fee order of the case is paid (payments fill it). */
  | 'fee_paid';

export type TransitionDefinition = {
  key: string;
  kind?: TransitionKind;
  from: readonly string[];
  to: string;
  label: Localized;
  by: readonly Party[];
  guards?: readonly GuardName[];
  /** Input the caller must give (TypeBox object schema), e.g. the answer text. */
  input?: TSchema;
  /** Mark the transition for notifications: the applicant is told (in-app, mail, SMS if chosen). */
  notifyApplicant?: boolean;
  /** Staff roles told when the transition happens (in-app and mail). */
  notifyRoles?: readonly Role[];
  /** Shown in the public timeline and to the applicant (default true for the applicant). */
  visibleToApplicant?: boolean;
  /** Documents produced when the transition commits (the documents module fills this hook). */
  produces?: readonly string[];
};

export type ChecklistItem = {
  code: string;
  label: Localized;
  hint?: Localized;
  /** mandatory: always required; conditional: required when `when` holds on the case data. */
  requirement: 'mandatory' | 'conditional' | 'optional';
  /** For conditional items: a field of the case data that must be truthy (or equal a value). */
  when?: { field: string; equals?: string | boolean };
  /** MIME types accepted, sniffed from the content. */
  accept: readonly string[];
  maxBytes: number;
  /** States in which the item may be uploaded (default: the draft states). */
  uploadIn?: readonly string[];
  maxFiles?: number;
};

export type ClockExpiryAction =
  | { kind: 'remind'; daysBefore: number; roles?: readonly Role[]; applicant?: boolean }
  | { kind: 'escalate'; to: Role }
  | { kind: 'transition'; transition: string };

export type ClockDefinition = {
  key: string;
  label: Localized;
  days: number;
  unit: 'working' | 'calendar';
  /** Starts when the case enters one of these states (first time only unless `restart`). */
  startOn: readonly string[];
  /** Stops for good when the case enters one of these states. */
  stopOn: readonly string[];
  /** Paused while the case is in one of these states (waiting for the applicant). */
  pauseIn?: readonly string[];
  restart?: boolean;
  /** A legal delay, checked against the procedure's Law 55-19 maximum. */
  legal: boolean;
  onExpiry: readonly ClockExpiryAction[];
};

export type FieldDefinition = {
  key: string;
  label: Localized;
  hint?: Localized;
  type: 'text' | 'longtext' | 'email' | 'phone' | 'select' | 'boolean' | 'number' | 'date';
  required?: boolean;
  options?: readonly { value: string; label: Localized }[];
  maxLength?: number;
};

/** Fees: the payments module turns this into an order at the given transition. */
export type FeeHook = {
  /** Tariff key looked up per agency (payments module). */
  tariff: string;
  /** The order is created when this transition commits; the case then waits for payment. */
  onTransition: string;
};

export type ProcedureDefinition = {
  /** 2–6 capital letters, part of reference numbers: AUST-NRU-2026-000123. */
  code: string;
  version: number;
  name: Localized;
  description: Localized;
  /** Which kind of organisation handles the procedure (its staff act on the cases). */
  handledBy: 'agency' | 'commune';
  /** Applicant-side accounts allowed to create cases; 'anonymous' allows verified visitors without an account. */
  applicants: readonly ('citizen' | 'professional' | 'anonymous')[];
  initialState: string;
  states: Readonly<Record<string, StateDefinition>>;
  transitions: readonly TransitionDefinition[];
  fields: readonly FieldDefinition[];
  checklist: readonly ChecklistItem[];
  clocks: readonly ClockDefinition[];
  /** Law 55-19: maximum legal delay in calendar days (60), 30 for investment files. */
  legalMaximum: { days: number; investmentDays: number };
  fees?: FeeHook;
};

export const LAW_55_19_MAXIMUM = { days: 60, investmentDays: 30 } as const;

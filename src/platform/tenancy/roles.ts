// Staff roles and what each may do. A permission is granted *within* the organisation that holds
// the membership (its agency); ministry and platform roles reach every agency.
import type { Localized } from '../i18n/locale.ts';

export const ROLES = [
  'front_desk',
  'instructor',
  'geomatics',
  'finance',
  'legal',
  'director',
  'committee_member',
  'commune_president',
  'ministry_analyst',
  'platform_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export const ROLE_LABELS: Readonly<Record<Role, Localized>> = {
  front_desk: { ar: 'مكتب الاستقبال', fr: "Guichet d'accueil", en: 'Front desk' },
  instructor: { ar: 'مكلف بالدراسة', fr: 'Instructeur', en: 'Instructor' },
  geomatics: { ar: 'الجيوماتيك', fr: 'Géomatique', en: 'Geomatics' },
  finance: { ar: 'المالية', fr: 'Finances', en: 'Finance' },
  legal: { ar: 'الشؤون القانونية', fr: 'Affaires juridiques', en: 'Legal' },
  director: { ar: 'المدير', fr: 'Directeur', en: 'Director' },
  committee_member: { ar: 'عضو اللجنة', fr: 'Membre de commission', en: 'Committee member' },
  commune_president: { ar: 'رئيس الجماعة', fr: 'Président de commune', en: 'Commune president' },
  ministry_analyst: { ar: 'محلل بالوزارة', fr: 'Analyste du ministère', en: 'Ministry analyst' },
  platform_admin: { ar: 'مدير المنصة', fr: 'Administrateur de la plateforme', en: 'Platform administrator' },
};

export const PERMISSIONS = [
  'queue.read', // see the agency's work queue and cases
  'case.act', // act on cases (the procedure definition then checks the role per transition)
  'case.assign', // assign and reassign cases
  'membership.manage', // grant and revoke staff roles in the organisation
  'agency.update', // edit the agency's public contact sheet
  'audit.read', // read the agency's audit trail
  'stats.read', // statistics of the agency
  'stats.national', // statistics of every agency
  'geo.manage', // import and publish planning documents
  'finance.manage', // tariffs, refunds, reconciliation
  'token.manage', // API tokens for partner systems
  'platform.manage', // platform-wide settings (calendar overrides, agencies)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  front_desk: ['queue.read', 'case.act'],
  instructor: ['queue.read', 'case.act', 'stats.read'],
  geomatics: ['queue.read', 'case.act', 'geo.manage'],
  finance: ['queue.read', 'finance.manage', 'stats.read'],
  legal: ['queue.read', 'case.act'],
  director: [
    'queue.read',
    'case.act',
    'case.assign',
    'membership.manage',
    'agency.update',
    'audit.read',
    'stats.read',
    'geo.manage',
    'finance.manage',
    'token.manage',
  ],
  committee_member: ['queue.read', 'case.act'],
  commune_president: ['queue.read', 'case.act', 'stats.read'],
  ministry_analyst: ['stats.read', 'stats.national'],
  platform_admin: [...PERMISSIONS],
};

/** Roles whose permissions reach every agency, whatever organisation holds the membership. */
export const NATIONAL_ROLES: ReadonlySet<Role> = new Set(['ministry_analyst', 'platform_admin']);

/** Which organisation kinds may hold which roles. */
export const ROLES_BY_ORGANIZATION_KIND: Readonly<Record<string, readonly Role[]>> = {
  agency: ['front_desk', 'instructor', 'geomatics', 'finance', 'legal', 'director', 'committee_member'],
  commune: ['front_desk', 'instructor', 'commune_president', 'committee_member'],
  body: ['committee_member'],
  ministry: ['ministry_analyst'],
  platform: ['platform_admin'],
};

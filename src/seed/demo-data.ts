// Demo accounts for `npm start` (DEMO_DATA, on by default outside production). Every password and the
// staff TOTP secret are public (README): this data must never be loaded in production.
import { eq } from 'drizzle-orm';
import { createUser } from '../accounts/use-cases/create-user.ts';
import { TOTP_PURPOSE } from '../accounts/use-cases/sign-in.ts';
import type { Platform } from '../platform/context.ts';
import { users } from '../platform/db/tables.ts';
import { seal } from '../platform/security/crypto.ts';
import type { Role } from '../platform/tenancy/roles.ts';
import { seedComplaintDefaults } from '../services/complaints/defaults.ts';

export const DEMO_PASSWORD = 'Taamir-Demo-2026';
/** Base32 secret shared by the demo staff accounts: add it to any authenticator app. */
export const DEMO_TOTP_SECRET = 'KRQWC3LJOJCGK3LPGIYDENRT';

export type DemoAccount = {
  email: string;
  fullName: string;
  locale: 'ar' | 'fr';
  organizationCode?: string;
  role?: Role;
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'citoyen@demo.taamir.ma', fullName: 'فاطمة الزهراء الإدريسي', locale: 'ar' },
  { email: 'architecte@demo.taamir.ma', fullName: 'Youssef Benjelloun', locale: 'fr' },
  {
    email: 'directeur.aust@demo.taamir.ma',
    fullName: 'Karim Alaoui',
    locale: 'fr',
    organizationCode: 'AUST',
    role: 'director',
  },
  {
    email: 'instructeur.aust@demo.taamir.ma',
    fullName: 'سناء بنعلي',
    locale: 'ar',
    organizationCode: 'AUST',
    role: 'instructor',
  },
  {
    email: 'accueil.aust@demo.taamir.ma',
    fullName: 'Hicham Tazi',
    locale: 'fr',
    organizationCode: 'AUST',
    role: 'front_desk',
  },
  {
    email: 'geomatique.aust@demo.taamir.ma',
    fullName: 'Nadia Chraibi',
    locale: 'fr',
    organizationCode: 'AUST',
    role: 'geomatics',
  },
  {
    email: 'directeur.auc@demo.taamir.ma',
    fullName: 'Mehdi Berrada',
    locale: 'fr',
    organizationCode: 'AUC',
    role: 'director',
  },
  {
    email: 'instructeur.auc@demo.taamir.ma',
    fullName: 'رشيد الفاسي',
    locale: 'ar',
    organizationCode: 'AUC',
    role: 'instructor',
  },
  {
    email: 'directeur.autar@demo.taamir.ma',
    fullName: 'لحسن أيت باها',
    locale: 'ar',
    organizationCode: 'AUTAR',
    role: 'director',
  },
  {
    email: 'instructeur.autar@demo.taamir.ma',
    fullName: 'Amina Oukacha',
    locale: 'fr',
    organizationCode: 'AUTAR',
    role: 'instructor',
  },
  {
    email: 'analyste@demo.taamir.ma',
    fullName: 'Omar Kettani',
    locale: 'fr',
    organizationCode: 'MHPV-DU',
    role: 'ministry_analyst',
  },
  {
    email: 'admin@demo.taamir.ma',
    fullName: 'Administrateur Taamir',
    locale: 'fr',
    organizationCode: 'TAAMIR',
    role: 'platform_admin',
  },
];

export async function seedDemoData(platform: Platform): Promise<number> {
  let created = 0;
  const totpSecretEnc = seal(platform.config.secrets.secretKey, DEMO_TOTP_SECRET, TOTP_PURPOSE);
  for (const account of DEMO_ACCOUNTS) {
    const [exists] = await platform.db.orm
      .select({ id: users.id })
      .from(users)
      .where(eq(users.emailNormalized, account.email));
    if (exists) continue;
    await createUser(
      platform,
      { actor: { kind: 'system', label: 'demo-seed' } },
      {
        email: account.email,
        fullName: account.fullName,
        password: DEMO_PASSWORD,
        locale: account.locale,
        ...(account.organizationCode && account.role
          ? { organizationCode: account.organizationCode, role: account.role, totpSecretEnc }
          : {}),
      },
    );
    created++;
  }
  await seedComplaintDefaults(platform);
  return created;
}

import { createUser } from '../../accounts/use-cases/create-user.ts';
import { isAppError } from '../../platform/errors.ts';
import { isLocale } from '../../platform/i18n/locale.ts';
import { isRole } from '../../platform/tenancy/roles.ts';
import { type Command, UsageError } from '../command.ts';
import { withRuntime } from './with-runtime.ts';

export const createUserCommand: Command = {
  name: 'create-user',
  summary:
    'Create a verified account; with --org and --role, a staff member (who enrols TOTP at first sign-in).',
  usage:
    'create-user --email EMAIL --name "Full name" --password PASSWORD [--org CODE --role ROLE] [--locale ar|fr|en]',
  options: {
    email: { type: 'string', description: 'E-mail address (sign-in name)' },
    name: { type: 'string', description: 'Full name' },
    password: { type: 'string', description: 'Initial password (10+ characters)' },
    org: { type: 'string', description: 'Organisation code, e.g. AUST, COMMUNE-501.01.01, MHPV-DU, TAAMIR' },
    role: { type: 'string', description: 'director, instructor, front_desk, geomatics, finance, legal, …' },
    locale: { type: 'string', description: 'Preferred language (default ar)' },
  },
  run: async ({ values, out, err }) => {
    const email = values.email as string | undefined;
    const name = values.name as string | undefined;
    const password = values.password as string | undefined;
    if (!email || !name || !password) throw new UsageError('--email, --name and --password are required');
    const role = values.role as string | undefined;
    const org = values.org as string | undefined;
    if (Boolean(role) !== Boolean(org)) throw new UsageError('--org and --role go together');
    if (role && !isRole(role)) throw new UsageError(`unknown role: ${role}`);
    const locale = (values.locale as string | undefined) ?? 'ar';
    if (!isLocale(locale)) throw new UsageError(`unknown locale: ${locale}`);
    return withRuntime({}, async ({ platform }) => {
      try {
        const user = await createUser(
          platform,
          { actor: { kind: 'system', label: 'cli' } },
          {
            email,
            fullName: name,
            password,
            locale,
            ...(org && role && isRole(role) ? { organizationCode: org, role } : {}),
          },
        );
        out(`created ${user.email} (${user.id})${org ? ` as ${role} of ${org}` : ''}`);
        return 0;
      } catch (error) {
        if (!isAppError(error)) throw error;
        const detail = error.fields.map((f) => `${f.pointer.slice(1)}: ${f.code}`).join(', ');
        err(`error: ${error.code}${detail ? ` (${detail})` : ''}`);
        return 1;
      }
    });
  },
};

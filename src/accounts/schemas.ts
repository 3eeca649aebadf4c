import Type from 'typebox';
import { Email, LocaleSchema, Uuid } from '../platform/http/schemas.ts';
import { ROLES } from '../platform/tenancy/roles.ts';

export const Password = Type.String({ minLength: 1, maxLength: 200 });
export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const SignUpBody = Type.Object(
  {
    email: Email,
    password: Password,
    fullName: Type.String({ minLength: 2, maxLength: 120 }),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ().-]{6,20}$' })),
    accountType: Type.Union([Type.Literal('citizen'), Type.Literal('professional')]),
    profession: Type.Optional(
      Type.Union([
        Type.Literal('architect'),
        Type.Literal('surveyor'),
        Type.Literal('engineering_firm'),
        Type.Literal('promoter'),
      ]),
    ),
    professionalNumber: Type.Optional(Type.String({ minLength: 2, maxLength: 40 })),
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);

export const TokenBody = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }) },
  { additionalProperties: false },
);
export const SignInBody = Type.Object({ email: Email, password: Password }, { additionalProperties: false });
export const MfaBody = Type.Object(
  { code: Type.String({ pattern: '^\\s*\\d{6}\\s*$' }) },
  { additionalProperties: false },
);
export const EmailBody = Type.Object({ email: Email }, { additionalProperties: false });
export const ResetBody = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }), password: Password },
  { additionalProperties: false },
);
export const LocaleBody = Type.Object({ locale: LocaleSchema }, { additionalProperties: false });

export const Me = Type.Object({
  id: Uuid,
  email: Type.String(),
  fullName: Type.String(),
  accountType: Type.String(),
  profession: Type.Union([Type.String(), Type.Null()]),
  professionalNumber: Type.Union([Type.String(), Type.Null()]),
  locale: LocaleSchema,
  mfaEnabled: Type.Boolean(),
  memberships: Type.Array(
    Type.Object({
      organizationId: Uuid,
      organizationCode: Type.String(),
      organizationKind: Type.String(),
      organizationNameAr: Type.String(),
      organizationNameFr: Type.String(),
      agencyId: Type.Union([Uuid, Type.Null()]),
      role: Type.String(),
    }),
  ),
  permissions: Type.Array(Type.String()),
});

export const SessionView = Type.Object({
  user: Type.Union([Me, Type.Null()]),
  mfaPending: Type.Boolean(),
  csrfToken: Type.String(),
  locale: LocaleSchema,
});

export const SignInResponse = Type.Object({
  stage: Type.Union([Type.Literal('complete'), Type.Literal('mfa')]),
  csrfToken: Type.String(),
  enrollment: Type.Optional(
    Type.Object({ secret: Type.String(), uri: Type.String(), qrDataUrl: Type.String() }),
  ),
});

export const GrantBody = Type.Object(
  {
    organizationId: Uuid,
    email: Email,
    fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })),
    role: RoleSchema,
  },
  { additionalProperties: false },
);

export const ApiTokenBody = Type.Object(
  {
    organizationId: Uuid,
    name: Type.String({ minLength: 2, maxLength: 80 }),
    scopes: Type.Array(Type.String({ pattern: '^[a-z0-9_.:-]{2,40}$' }), { maxItems: 20 }),
  },
  { additionalProperties: false },
);

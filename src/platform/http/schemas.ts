// Schema pieces shared by many routes.
import Type from 'typebox';

export const LocaleSchema = Type.Union([Type.Literal('ar'), Type.Literal('fr'), Type.Literal('en')]);
export const Uuid = Type.String({ format: 'uuid' });
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

/** Common error responses, documented once for OpenAPI. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    code: Type.String(),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          pointer: Type.String(),
          in: Type.String(),
          code: Type.String(),
          detail: Type.String(),
        }),
      ),
    ),
  },
  { $id: 'Problem', additionalProperties: true },
);

export const Localized = Type.Object({
  ar: Type.String(),
  fr: Type.String(),
  en: Type.Optional(Type.String()),
});

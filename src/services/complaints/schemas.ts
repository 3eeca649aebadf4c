// Request shapes of the complaint routes (TypeBox): categories, templates, filing, moderation.
import Type from 'typebox';
import { MAX_ANSWER_DAYS } from './procedure.ts';
import { MAX_QUESTIONS, QUESTION_TYPES } from './questions.ts';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
export const Trilingual = (max = 200) =>
  Type.Object({ ar: Text(max), fr: Text(max), en: Text(max) }, { additionalProperties: false });
export const CategoryCode = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' });
export const AgencyCode = Type.String({ pattern: '^[A-Z]{2,8}$' });
export const Reference = Type.String({ pattern: '^[A-Z]{2,8}-[A-Z]{2,6}-\\d{4}-\\d{6}$' });

export const QuestionSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
    datatype: Type.Union(QUESTION_TYPES.map((t) => Type.Literal(t))),
    required: Type.Boolean(),
    label: Trilingual(200),
    hint: Type.Optional(Trilingual(400)),
    values: Type.Optional(
      Type.Array(
        Type.Object(
          { key: Type.String({ pattern: '^[a-z0-9_]{1,40}$' }), name: Trilingual(120) },
          { additionalProperties: false },
        ),
        { maxItems: 30 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const CategoryBody = Type.Object(
  {
    agencyCode: AgencyCode,
    code: CategoryCode,
    name: Trilingual(120),
    description: Type.Optional(Type.Union([Trilingual(600), Type.Null()])),
    group: Type.Optional(Type.Union([Trilingual(120), Type.Null()])),
    keywords: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 })),
    answerDays: Type.Integer({ minimum: 1, maximum: MAX_ANSWER_DAYS }),
    isPublic: Type.Boolean(),
    locationRequired: Type.Optional(Type.Boolean()),
    questions: Type.Array(QuestionSchema, { maxItems: MAX_QUESTIONS }),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CategoryInput = Type.Static<typeof CategoryBody>;

export const TemplateKindSchema = Type.Union([
  Type.Literal('answer'),
  Type.Literal('update'),
  Type.Literal('not_competent'),
  Type.Literal('duplicate'),
]);

export const TemplateBody = Type.Object(
  {
    agencyCode: AgencyCode,
    categoryCode: Type.Optional(Type.Union([CategoryCode, Type.Null()])),
    locale: Type.Union([Type.Literal('ar'), Type.Literal('fr'), Type.Literal('en')]),
    kind: TemplateKindSchema,
    title: Type.String({ minLength: 2, maxLength: 120 }),
    body: Type.String({ minLength: 10, maxLength: 10_000 }),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type TemplateInput = Type.Static<typeof TemplateBody>;

/** What the filing form sends (as JSON in the `complaint` part of a multipart request). */
export const FilingSchema = Type.Object(
  {
    agencyCode: AgencyCode,
    category: Type.Optional(Type.String({ maxLength: 40 })),
    description: Type.String({ maxLength: 5000 }),
    answers: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Unknown())),
    address: Type.Optional(Type.String({ maxLength: 300 })),
    location: Type.Optional(
      Type.Union([
        Type.Object(
          {
            latitude: Type.Number({ minimum: -90, maximum: 90 }),
            longitude: Type.Number({ minimum: -180, maximum: 180 }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
    contact: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String({ maxLength: 120 })),
          channel: Type.Optional(Type.Union([Type.Literal('email'), Type.Literal('sms')])),
          phone: Type.Optional(Type.String({ maxLength: 30 })),
        },
        { additionalProperties: false },
      ),
    ),
    /** For visitors without an account: the proof obtained by confirming a code. */
    proof: Type.Optional(Type.String({ minLength: 20, maxLength: 100 })),
    locale: Type.Optional(Type.Union([Type.Literal('ar'), Type.Literal('fr'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type FilingInput = Type.Static<typeof FilingSchema>;

export const RedactionBody = Type.Object(
  {
    target: Type.String({ pattern: '^(description|address|location|event:[0-9]{1,18})$' }),
    publicText: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000 })),
    hidden: Type.Optional(Type.Boolean()),
    reason: Type.String({ minLength: 3, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type RedactionInput = Type.Static<typeof RedactionBody>;

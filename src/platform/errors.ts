// Typed application errors, rendered as RFC 9457 problem+json with a stable `code`.
// Each module declares its codes once with `defineProblems`: HTTP status and localized title/detail.
import { interpolate, type Locale, type Localized } from './i18n/locale.ts';

export type ProblemDefinition = {
  status: number;
  title: Localized;
  /** May use `{param}` placeholders filled from the error's params. */
  detail?: Localized;
};

const registry = new Map<string, ProblemDefinition>();

/** Register a module's problems. Codes are `module.snake_case`; each is defined once. */
export function defineProblems<const T extends Record<string, ProblemDefinition>>(definitions: T): T {
  for (const [code, definition] of Object.entries(definitions)) {
    if (!/^[a-z0-9]+(\.[a-z0-9_]+)+$/.test(code)) throw new Error(`Bad problem code: ${code}`);
    const existing = registry.get(code);
    if (existing && existing !== definition) throw new Error(`Problem code defined twice: ${code}`);
    registry.set(code, definition);
  }
  return definitions;
}

export const problemDefinition = (code: string) => registry.get(code);
export const allProblems = (): ReadonlyMap<string, ProblemDefinition> => registry;

export type FieldError = {
  /** JSON pointer into the part of the request named by `in`. */
  pointer: string;
  in: 'body' | 'query' | 'params' | 'headers' | 'file';
  code: string;
  params?: Record<string, unknown>;
};

export class AppError extends Error {
  readonly code: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly fields: readonly FieldError[];
  readonly headers: Readonly<Record<string, string>>;
  /** Extra members for the problem document (e.g. allowed actions), never personal data. */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    options: {
      params?: Record<string, unknown>;
      fields?: FieldError[];
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = options.params ?? {};
    this.fields = options.fields ?? [];
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }

  get status(): number {
    return registry.get(this.code)?.status ?? 500;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: { pointer: string; in: FieldError['in']; code: string; detail: string }[];
  [extension: string]: unknown;
};

export type FieldMessage = (field: FieldError, locale: Locale) => string;

export function toProblem(
  error: AppError,
  context: { locale: Locale; instance?: string; requestId?: string; fieldMessage: FieldMessage },
): Problem {
  const definition = registry.get(error.code) ?? registry.get('internal.error');
  const status = definition?.status ?? 500;
  const problem: Problem = {
    ...error.extensions,
    type: `/problems/${error.code}`,
    title: definition ? definition.title[context.locale] : 'Error',
    status,
    code: error.code,
  };
  if (definition?.detail) problem.detail = interpolate(definition.detail[context.locale], error.params);
  if (context.instance) problem.instance = context.instance;
  if (context.requestId) problem.requestId = context.requestId;
  if (error.fields.length)
    problem.errors = error.fields.map((f) => ({
      pointer: f.pointer,
      in: f.in,
      code: f.code,
      detail: context.fieldMessage(f, context.locale),
    }));
  return problem;
}

/** Problems every module may raise, about the request itself rather than the domain. */
export const RequestProblems = defineProblems({
  'request.invalid': {
    status: 400,
    title: { ar: 'الطلب غير صالح', fr: 'Requête invalide', en: 'Invalid request' },
    detail: {
      ar: 'بعض الحقول غير صحيحة. راجع الأخطاء المبينة.',
      fr: 'Certains champs sont incorrects. Voir les erreurs indiquées.',
      en: 'Some fields are not valid. See the errors listed.',
    },
  },
  'request.malformed_json': {
    status: 400,
    title: { ar: 'صيغة JSON غير صحيحة', fr: 'JSON mal formé', en: 'Malformed JSON' },
    detail: {
      ar: 'تعذرت قراءة نص الطلب لأنه ليس JSON صالحاً.',
      fr: "Le corps de la requête n'est pas un JSON valide.",
      en: 'The request body is not valid JSON.',
    },
  },
  'request.body_too_large': {
    status: 413,
    title: { ar: 'حجم الطلب كبير جداً', fr: 'Requête trop volumineuse', en: 'Request too large' },
    detail: {
      ar: 'يتجاوز حجم الطلب الحد المسموح به.',
      fr: 'La taille de la requête dépasse la limite autorisée.',
      en: 'The request is larger than the allowed limit.',
    },
  },
  'request.unsupported_media_type': {
    status: 415,
    title: {
      ar: 'نوع المحتوى غير مدعوم',
      fr: 'Type de contenu non pris en charge',
      en: 'Unsupported media type',
    },
  },
  'request.not_found': {
    status: 404,
    title: { ar: 'الصفحة أو المورد غير موجود', fr: 'Ressource introuvable', en: 'Not found' },
  },
  'request.method_not_allowed': {
    status: 405,
    title: { ar: 'الطريقة غير مسموح بها', fr: 'Méthode non autorisée', en: 'Method not allowed' },
  },
  'request.rate_limited': {
    status: 429,
    title: { ar: 'عدد كبير من المحاولات', fr: 'Trop de tentatives', en: 'Too many attempts' },
    detail: {
      ar: 'تجاوزت عدد المحاولات المسموح به. أعد المحاولة بعد {retryAfter} ثانية.',
      fr: 'Vous avez dépassé le nombre de tentatives autorisé. Réessayez dans {retryAfter} secondes.',
      en: 'You have made too many attempts. Try again in {retryAfter} seconds.',
    },
  },
  'request.csrf_failed': {
    status: 403,
    title: { ar: 'رمز الحماية غير صالح', fr: 'Jeton anti-CSRF invalide', en: 'Invalid CSRF token' },
    detail: {
      ar: 'انتهت صلاحية الصفحة أو أن الطلب لم يصدر عنها. أعد تحميل الصفحة ثم حاول مجدداً.',
      fr: "La page a expiré ou la requête ne vient pas d'elle. Rechargez la page puis réessayez.",
      en: 'The page expired or the request did not come from it. Reload the page and try again.',
    },
  },
  'request.conflict': {
    status: 409,
    title: {
      ar: 'تعارض مع تعديل آخر',
      fr: 'Conflit avec une autre modification',
      en: 'Conflict with another change',
    },
  },
  'internal.error': {
    status: 500,
    title: { ar: 'خطأ داخلي', fr: 'Erreur interne', en: 'Internal error' },
    detail: {
      ar: 'حدث خطأ غير متوقع. تم تسجيله وسنعالجه. يمكنك ذكر رقم الطلب عند التواصل معنا.',
      fr: "Une erreur inattendue s'est produite. Elle a été enregistrée. Citez l'identifiant de la requête si vous nous contactez.",
      en: 'An unexpected error occurred. It has been logged. Quote the request id if you contact us.',
    },
  },
  'internal.unavailable': {
    status: 503,
    title: {
      ar: 'الخدمة غير متاحة مؤقتاً',
      fr: 'Service momentanément indisponible',
      en: 'Service unavailable',
    },
  },
});

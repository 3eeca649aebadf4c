// A category's extra questions and the answers to them. The question types are Open311's attribute
// datatypes, so the same definition renders the web form and `GET services/{code}`, and answers
// coming from a form (strings) or from JSON are checked and normalised the same way.
import type { FieldError } from '../../platform/errors.ts';
import { LOCALES } from '../../platform/i18n/locale.ts';
import type { Question } from './tables.ts';

export const QUESTION_TYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export const MAX_QUESTIONS = 12;

const isList = (q: Question) => q.datatype === 'singlevaluelist' || q.datatype === 'multivaluelist';

/** Problems with a category's questions (paths relative to `questions`), for the category editor. */
export function questionProblems(questions: readonly Question[]): FieldError[] {
  const errors: FieldError[] = [];
  const add = (pointer: string, code: string, params?: Record<string, unknown>) =>
    errors.push({ pointer: `/questions${pointer}`, in: 'body', code, ...(params ? { params } : {}) });
  if (questions.length > MAX_QUESTIONS) add('', 'maxItems', { limit: MAX_QUESTIONS });
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    if (seen.has(q.code)) add(`/${i}/code`, 'unique');
    seen.add(q.code);
    for (const l of LOCALES) if (!q.label[l]?.trim()) add(`/${i}/label/${l}`, 'required');
    if (isList(q)) {
      if (!q.values?.length) add(`/${i}/values`, 'minItems', { limit: 1 });
      const keys = new Set<string>();
      q.values?.forEach((v, j) => {
        if (keys.has(v.key)) add(`/${i}/values/${j}/key`, 'unique');
        keys.add(v.key);
        for (const l of LOCALES) if (!v.name[l]?.trim()) add(`/${i}/values/${j}/name/${l}`, 'required');
      });
    } else if (q.values?.length) add(`/${i}/values`, 'maxItems', { limit: 0 });
  });
  return errors;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const empty = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length);

/**
 * Check answers against the questions. Returns the normalised answers (numbers as numbers, lists as
 * arrays of keys, dates as given) and field errors under `pointerPrefix`.
 */
export function checkAnswers(
  questions: readonly Question[],
  answers: Record<string, unknown>,
  pointerPrefix = '/answers',
): { value: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value: Record<string, unknown> = {};
  const byCode = new Map(questions.map((q) => [q.code, q]));
  const fail = (code: string, key: string, params?: Record<string, unknown>) =>
    errors.push({ pointer: `${pointerPrefix}/${key}`, in: 'body', code, ...(params ? { params } : {}) });
  for (const key of Object.keys(answers))
    if (!byCode.has(key)) fail('additionalProperties', key, { name: key });
  for (const q of questions) {
    const raw = answers[q.code];
    if (empty(raw)) {
      if (q.required) fail('required', q.code);
      continue;
    }
    switch (q.datatype) {
      case 'string':
      case 'text': {
        const limit = q.datatype === 'string' ? 300 : 4000;
        if (typeof raw !== 'string') fail('type', q.code, { type: 'string' });
        else if (raw.length > limit) fail('maxLength', q.code, { limit });
        else value[q.code] = raw.trim();
        break;
      }
      case 'number': {
        const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : Number.NaN;
        if (!Number.isFinite(n)) fail('type', q.code, { type: 'number' });
        else value[q.code] = n;
        break;
      }
      case 'datetime': {
        if (typeof raw !== 'string' || !ISO_DATE.test(raw.trim()) || Number.isNaN(Date.parse(raw)))
          fail('format', q.code, { format: 'date-time' });
        else value[q.code] = raw.trim();
        break;
      }
      case 'singlevaluelist': {
        const key = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
        if (typeof key !== 'string' || !q.values?.some((v) => v.key === key)) fail('enum', q.code);
        else value[q.code] = key;
        break;
      }
      case 'multivaluelist': {
        const keys = Array.isArray(raw) ? raw : [raw];
        if (keys.some((k) => typeof k !== 'string' || !q.values?.some((v) => v.key === k)))
          fail('enum', q.code);
        else value[q.code] = [...new Set(keys as string[])];
        break;
      }
    }
  }
  return { value, errors };
}

/** An answer as a person reads it: the value's name for lists, in the reader's language. */
export function answerText(q: Question, answer: unknown, locale: 'ar' | 'fr' | 'en'): string {
  if (q.datatype === 'singlevaluelist' || q.datatype === 'multivaluelist') {
    const keys = Array.isArray(answer) ? answer : [answer];
    return keys
      .map((k) => q.values?.find((v) => v.key === k)?.name[locale] ?? String(k))
      .join(locale === 'ar' ? '، ' : ', ');
  }
  return String(answer ?? '');
}

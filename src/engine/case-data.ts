// The applicant's answers (case data) checked against the procedure's fields: unknown keys refused,
// types and options enforced; required fields enforced when the case is deposited.
import type { FieldError } from '../platform/errors.ts';
import type { FieldDefinition, ProcedureDefinition } from './definition.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^\+?[0-9 ().-]{6,20}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkField(field: FieldDefinition, value: unknown): string | undefined {
  switch (field.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'type';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'type';
    case 'select':
      return typeof value === 'string' && field.options?.some((o) => o.value === value) ? undefined : 'enum';
    default: {
      if (typeof value !== 'string') return 'type';
      const max = field.maxLength ?? (field.type === 'longtext' ? 5000 : 300);
      if (value.length > max) return 'maxLength';
      if (field.type === 'email' && value && !EMAIL.test(value)) return 'format';
      if (field.type === 'phone' && value && !PHONE.test(value)) return 'pattern';
      if (field.type === 'date' && value && !DATE.test(value)) return 'format';
      return undefined;
    }
  }
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && !value.trim());

export function validateCaseData(
  def: ProcedureDefinition,
  data: Record<string, unknown>,
  options: { requireAll: boolean; pointerPrefix?: string },
): FieldError[] {
  const prefix = options.pointerPrefix ?? '/data';
  const fields = new Map(def.fields.map((f) => [f.key, f]));
  const errors: FieldError[] = [];
  for (const key of Object.keys(data)) {
    if (!fields.has(key))
      errors.push({
        pointer: `${prefix}/${key}`,
        in: 'body',
        code: 'additionalProperties',
        params: { name: key },
      });
  }
  for (const field of def.fields) {
    const value = data[field.key];
    if (isEmpty(value)) {
      if (options.requireAll && field.required)
        errors.push({ pointer: `${prefix}/${field.key}`, in: 'body', code: 'required' });
      continue;
    }
    const code = checkField(field, value);
    if (code)
      errors.push({
        pointer: `${prefix}/${field.key}`,
        in: 'body',
        code,
        params: { limit: field.maxLength ?? 300, type: field.type, format: field.type },
      });
  }
  return errors;
}

// JSON Schema validation for Fastify routes: bodies are validated strictly (no type coercion, no
// silent removal of unknown fields: they are reported), query strings and params are coerced.
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError } from '../errors.ts';

function makeAjv(coerceTypes: boolean | 'array') {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes,
    strict: false,
  });
  // ajv-formats is CommonJS: under Node's ESM loader its function is the `default` of the namespace.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
    addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-pii' });
  return ajv;
}

const strictAjv = makeAjv(false);
const coercingAjv = makeAjv('array');

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strictAjv : coercingAjv;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};

const PARTS: Record<string, FieldError['in']> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

const escapePointer = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');

/** Turn ajv errors into field errors whose pointer names the field itself. */
export function toFieldErrors(errors: ErrorObject[], context: string | undefined): FieldError[] {
  const part = PARTS[context ?? 'body'] ?? 'body';
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const e of errors) {
    let pointer = e.instancePath;
    const params: Record<string, unknown> = {};
    switch (e.keyword) {
      case 'required':
        pointer += `/${escapePointer(String(e.params.missingProperty))}`;
        break;
      case 'additionalProperties':
        pointer += `/${escapePointer(String(e.params.additionalProperty))}`;
        params.name = e.params.additionalProperty;
        break;
      case 'type':
        params.type = e.params.type;
        break;
      case 'format':
        params.format = e.params.format;
        break;
      case 'minLength':
      case 'maxLength':
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'minItems':
      case 'maxItems':
        params.limit = e.params.limit;
        break;
    }
    const key = `${pointer}|${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fields.push({ pointer, in: part, code: e.keyword, params });
  }
  // A union failing reports each branch; keep the most specific messages when there are some.
  const specific = fields.filter((f) => f.code !== 'anyOf' && f.code !== 'oneOf');
  return specific.length ? specific : fields;
}

// The actions a caller may take on a case, as forms generated from the procedure's input schemas.
// Only actions the engine allows for this caller and state are offered.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, api } from '../../lib/api.ts';
import { Button, ErrorSummary, SelectField, TextField } from '../../ui/components.tsx';
import { type CaseView, type JsonSchema, tr } from './api.ts';
import { useLocale } from './components.tsx';
import './i18n.ts';

type Assignees = { canAssignOthers: boolean; people: { id: string; fullName: string; agencyId: string }[] };

function useAssignees(enabled: boolean) {
  return useQuery({
    queryKey: ['assignees'],
    queryFn: () => api.get<Assignees>('/api/staff/assignees'),
    enabled,
    staleTime: 60_000,
  });
}

type Values = Record<string, string | string[]>;

function InputField({
  name,
  schema,
  required,
  view,
  value,
  onChange,
  error,
}: {
  name: string;
  schema: JsonSchema;
  required: boolean;
  view: CaseView;
  value: string | string[];
  onChange: (v: string | string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('cases');
  const locale = useLocale();
  const label = schema['x-label']
    ? tr(locale, schema['x-label'])
    : t(`inputLabels.${name}`, { defaultValue: name });
  const assignees = useAssignees(name === 'assigneeId');
  const id = `field-${name}`;
  if (name === 'assigneeId') {
    return (
      <SelectField
        label={label}
        name={name}
        value={value as string}
        onChange={(e) => onChange(e.target.value)}
        error={error}
        required={required}
      >
        <option value="" />
        {(assignees.data?.people ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.fullName}
          </option>
        ))}
      </SelectField>
    );
  }
  if (name === 'checklistCodes' && schema.type === 'array') {
    const chosen = new Set(value as string[]);
    return (
      <div className={`field ${error ? 'has-error' : ''}`} id={id}>
        <fieldset>
          <legend>{label}</legend>
          {error ? <span className="error-message">{error}</span> : null}
          <div className="choices">
            {view.checklist.map((item) => (
              <div className="choice" key={item.code}>
                <input
                  type="checkbox"
                  id={`${name}-${item.code}`}
                  checked={chosen.has(item.code)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(item.code);
                    else next.delete(item.code);
                    onChange([...next]);
                  }}
                />
                <label htmlFor={`${name}-${item.code}`}>{tr(locale, item.label)}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    );
  }
  if (schema.type === 'array' || (schema.type === 'string' && (schema.maxLength ?? 0) > 300)) {
    const text = Array.isArray(value) ? value.join('\n') : value;
    return (
      <div className={`field ${error ? 'has-error' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {error ? (
          <span className="error-message" id={`${id}-error`}>
            {error}
          </span>
        ) : null}
        <textarea
          id={id}
          className="textarea"
          rows={schema.type === 'array' ? 3 : 6}
          value={text}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(schema.type === 'array' ? e.target.value.split('\n') : e.target.value)}
        />
      </div>
    );
  }
  return (
    <TextField
      label={label}
      name={name}
      type={schema.type === 'integer' || schema.type === 'number' ? 'number' : 'text'}
      className={schema.type === 'integer' ? 'narrow' : ''}
      value={value as string}
      required={required}
      min={schema.minimum}
      max={schema.maximum}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

function toInput(schema: JsonSchema | null, values: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(schema?.properties ?? {})) {
    const v = values[name];
    if (v === undefined || v === '' || (Array.isArray(v) && v.every((x) => !x.trim()))) continue;
    if (prop.type === 'array') out[name] = (Array.isArray(v) ? v : [v]).map((x) => x.trim()).filter(Boolean);
    else if (prop.type === 'integer' || prop.type === 'number') out[name] = Number(v);
    else out[name] = v;
  }
  return out;
}

function ActionForm({
  view,
  action,
  onDone,
}: {
  view: CaseView;
  action: CaseView['actions'][number];
  onDone: () => void;
}) {
  const { t } = useTranslation('cases');
  const locale = useLocale();
  const client = useQueryClient();
  const [values, setValues] = useState<Values>({});
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{
    title: string;
    detail?: string | undefined;
    errors: Record<string, string>;
  } | null>(null);
  const properties = Object.entries(action.input?.properties ?? {});
  const required = new Set(action.input?.required ?? []);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setPending(true);
    setProblem(null);
    try {
      await api.post(`/api/cases/${view.id}/transitions/${action.key}`, {
        version: view.version,
        input: toInput(action.input, values),
      });
      await client.invalidateQueries({ queryKey: ['case'] });
      await client.invalidateQueries({ queryKey: ['cases'] });
      await client.invalidateQueries({ queryKey: ['queue'] });
      onDone();
    } catch (err) {
      if (err instanceof ApiProblem) {
        const errors: Record<string, string> = {};
        for (const f of err.problem.errors ?? []) {
          const key = f.pointer.replace(/^\/(input|checklist|data)\//, '').split('/')[0] ?? '_';
          errors[key] ??= f.detail;
        }
        setProblem({ title: err.problem.title, detail: err.problem.detail, errors });
      } else setProblem({ title: String(err), errors: {} });
    } finally {
      setPending(false);
    }
  };
  return (
    <form
      className="form action-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={tr(locale, action.label)}
    >
      {problem ? (
        <ErrorSummary title={problem.title} detail={problem.detail} errors={problem.errors} />
      ) : null}
      {properties.map(([name, schema]) => (
        <InputField
          key={name}
          name={name}
          schema={schema}
          required={required.has(name)}
          view={view}
          value={values[name] ?? (schema.type === 'array' ? [] : '')}
          onChange={(v) => setValues({ ...values, [name]: v })}
          error={problem?.errors[name]}
        />
      ))}
      <Button
        type="submit"
        disabled={pending}
        variant={action.kind === 'refusal' || action.kind === 'withdrawal' ? 'warning' : 'primary'}
      >
        {properties.length ? t('confirm') : tr(locale, action.label)}
      </Button>
    </form>
  );
}

/** Every allowed action as a button; one with inputs opens its form in place. */
export function ActionPanel({ view, exclude = [] }: { view: CaseView; exclude?: string[] }) {
  const { t } = useTranslation('cases');
  const locale = useLocale();
  const [open, setOpen] = useState<string | null>(null);
  const actions = view.actions.filter((a) => !exclude.includes(a.key));
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="actions-title" className="actions">
      <h2 id="actions-title">{t('actions')}</h2>
      {actions.map((action) => {
        const hasInput = Object.keys(action.input?.properties ?? {}).length > 0;
        if (!hasInput)
          return <ActionForm key={action.key} view={view} action={action} onDone={() => setOpen(null)} />;
        return (
          <details
            key={action.key}
            open={open === action.key}
            onToggle={(e) =>
              e.currentTarget.open ? setOpen(action.key) : open === action.key && setOpen(null)
            }
          >
            <summary>{tr(locale, action.label)}</summary>
            <ActionForm view={view} action={action} onDone={() => setOpen(null)} />
          </details>
        );
      })}
    </section>
  );
}

// Building blocks of the complaint pages: text areas and check boxes in the design system's shape,
// a category's extra questions, the public status and its history. Texts written by people are always
// rendered as text (React escapes them): an HTML or script payload shows as the characters it is.
import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, type Locale } from '../../lib/i18n.ts';
import { SelectField, SummaryList, Tag, TextField } from '../../ui/components.tsx';
import type { HistoryEntry, PublicView, Question } from './api.ts';
import { tr } from './api.ts';
import './i18n.ts';

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return (['ar', 'fr', 'en'].includes(i18n.language) ? i18n.language : 'ar') as Locale;
}

export function TextArea({
  label,
  hint,
  error,
  name,
  ...area
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  name: string;
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field ${error ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="error-message" id={errorId}>
          {error}
        </span>
      ) : null}
      <textarea
        id={id}
        name={name}
        className="textarea"
        rows={5}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...area}
      />
    </div>
  );
}

export function CheckboxGroup({
  legend,
  name,
  options,
  value,
  onChange,
  error,
  hint,
}: {
  legend: ReactNode;
  name: string;
  options: { value: string; label: ReactNode }[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
  hint?: ReactNode;
}) {
  return (
    <div className={`field ${error ? 'has-error' : ''}`} id={`field-${name}`}>
      <fieldset aria-describedby={error ? `field-${name}-error` : undefined}>
        <legend>{legend}</legend>
        {hint ? <span className="hint">{hint}</span> : null}
        {error ? (
          <span className="error-message" id={`field-${name}-error`}>
            {error}
          </span>
        ) : null}
        <div className="choices">
          {options.map((o) => (
            <div className="choice" key={o.value}>
              <input
                type="checkbox"
                id={`${name}-${o.value}`}
                checked={value.includes(o.value)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))
                }
              />
              <label htmlFor={`${name}-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** One extra question of a category, as the field its datatype calls for. */
export function QuestionField({
  question,
  value,
  onChange,
  error,
}: {
  question: Question;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string | undefined;
}) {
  const locale = useLocale();
  const { t } = useTranslation('complaints');
  const name = `answers/${question.code}`;
  const label = (
    <>
      {tr(locale, question.label)}
      {question.required ? null : <span className="muted"> {t('optional')}</span>}
    </>
  );
  const hint = question.hint ? tr(locale, question.hint) : undefined;
  switch (question.datatype) {
    case 'singlevaluelist':
      return (
        <SelectField
          label={label}
          hint={hint}
          name={name}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          error={error}
        >
          <option value="">{t('choose')}</option>
          {question.values?.map((v) => (
            <option key={v.key} value={v.key}>
              {tr(locale, v.name)}
            </option>
          ))}
        </SelectField>
      );
    case 'multivaluelist':
      return (
        <CheckboxGroup
          legend={label}
          hint={hint}
          name={name}
          options={(question.values ?? []).map((v) => ({ value: v.key, label: tr(locale, v.name) }))}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={onChange}
          error={error}
        />
      );
    case 'text':
      return (
        <TextArea
          label={label}
          hint={hint}
          name={name}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          error={error}
          rows={3}
        />
      );
    default:
      return (
        <TextField
          label={label}
          hint={hint}
          name={name}
          type={
            question.datatype === 'number' ? 'number' : question.datatype === 'datetime' ? 'date' : 'text'
          }
          inputMode={question.datatype === 'number' ? 'decimal' : undefined}
          className={question.datatype === 'string' ? '' : 'narrow'}
          value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
          onChange={(e) => onChange(e.target.value)}
          error={error}
        />
      );
  }
}

export function StatusTag({ view }: { view: Pick<PublicView, 'status' | 'state'> }) {
  const locale = useLocale();
  const tone =
    view.state.key === 'answered' || view.state.key === 'closed'
      ? 'green'
      : view.status === 'open'
        ? 'amber'
        : undefined;
  return <Tag tone={tone}>{tr(locale, view.state.label)}</Tag>;
}

/** The history of public updates, oldest first. */
export function History({ entries, headingId }: { entries: HistoryEntry[]; headingId: string }) {
  const locale = useLocale();
  const { t } = useTranslation('complaints');
  return (
    <ol className="timeline" aria-labelledby={headingId}>
      {entries.map((h) => (
        <li key={h.id}>
          <time dateTime={h.at}>{formatDate(h.at, locale, { dateStyle: 'medium', timeStyle: 'short' })}</time>
          <p>
            <strong>{tr(locale, h.label)}</strong>
            {h.state && h.kind !== 'update' ? <span className="muted"> — {tr(locale, h.state)}</span> : null}
          </p>
          {h.duplicateOf ? <p>{t('public.duplicateOf', { reference: h.duplicateOf })}</p> : null}
          {h.body ? <p>{t('public.addressTo', { body: tr(locale, h.body.name) })}</p> : null}
          {h.text ? (
            <p className="prewrap" dir="auto">
              {h.text}
            </p>
          ) : null}
          {h.withheld ? <p className="muted">{t('public.withheld')}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** The status card every reader sees: what, where, since when, by when. */
export function StatusCard({
  view,
  extra = [],
}: {
  view: PublicView;
  extra?: { key: ReactNode; value: ReactNode }[];
}) {
  const locale = useLocale();
  const { t } = useTranslation('complaints');
  const rows: { key: ReactNode; value: ReactNode }[] = [
    { key: t('public.reference'), value: <span className="ltr">{view.reference}</span> },
    { key: t('public.agency'), value: tr(locale, view.agency.name) },
    { key: t('public.category'), value: tr(locale, view.category.name) },
    {
      key: t('public.state'),
      value: (
        <>
          <StatusTag view={view} />
          {view.state.description ? <span className="hint">{tr(locale, view.state.description)}</span> : null}
        </>
      ),
    },
    { key: t('public.filedOn'), value: formatDate(view.requestedAt, locale) },
  ];
  if (view.expectedOn) rows.push({ key: t('public.expectedOn'), value: formatDate(view.expectedOn, locale) });
  if (view.closedAt) rows.push({ key: t('public.closedOn'), value: formatDate(view.closedAt, locale) });
  if (view.redirectedTo)
    rows.push({ key: t('public.redirectedTo'), value: tr(locale, view.redirectedTo.name) });
  if (view.duplicateOf)
    rows.push({ key: t('public.duplicateOfLabel'), value: <span className="ltr">{view.duplicateOf}</span> });
  return (
    <section aria-labelledby="status-title" className="status-card">
      <h2 id="status-title">{t('public.statusTitle')}</h2>
      <SummaryList rows={[...rows, ...extra]} />
    </section>
  );
}

/** Coordinates written the way they are read aloud: latitude, then longitude. */
export const pointText = (p: { latitude: number; longitude: number }, digits = 5) =>
  `${p.latitude.toFixed(digits)}, ${p.longitude.toFixed(digits)}`;

/** A file size as people read it: kB under a megabyte, MB with one decimal above. */
export const megabytes = (n: number) =>
  n < 1_048_576 ? `${Math.max(1, Math.round(n / 1024))} kB` : `${Math.round((n / 1_048_576) * 10) / 10} MB`;

// The applicant's case page: a draft form saved as they type, or the case with its clock, what is
// asked of them, the timeline, the documents and the messages.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiProblem, api } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import {
  Breadcrumbs,
  Button,
  Loading,
  Notice,
  PageHeader,
  SelectField,
  TextField,
} from '../../ui/components.tsx';
import { useCaseDocuments, useCaseOrders } from '../payments/api.ts';
import { CasePayments } from '../payments/CasePayments.tsx';
import { IssuedDocuments } from '../verify/IssuedDocuments.tsx';
import { ActionPanel } from './actions.tsx';
import { type CaseView, type FieldDefinition, tr, useCase, useProcedure } from './api.ts';
import { CaseStatus, Checklist, Messages, Timeline, useLocale } from './components.tsx';
import './i18n.ts';

function DataField({
  field,
  value,
  onChange,
  error,
}: {
  field: FieldDefinition;
  value: unknown;
  onChange: (v: unknown) => void;
  error?: string | undefined;
}) {
  const locale = useLocale();
  const label = tr(locale, field.label);
  const hint = field.hint ? tr(locale, field.hint) : undefined;
  const id = `field-${field.key}`;
  if (field.type === 'boolean') {
    return (
      <div className="field">
        <div className="choice">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label htmlFor={id}>{label}</label>
        </div>
      </div>
    );
  }
  if (field.type === 'select') {
    return (
      <SelectField
        label={label}
        hint={hint}
        name={field.key}
        value={String(value ?? '')}
        onChange={(e) => onChange(e.target.value)}
        error={error}
      >
        <option value="" />
        {field.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {tr(locale, o.label)}
          </option>
        ))}
      </SelectField>
    );
  }
  if (field.type === 'longtext') {
    return (
      <div className={`field ${error ? 'has-error' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <span className="hint" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
        {error ? (
          <span className="error-message" id={`${id}-error`}>
            {error}
          </span>
        ) : null}
        <textarea
          id={id}
          className="textarea"
          rows={6}
          maxLength={field.maxLength}
          value={String(value ?? '')}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
          }
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
    );
  }
  return (
    <TextField
      label={label}
      hint={hint}
      name={field.key}
      type={
        field.type === 'email'
          ? 'email'
          : field.type === 'phone'
            ? 'tel'
            : field.type === 'number'
              ? 'number'
              : field.type === 'date'
                ? 'date'
                : 'text'
      }
      maxLength={field.maxLength}
      value={String(value ?? '')}
      onChange={(e) => onChange(field.type === 'number' ? Number(e.target.value) : e.target.value)}
      error={error}
    />
  );
}

/** The draft: every change is saved (debounced), with the version the server gave back. */
function DraftEditor({ view }: { view: CaseView }) {
  const { t } = useTranslation('cases');
  const locale = useLocale();
  const client = useQueryClient();
  const procedure = useProcedure(view.procedure.code);
  const [data, setData] = useState<Record<string, unknown>>(view.data);
  const [status, setStatus] = useState<'saved' | 'saving' | 'failed'>('saved');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const version = useRef(view.version);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    version.current = view.version;
  }, [view.version]);

  const save = async (next: Record<string, unknown>) => {
    setStatus('saving');
    try {
      const saved = await api.put<CaseView>(`/api/cases/${view.id}/draft`, {
        version: version.current,
        data: next,
      });
      version.current = saved.version;
      client.setQueryData(['case', 'applicant', view.id], saved);
      setErrors({});
      setStatus('saved');
    } catch (err) {
      setStatus('failed');
      if (err instanceof ApiProblem) {
        const e: Record<string, string> = {};
        for (const f of err.problem.errors ?? []) e[f.pointer.replace('/data/', '')] = f.detail;
        setErrors(e);
        if (err.problem.code === 'case.stale_version') await client.invalidateQueries({ queryKey: ['case'] });
      }
    }
  };
  const change = (key: string, value: unknown) => {
    const next = { ...data, [key]: value };
    setData(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(next), 600);
  };
  if (!procedure.data) return <Loading />;
  return (
    <section aria-labelledby="draft-title">
      <h2 id="draft-title">{t('fields')}</h2>
      <p className="muted">{t('draftLead')}</p>
      <p role="status" className="save-status">
        {status === 'saving' ? t('saving') : status === 'failed' ? t('saveFailed') : t('saved')}
      </p>
      <form className="form" onSubmit={(e) => e.preventDefault()} noValidate>
        {procedure.data.fields.map((field) => (
          <DataField
            key={field.key}
            field={field}
            value={data[field.key]}
            onChange={(v) => change(field.key, v)}
            error={errors[field.key]}
          />
        ))}
      </form>
      <p className="muted">{tr(locale, procedure.data.description)}</p>
    </section>
  );
}

function OpenRequests({ view }: { view: CaseView }) {
  const { t } = useTranslation('cases');
  const locale = useLocale();
  const client = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const open = view.requests.filter((r) => r.state === 'open');
  if (open.length === 0) return null;
  const provide = view.actions.find((a) => a.kind === 'answer_missing_pieces');
  const answer = async (id: string) => {
    try {
      await api.post(`/api/cases/${view.id}/requests/${id}/answer`, { answer: answers[id] ?? '' });
      await client.invalidateQueries({ queryKey: ['case'] });
    } catch (err) {
      setError(
        err instanceof ApiProblem
          ? [err.problem.title, err.problem.detail].filter(Boolean).join(' — ')
          : String(err),
      );
    }
  };
  return (
    <section aria-labelledby="requests-title">
      <h2 id="requests-title">{t('requests')}</h2>
      {open.map((r) => (
        <Notice
          key={r.id}
          kind="warning"
          title={`${t(`requestKinds.${r.kind}`)} — ${t('requestDue', { date: formatDate(r.dueOn, locale) })}`}
        >
          <p>{r.message}</p>
          {r.checklistCodes.length ? (
            <ul>
              {r.checklistCodes.map((code) => (
                <li key={code}>{tr(locale, view.checklist.find((c) => c.code === code)?.label) || code}</li>
              ))}
            </ul>
          ) : null}
          {r.kind === 'missing_piece' && provide ? (
            <p>
              <strong>{t('requestCta', { action: tr(locale, provide.label) })}</strong>
            </p>
          ) : null}
          {r.kind !== 'missing_piece' ? (
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                void answer(r.id);
              }}
            >
              <div className="field">
                <label htmlFor={`answer-${r.id}`}>{t('yourAnswer')}</label>
                <textarea
                  id={`answer-${r.id}`}
                  className="textarea"
                  rows={3}
                  value={answers[r.id] ?? ''}
                  onChange={(e) => setAnswers({ ...answers, [r.id]: e.target.value })}
                />
              </div>
              <Button type="submit">{t('sendAnswer')}</Button>
            </form>
          ) : null}
        </Notice>
      ))}
      {error ? <Notice kind="error" title={error} live /> : null}
    </section>
  );
}

/** Payment orders and issued documents (receipts, decisions), when the case has some. */
function PaymentsAndDocuments({ caseId }: { caseId: string }) {
  const { t } = useTranslation('cases');
  const orders = useCaseOrders(caseId);
  const documents = useCaseDocuments(caseId);
  return (
    <>
      {orders.data?.length ? (
        <section aria-labelledby="payments-title">
          <h2 id="payments-title">{t('payments')}</h2>
          <CasePayments caseId={caseId} />
        </section>
      ) : null}
      {documents.data?.length ? (
        <section aria-labelledby="issued-title">
          <h2 id="issued-title">{t('issuedDocuments')}</h2>
          <IssuedDocuments caseId={caseId} />
        </section>
      ) : null}
    </>
  );
}

export function ApplicantCasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const query = useCase('applicant', id);
  if (query.isPending) return <Loading />;
  if (!query.data) {
    const problem = query.error instanceof ApiProblem ? query.error.problem : undefined;
    return <PageHeader title={problem?.title ?? tc('errors.generic')} lead={tc('errors.notFoundText')} />;
  }
  const view = query.data;
  const draft = view.state.phase === 'draft';
  return (
    <>
      <Breadcrumbs
        items={[
          { label: tc('nav.mySpace'), to: '/my-space' },
          { label: view.reference ?? tr(locale, view.procedure.name) },
        ]}
      />
      <PageHeader
        caption={view.agency ? (locale === 'ar' ? view.agency.nameAr : view.agency.nameFr) : undefined}
        title={tr(locale, view.procedure.name)}
        lead={draft ? t('draftTitle') : undefined}
      />
      <CaseStatus view={view} />
      <OpenRequests view={view} />
      {draft ? null : <PaymentsAndDocuments caseId={view.id} />}
      {draft ? <DraftEditor key={view.id} view={view} /> : null}
      <Checklist view={view} side="applicant" />
      {draft ? <p className="muted">{t('depositHint')}</p> : null}
      <ActionPanel view={view} />
      {!draft ? <Messages view={view} side="applicant" /> : null}
      <Timeline view={view} />
    </>
  );
}

// A case as staff see it: status and clocks, the actions their roles allow, assignment, typed
// requests to the applicant, internal notes (never shown to the applicant), documents, messages.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiProblem, api } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import { useSession } from '../../lib/session.ts';
import {
  Breadcrumbs,
  Button,
  ErrorSummary,
  Loading,
  Notice,
  PageHeader,
  SelectField,
  SummaryList,
  TextField,
} from '../../ui/components.tsx';
import { ActionPanel } from '../cases/actions.tsx';
import { type CaseView, tr, useCase, useProcedure } from '../cases/api.ts';
import { CaseStatus, Checklist, Messages, Timeline, useLocale } from '../cases/components.tsx';
import { IssuedDocuments } from '../verify/IssuedDocuments.tsx';
import './i18n.ts';

type Assignees = { canAssignOthers: boolean; people: { id: string; fullName: string }[] };

function Assignment({ view }: { view: CaseView }) {
  const { t } = useTranslation('backOffice');
  const me = useSession().data?.user;
  const client = useQueryClient();
  const people = useQuery({
    queryKey: ['assignees'],
    queryFn: () => api.get<Assignees>('/api/staff/assignees'),
  });
  const [choice, setChoice] = useState(view.assignee?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const assign = async (assigneeId: string | null) => {
    setError(null);
    try {
      await api.post(`/api/staff/cases/${view.id}/assign`, { assigneeId, version: view.version });
      await client.invalidateQueries({ queryKey: ['case'] });
    } catch (err) {
      setError(err instanceof ApiProblem ? err.problem.title : String(err));
    }
  };
  if (view.state.phase !== 'open' || !me) return null;
  return (
    <section aria-labelledby="assign-title">
      <h2 id="assign-title">{t('assignment')}</h2>
      <p>{view.assignee ? t('assignedTo', { name: view.assignee.fullName }) : t('unassigned')}</p>
      {view.assignee?.id !== me.id ? (
        <Button variant="secondary" onClick={() => void assign(me.id)}>
          {t('take')}
        </Button>
      ) : null}
      {people.data?.canAssignOthers ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void assign(choice || null);
          }}
        >
          <SelectField
            label={t('assignTo')}
            name="assignee"
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
          >
            <option value="">{t('unassigned')}</option>
            {people.data.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fullName}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            {t('assign')}
          </Button>
        </form>
      ) : null}
      {error ? <Notice kind="error" title={error} live /> : null}
    </section>
  );
}

function RequestForm({ view }: { view: CaseView }) {
  const { t } = useTranslation('backOffice');
  const locale = useLocale();
  const client = useQueryClient();
  const [kind, setKind] = useState<'clarification' | 'replacement_document'>('clarification');
  const [codes, setCodes] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [days, setDays] = useState('10');
  const [problem, setProblem] = useState<{
    title: string;
    detail?: string | undefined;
    errors: Record<string, string>;
  } | null>(null);
  const [done, setDone] = useState(false);
  if (view.state.phase !== 'open') return null;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setProblem(null);
    try {
      await api.post(`/api/staff/cases/${view.id}/requests`, {
        kind,
        checklistCodes: kind === 'replacement_document' ? codes : [],
        message,
        dueInDays: Number(days),
      });
      setMessage('');
      setCodes([]);
      setDone(true);
      await client.invalidateQueries({ queryKey: ['case'] });
    } catch (err) {
      if (err instanceof ApiProblem)
        setProblem({ title: err.problem.title, detail: err.problem.detail, errors: err.fieldErrors() });
    }
  };
  return (
    <details>
      <summary>{t('newRequest')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {problem ? (
          <ErrorSummary title={problem.title} detail={problem.detail} errors={problem.errors} />
        ) : null}
        {done ? <Notice kind="success" title={t('requestSent')} live /> : null}
        <SelectField
          label={t('requestKind')}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as typeof kind)}
        >
          <option value="clarification">{t('clarification')}</option>
          <option value="replacement_document">{t('replacement')}</option>
        </SelectField>
        {kind === 'replacement_document' ? (
          <fieldset className="field" id="field-checklistCodes">
            <legend>{t('documents')}</legend>
            <div className="choices">
              {view.checklist.map((item) => (
                <div className="choice" key={item.code}>
                  <input
                    type="checkbox"
                    id={`req-${item.code}`}
                    checked={codes.includes(item.code)}
                    onChange={(e) =>
                      setCodes(
                        e.target.checked ? [...codes, item.code] : codes.filter((c) => c !== item.code),
                      )
                    }
                  />
                  <label htmlFor={`req-${item.code}`}>{tr(locale, item.label)}</label>
                </div>
              ))}
            </div>
          </fieldset>
        ) : null}
        <div className={`field ${problem?.errors.message ? 'has-error' : ''}`}>
          <label htmlFor="field-message">{t('requestMessage')}</label>
          <textarea
            id="field-message"
            className="textarea"
            rows={3}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
        </div>
        <TextField
          label={t('dueIn')}
          name="dueInDays"
          type="number"
          min={1}
          max={30}
          className="narrow"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={problem?.errors.dueInDays}
        />
        <Button type="submit">{t('sendRequest')}</Button>
      </form>
    </details>
  );
}

function Notes({ view }: { view: CaseView }) {
  const { t } = useTranslation('backOffice');
  const locale = useLocale();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    await api.post(`/api/staff/cases/${view.id}/notes`, { body });
    setBody('');
    await client.invalidateQueries({ queryKey: ['case'] });
  };
  return (
    <section aria-labelledby="notes-title" className="internal-notes">
      <h2 id="notes-title">{t('notes')}</h2>
      <p className="hint">{t('notesHint')}</p>
      <ul className="messages">
        {view.notes.map((n) => (
          <li key={n.id}>
            <p className="muted">
              {n.authorName} ·{' '}
              <time dateTime={n.at}>
                {formatDate(n.at, locale, { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
            </p>
            <p>{n.body}</p>
          </li>
        ))}
      </ul>
      <form className="form" onSubmit={(e) => void add(e)}>
        <div className="field">
          <label htmlFor="note-body">{t('newNote')}</label>
          <textarea
            id="note-body"
            className="textarea"
            rows={2}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        </div>
        <Button type="submit" variant="secondary">
          {t('addNote')}
        </Button>
      </form>
    </section>
  );
}

export function StaffCasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('backOffice');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const query = useCase('staff', id);
  const procedure = useProcedure(query.data?.procedure.code ?? 'INFO');
  if (query.isPending) return <Loading />;
  if (!query.data) {
    const problem = query.error instanceof ApiProblem ? query.error.problem : undefined;
    return <PageHeader title={problem?.title ?? tc('errors.generic')} lead={tc('errors.notFoundText')} />;
  }
  const view = query.data;
  const fields = procedure.data?.fields ?? [];
  return (
    <>
      <Breadcrumbs
        items={[{ label: tc('nav.backOffice'), to: '/back-office' }, { label: view.reference ?? view.id }]}
      />
      <PageHeader
        caption={<span className="ltr">{view.reference}</span>}
        title={tr(locale, view.procedure.name)}
      />
      <div className="layout-two">
        <div>
          <CaseStatus view={view} />
          <section aria-labelledby="data-title">
            <h2 id="data-title">{t('request')}</h2>
            <SummaryList
              rows={fields
                .filter((f) => view.data[f.key] !== undefined && view.data[f.key] !== '')
                .map((f) => {
                  const value = view.data[f.key];
                  const shown =
                    f.type === 'select'
                      ? tr(locale, f.options?.find((o) => o.value === value)?.label)
                      : f.type === 'boolean'
                        ? value
                          ? tc('yes', { defaultValue: '✓' })
                          : '—'
                        : String(value);
                  return { key: tr(locale, f.label), value: <span className="prewrap">{shown}</span> };
                })}
            />
          </section>
          <ActionPanel view={view} />
          <RequestForm view={view} />
          <Checklist view={view} side="staff" />
          <section aria-labelledby="issued-title">
            <h2 id="issued-title">{tc('issuedDocuments', { ns: 'cases' })}</h2>
            <IssuedDocuments caseId={view.id} emptyText="—" />
          </section>
          <Messages view={view} side="staff" />
          <Timeline view={view} />
        </div>
        <aside className="aside">
          <Assignment view={view} />
          <Notes view={view} />
        </aside>
      </div>
    </>
  );
}

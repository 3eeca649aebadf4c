// The complainant's own page: by the private link (visitors without an account; the token travels in
// the URL's fragment, which browsers never send to a server) or from their space (signed-in owners).
// The complaint as filed, the answer, the history, messages with the agency, and what they may do:
// reopen within the window after an answer, close it, or withdraw it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { ApiProblem, api } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import { Breadcrumbs, Button, Loading, Notice, PageHeader, SummaryList } from '../../ui/components.tsx';
import { type PrivateView, saveBlob, tr, tracking } from './api.ts';
import { History, megabytes, pointText, StatusCard, TextArea, useLocale } from './components.tsx';
import { useSubmit } from './use-submit.ts';
import './complaints.css';
import './i18n.ts';

const TOKEN_KEY = 'taamir.complaint.token';

/** The private token: from the link's fragment, kept for this tab so a reload finds it again. */
function useToken(): string | null {
  const location = useLocation();
  const fromHash = location.hash.replace(/^#/, '').trim();
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

type Source = { kind: 'token'; token: string } | { kind: 'owner'; id: string };

const load = (source: Source) =>
  source.kind === 'token'
    ? tracking.view(source.token)
    : api.get<PrivateView>(`/api/complaints/mine/${source.id}`);

async function act(
  source: Source,
  view: PrivateView,
  transition: string,
  input: Record<string, unknown> = {},
) {
  if (source.kind === 'token') return tracking.act(source.token, transition, view.version, input);
  await api.post(`/api/cases/${view.caseId}/transitions/${transition}`, { version: view.version, input });
  return load(source);
}

function Actions({ source, view }: { source: Source; view: PrivateView }) {
  const { t } = useTranslation('complaints');
  const locale = useLocale();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const has = (key: string) => view.actions.some((a) => a.key === key);
  const refresh = (data: PrivateView, message: string) => {
    client.setQueryData(['complaints', 'mine', source], data);
    setDone(message);
  };
  const reopen = useSubmit(
    () => act(source, view, 'reopen', { reason }),
    (data) => refresh(data, t('follow.reopened')),
  );
  const close = useSubmit(
    () => act(source, view, 'close'),
    (data) => refresh(data, t('follow.closed')),
  );
  const withdraw = useSubmit(
    () => act(source, view, 'withdraw'),
    (data) => refresh(data, t('follow.withdrawn')),
  );
  const problem = reopen.problem ?? close.problem ?? withdraw.problem;
  if (!view.actions.length && !done) return null;
  return (
    <section aria-labelledby="actions-title" className="actions">
      <h2 id="actions-title">{t('follow.actionsTitle')}</h2>
      {done ? (
        <Notice kind="success" live>
          <p>{done}</p>
        </Notice>
      ) : null}
      {problem ? (
        <Notice kind="error" live title={problem.title || t('follow.problem')}>
          {problem.detail ? <p>{problem.detail}</p> : null}
          {Object.values(reopen.fieldErrors).map((m) => (
            <p key={m}>{m}</p>
          ))}
        </Notice>
      ) : null}
      {has('close') ? (
        <div className="action-block">
          <p>{t('follow.closeText')}</p>
          <Button onClick={() => void close.run()} disabled={close.pending}>
            {t('follow.close')}
          </Button>
        </div>
      ) : null}
      {has('reopen') ? (
        <form className="form action-block" onSubmit={(e) => void reopen.run(e)} noValidate>
          <h3>{t('follow.reopenTitle')}</h3>
          {view.reopenUntil ? (
            <p>{t('follow.reopenUntil', { date: formatDate(view.reopenUntil, locale) })}</p>
          ) : null}
          <TextArea
            label={t('follow.reopenReason')}
            name="reason"
            rows={4}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={reopen.fieldErrors.reason}
          />
          <Button type="submit" variant="secondary" disabled={reopen.pending}>
            {t('follow.reopen')}
          </Button>
        </form>
      ) : null}
      {has('withdraw') ? (
        <details className="action-block">
          <summary>{t('follow.withdrawTitle')}</summary>
          <p>{t('follow.withdrawText')}</p>
          <Button variant="warning" onClick={() => void withdraw.run()} disabled={withdraw.pending}>
            {t('follow.withdraw')}
          </Button>
        </details>
      ) : null}
      {view.actions.length ? null : <p className="muted">{tr(locale, view.state.label)}</p>}
    </section>
  );
}

function Messages({ source, view }: { source: Source; view: PrivateView }) {
  const { t } = useTranslation('complaints');
  const locale = useLocale();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const send = useSubmit(
    async () => {
      if (source.kind === 'token') await tracking.message(source.token, body);
      else await api.post(`/api/cases/${view.caseId}/messages`, { body });
    },
    () => {
      setBody('');
      void client.invalidateQueries({ queryKey: ['complaints', 'mine'] });
    },
  );
  const open = view.state.phase !== 'closed';
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">{t('follow.messagesTitle')}</h2>
      {view.messages.length ? (
        <ul className="messages">
          {view.messages.map((m) => (
            <li key={m.id} className={m.side === 'applicant' ? 'mine' : ''}>
              <span className="muted">
                {m.side === 'applicant' ? t('follow.you') : t('follow.agency')} —{' '}
                {formatDate(m.at, locale, { dateStyle: 'medium', timeStyle: 'short' })}
              </span>
              <p className="prewrap" dir="auto">
                {m.body}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('follow.noMessages')}</p>
      )}
      {open ? (
        <form className="form" onSubmit={(e) => void send.run(e)} noValidate>
          <TextArea
            label={t('follow.write')}
            hint={t('follow.writeHint')}
            name="body"
            rows={3}
            maxLength={5000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            error={send.fieldErrors.body ?? (send.problem?.title || undefined)}
          />
          <Button type="submit" variant="secondary" disabled={send.pending || !body.trim()}>
            {t('follow.send')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}

export function FollowPage() {
  const { t } = useTranslation('complaints');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const { id } = useParams();
  const token = useToken();
  const source: Source | null = id ? { kind: 'owner', id } : token ? { kind: 'token', token } : null;
  const found = useQuery({
    queryKey: ['complaints', 'mine', source],
    queryFn: () => load(source!),
    enabled: source !== null,
    retry: false,
  });
  const crumbs = [
    { label: tc('nav.home'), to: '/' },
    { label: t('title'), to: '/complaints' },
    { label: t('follow.crumb') },
  ];
  if (!source || found.error) {
    const invalid = !source || (found.error instanceof ApiProblem && found.error.status === 404);
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={t('follow.title')} />
        <Notice kind="error" title={invalid ? t('follow.invalid') : tc('errors.generic')}>
          {invalid ? <p>{t('follow.invalidHint')}</p> : null}
        </Notice>
      </>
    );
  }
  if (found.isPending || !found.data) return <Loading />;
  const view = found.data;
  const download = async (attachment: { id: string; filename: string }) => {
    if (source.kind === 'token')
      saveBlob(await tracking.attachment(source.token, attachment.id), attachment.filename);
  };
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader caption={t('follow.caption')} title={<span className="ltr">{view.reference}</span>} />
      <StatusCard view={view} />
      {view.answer ? (
        <section aria-labelledby="answer-title" className="complaint-answer">
          <h2 id="answer-title">{t('public.answerTitle')}</h2>
          <p className="muted">{formatDate(view.answer.at, locale)}</p>
          <p className="prewrap" dir="auto">
            {view.answer.text}
          </p>
        </section>
      ) : null}
      <Actions source={source} view={view} />
      <section aria-labelledby="filed-title">
        <h2 id="filed-title">{t('follow.filedTitle')}</h2>
        <SummaryList
          rows={[
            {
              key: t('public.description'),
              value: (
                <span className="prewrap" dir="auto">
                  {view.description}
                </span>
              ),
            },
            ...view.answers.map((a) => ({ key: tr(locale, a.label), value: tr(locale, a.text) })),
            ...(view.address ? [{ key: t('public.address'), value: view.address }] : []),
            ...(view.location
              ? [
                  {
                    key: t('public.location'),
                    value: <span className="ltr">{pointText(view.location)}</span>,
                  },
                ]
              : []),
            {
              key: t('follow.channel'),
              value: t(view.channel === 'sms' ? 'contact.bySms' : 'contact.byEmail'),
            },
            {
              key: t('follow.visibility'),
              value: t(view.publiclyVisible ? 'follow.isPublic' : 'follow.isPrivate'),
            },
          ]}
        />
        {view.attachments.length ? (
          <>
            <h3>{t('files.title')}</h3>
            <ul className="file-list">
              {view.attachments.map((a) =>
                source.kind === 'token' ? (
                  <li key={a.id}>
                    <button type="button" className="link" onClick={() => void download(a)}>
                      {a.filename}
                    </button>{' '}
                    <span className="muted">({megabytes(a.sizeBytes)})</span>
                  </li>
                ) : (
                  <li key={a.id}>
                    <a href={`/api/cases/${view.caseId}/documents/${a.id}`}>{a.filename}</a>{' '}
                    <span className="muted">({megabytes(a.sizeBytes)})</span>
                  </li>
                ),
              )}
            </ul>
          </>
        ) : null}
      </section>
      <Messages source={source} view={view} />
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('public.historyTitle')}</h2>
        <History entries={view.history} headingId="history-title" />
      </section>
    </>
  );
}

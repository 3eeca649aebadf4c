// Building blocks of a case page, shared by the applicant's space and the back office.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, api } from '../../lib/api.ts';
import { formatDate, type Locale } from '../../lib/i18n.ts';
import { Button, Notice, SummaryList, Tag } from '../../ui/components.tsx';
import { type CaseView, type ChecklistEntry, type ClockView, tr, uploadWithProgress } from './api.ts';
import './i18n.ts';

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'application/zip': 'ZIP',
  'application/geo+json': 'GeoJSON',
};
const megabytes = (n: number) => `${Math.round((n / 1_048_576) * 10) / 10} MB`;

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return (i18n.language as Locale) ?? 'ar';
}

/** "How long is left" in words a citizen understands, with the tone of the urgency. */
export function ClockLine({ clock }: { clock: ClockView }) {
  const { t } = useTranslation('cases');
  const locale = useLocale();
  if (clock.status === 'paused')
    return (
      <Tag tone="amber">
        {t('clock.paused', { date: formatDate(clock.pausedOn ?? clock.deadline, locale) })}
      </Tag>
    );
  if (clock.status === 'stopped') return <span className="muted">{t('clock.stopped')}</span>;
  const left = clock.daysLeft;
  const text =
    left < 0
      ? t('clock.overdue', { count: -left })
      : left === 0
        ? t('clock.dueToday')
        : t(`clock.left_${clock.unit}`, { count: left });
  const tone =
    clock.urgency === 'overdue' || clock.urgency === 'due'
      ? 'red'
      : clock.urgency === 'soon'
        ? 'amber'
        : 'green';
  return <Tag tone={tone}>{text}</Tag>;
}

/** Who holds the file now, since when, and the legal deadline. */
export function CaseStatus({ view }: { view: CaseView }) {
  const holderKey =
    view.side === 'staff' && view.holder === 'applicant' ? 'holder.theApplicant' : `holder.${view.holder}`;
  const { t } = useTranslation('cases');
  const locale = useLocale();
  const clock = view.clock;
  return (
    <section aria-labelledby="status-title" className="status-card">
      <h2 id="status-title" className="visually-hidden">
        {t('state')}
      </h2>
      <SummaryList
        rows={[
          {
            key: t('reference'),
            value: view.reference ? <span className="ltr">{view.reference}</span> : t('draftReference'),
          },
          {
            key: t('state'),
            value: (
              <>
                <strong>{tr(locale, view.state.label)}</strong>
                {view.state.description ? (
                  <span className="hint">{tr(locale, view.state.description)}</span>
                ) : null}
              </>
            ),
          },
          {
            key: t('holder.title'),
            value: (
              <>
                {t(holderKey, { defaultValue: view.holder })}{' '}
                <span className="muted">{t('since', { date: formatDate(view.since, locale) })}</span>
              </>
            ),
          },
          ...(clock
            ? [
                {
                  key: tr(locale, clock.label),
                  value: (
                    <>
                      <ClockLine clock={clock} />{' '}
                      {clock.status !== 'stopped' ? (
                        <span className="muted">
                          {t('clock.deadline', {
                            date: formatDate(clock.deadline, locale, { dateStyle: 'full' }),
                          })}{' '}
                          · {t(`clock.total_${clock.unit}`, { count: clock.days })}
                        </span>
                      ) : null}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}

export function Timeline({ view }: { view: CaseView }) {
  const { t } = useTranslation('cases');
  const locale = useLocale();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline')}</h2>
      <ol className="timeline">
        {[...view.timeline].reverse().map((e) => {
          const title = e.transitionLabel
            ? tr(locale, e.transitionLabel)
            : t(`events.${e.kind}`, { defaultValue: e.kind, filename: String(e.payload.filename ?? '') });
          const answer = typeof e.payload.answer === 'string' ? e.payload.answer : null;
          const reasons = Array.isArray(e.payload.reasons) ? (e.payload.reasons as string[]) : null;
          const message = typeof e.payload.message === 'string' ? e.payload.message : null;
          const grounds = typeof e.payload.grounds === 'string' ? e.payload.grounds : null;
          return (
            <li key={e.id} className={e.visibility === 'internal' ? 'internal' : undefined}>
              <time dateTime={e.at}>
                {formatDate(e.at, locale, { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
              <p>
                <strong>{title}</strong>
                {e.toLabel && e.transitionLabel ? (
                  <span className="muted"> → {tr(locale, e.toLabel)}</span>
                ) : null}
                <span className="muted"> · {e.actorName ?? t(`by.${e.actorSide}`)}</span>
              </p>
              {answer ? <blockquote className="answer">{answer}</blockquote> : null}
              {message ? <blockquote>{message}</blockquote> : null}
              {grounds ? <blockquote>{grounds}</blockquote> : null}
              {reasons ? (
                <div>
                  <strong>{t('reasons')}</strong>
                  <ul>
                    {reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function UploadSlot({
  view,
  item,
  side,
  canUpload,
}: {
  view: CaseView;
  item: ChecklistEntry;
  side: 'applicant' | 'staff';
  canUpload: boolean;
}) {
  const { t } = useTranslation('cases');
  const locale = useLocale();
  const client = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = side === 'staff' ? `/api/staff/cases/${view.id}` : `/api/cases/${view.id}`;
  const inputId = `upload-${item.code}`;
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    const form = new FormData();
    form.append('checklistCode', item.code);
    form.append('file', file, file.name);
    setProgress(0);
    const result = await uploadWithProgress(`${base}/documents`, form, setProgress);
    setProgress(null);
    if (!result.ok) {
      const body = result.body as { title?: string; detail?: string } | null;
      setError([body?.title, body?.detail].filter(Boolean).join(' — ') || String(result.status));
    }
    await client.invalidateQueries({ queryKey: ['case'] });
  };
  const remove = async (documentId: string) => {
    await api
      .delete(`${base}/documents/${documentId}`)
      .catch((e) => setError(e instanceof ApiProblem ? e.problem.title : String(e)));
    await client.invalidateQueries({ queryKey: ['case'] });
  };
  const requirement = item.required
    ? item.requirement === 'conditional'
      ? t('conditional')
      : t('mandatory')
    : t('optional');
  return (
    <li className={`checklist-item ${item.required && item.documents.length === 0 ? 'missing' : ''}`}>
      <div>
        <strong>{tr(locale, item.label)}</strong>{' '}
        <Tag tone={item.required ? 'red' : undefined}>{requirement}</Tag>
        {item.hint ? <span className="hint">{tr(locale, item.hint)}</span> : null}
        <span className="hint">
          {t('accepts', {
            types: item.accept.map((a) => TYPE_NAMES[a] ?? a).join(', '),
            size: megabytes(item.maxBytes),
          })}
        </span>
      </div>
      {item.documents.length ? (
        <ul className="files">
          {item.documents.map((d) => (
            <li key={d.id}>
              <a
                href={`${base}/documents/${d.id}`}
                aria-label={t('download', { filename: d.filename })}
                className="ltr"
              >
                {d.filename}
              </a>{' '}
              <span className="muted">({megabytes(d.sizeBytes)})</span>
              {side === 'applicant' && view.state.phase === 'draft' ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="link"
                    aria-label={t('removeFile', { filename: d.filename })}
                    onClick={() => void remove(d.id)}
                  >
                    {t('remove')}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('noDocument')}</p>
      )}
      {canUpload ? (
        <div className="field">
          <label htmlFor={inputId}>{t('uploadFor', { item: tr(locale, item.label) })}</label>
          <input
            id={inputId}
            type="file"
            accept={item.accept.join(',')}
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
          {progress !== null ? (
            <div role="status">
              <progress
                max={1}
                value={progress}
                aria-label={t('uploading', { percent: Math.round(progress * 100) })}
              />{' '}
              {t('uploading', { percent: Math.round(progress * 100) })}
            </div>
          ) : null}
          {error ? (
            <p className="error-message" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

export function Checklist({ view, side }: { view: CaseView; side: 'applicant' | 'staff' }) {
  const { t } = useTranslation('cases');
  const openCodes = new Set(view.requests.filter((r) => r.state === 'open').flatMap((r) => r.checklistCodes));
  const canUpload = (item: ChecklistEntry) =>
    side === 'staff'
      ? view.state.phase !== 'closed'
      : view.state.phase === 'draft' || openCodes.has(item.code);
  return (
    <section aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('checklist')}</h2>
      <ul className="checklist">
        {view.checklist.map((item) => (
          <UploadSlot key={item.code} view={view} item={item} side={side} canUpload={canUpload(item)} />
        ))}
      </ul>
    </section>
  );
}

export function Messages({ view, side }: { view: CaseView; side: 'applicant' | 'staff' }) {
  const { t } = useTranslation('cases');
  const locale = useLocale();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    try {
      await api.post(`/api/cases/${view.id}/messages`, { body });
      setBody('');
      await client.invalidateQueries({ queryKey: ['case'] });
    } catch (err) {
      setError(err instanceof ApiProblem ? err.problem.title : String(err));
    }
  };
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">{t('messages')}</h2>
      {view.messages.length === 0 ? <p className="muted">{t('noMessages')}</p> : null}
      <ul className="messages">
        {view.messages.map((m) => (
          <li key={m.id} className={m.side === side ? 'mine' : 'theirs'}>
            <p className="muted">
              {m.side === side ? t('you') : (m.authorName ?? t('agencyAgent'))} ·{' '}
              <time dateTime={m.at}>
                {formatDate(m.at, locale, { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
            </p>
            <p>{m.body}</p>
          </li>
        ))}
      </ul>
      {view.state.phase !== 'draft' ? (
        <form className="form" onSubmit={(e) => void send(e)}>
          <div className="field">
            <label htmlFor="message-body">{t('newMessage')}</label>
            <textarea
              id="message-body"
              className="textarea"
              rows={3}
              maxLength={5000}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          </div>
          {error ? <Notice kind="error" title={error} live /> : null}
          <Button type="submit" variant="secondary">
            {t('send')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}

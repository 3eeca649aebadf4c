// The staff's registry of issued documents (their agencies only): find a document by number or code,
// and — for the agency's director — revoke it or replace it by a new issue, each a signed act.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../lib/api.ts';
import { formatDate, type Locale } from '../../lib/i18n.ts';
import { useSession } from '../../lib/session.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import {
  Breadcrumbs,
  Button,
  ErrorSummary,
  Loading,
  Notice,
  PageHeader,
  Tag,
  TextField,
} from '../../ui/components.tsx';
import type { DocumentSummary } from '../payments/api.ts';
import { titleIn } from './api.ts';
import './i18n.ts';

type Act = { id: string; number: string; kind: 'revoke' | 'supersede' };

const TONE = { valid: 'green', revoked: 'red', superseded: 'amber', pending: undefined } as const;

function ActForm({
  act,
  onDone,
  onCancel,
}: {
  act: Act;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('verify');
  const [reason, setReason] = useState('');
  const form = useApiForm(
    () => api.post(`/api/staff/documents/${act.id}/${act.kind}`, { reason }),
    () => onDone(t(`registry.${act.kind}Done`, { number: act.number })),
  );
  return (
    <form className="form" onSubmit={form.onSubmit} noValidate aria-labelledby="act-title">
      <h2 id="act-title">{t(`registry.${act.kind}Title`, { number: act.number })}</h2>
      {form.problem ? (
        <ErrorSummary title={form.problem.title} detail={form.problem.detail} errors={form.fieldErrors} />
      ) : null}
      <p>{t('registry.actLead')}</p>
      <TextField
        label={t('registry.reason')}
        hint={t('registry.reasonHint')}
        name="reason"
        value={reason}
        maxLength={2000}
        onChange={(e) => setReason(e.target.value)}
        error={form.fieldErrors.reason}
      />
      <div className="button-group">
        <Button type="submit" variant="warning" disabled={form.pending}>
          {t(`registry.${act.kind}`)}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('registry.cancel')}
        </Button>
      </div>
    </form>
  );
}

export function RegistryPage() {
  const { t } = useTranslation('verify');
  const { t: tc } = useTranslation('common');
  const locale = useTranslation().i18n.language as Locale;
  const me = useSession().data?.user;
  const client = useQueryClient();
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [act, setAct] = useState<Act | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const director = me?.memberships.some((m) => m.role === 'director') ?? false;
  const documents = useQuery({
    queryKey: ['staff-documents', submitted],
    queryFn: () =>
      api.get<DocumentSummary[]>(
        `/api/staff/documents?limit=100${submitted ? `&q=${encodeURIComponent(submitted)}` : ''}`,
      ),
  });
  return (
    <>
      <Breadcrumbs
        items={[
          { label: tc('nav.home'), to: '/' },
          { label: tc('nav.backOffice'), to: '/back-office' },
          { label: t('registry.title') },
        ]}
      />
      <PageHeader title={t('registry.title')} lead={t('registry.lead')} />
      <p>
        <Link to="/finance">{t('registry.financeLink')}</Link>
      </p>
      {done ? (
        <Notice kind="success" live>
          {done}
        </Notice>
      ) : null}
      {act ? (
        <ActForm
          act={act}
          onCancel={() => setAct(null)}
          onDone={(message) => {
            setAct(null);
            setDone(message);
            void client.invalidateQueries({ queryKey: ['staff-documents'] });
          }}
        />
      ) : null}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted(query.trim());
        }}
      >
        <TextField
          label={t('registry.search')}
          name="q"
          dir="ltr"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Button type="submit">{t('registry.find')}</Button>
      </form>
      {documents.isPending ? <Loading /> : null}
      {documents.data && documents.data.length === 0 ? <p>{t('registry.none')}</p> : null}
      {documents.data?.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('registry.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.number')}</th>
                <th scope="col">{t('fields.type')}</th>
                <th scope="col">{t('fields.issuedOn')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('registry.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {documents.data.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={`/verify/${d.verificationCode}`} className="ltr">
                      {d.number}
                    </Link>
                  </td>
                  <td>{titleIn(locale, d.title)}</td>
                  <td>{formatDate(d.issuedOn, locale, { dateStyle: 'medium', timeZone: 'UTC' })}</td>
                  <td>
                    <Tag tone={TONE[d.status]}>{t(`status.${d.status}`)}</Tag>
                  </td>
                  <td>
                    {director && d.status === 'valid' ? (
                      <div className="button-group">
                        <Button
                          variant="secondary"
                          aria-label={`${t('registry.revoke')} ${d.number}`}
                          onClick={() => setAct({ id: d.id, number: d.number, kind: 'revoke' })}
                        >
                          {t('registry.revoke')}
                        </Button>
                        <Button
                          variant="secondary"
                          aria-label={`${t('registry.supersede')} ${d.number}`}
                          onClick={() => setAct({ id: d.id, number: d.number, kind: 'supersede' })}
                        >
                          {t('registry.supersede')}
                        </Button>
                      </div>
                    ) : d.ready ? (
                      <a href={d.downloadUrl} download={`${d.number}.pdf`} aria-label={`PDF ${d.number}`}>
                        PDF
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

// The e-note service: what it gives, how it works, and the start of a request (a draft case kept on
// the server, so the applicant can come back to it from any device).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiProblem, api } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { Breadcrumbs, Button, Notice, PageHeader, SelectField } from '../../ui/components.tsx';
import { useAgencies } from '../agencies/api.ts';
import { type CaseSummary, tr, useMyCases } from '../cases/api.ts';
import { ClockLine, useLocale } from '../cases/components.tsx';
import './i18n.ts';

function MyNoteRequests() {
  const { t } = useTranslation('eNote');
  const locale = useLocale();
  const cases = useMyCases();
  const mine = (cases.data ?? []).filter((c: CaseSummary) => c.procedure.code === 'NRU');
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="my-notes-title">
      <h2 id="my-notes-title">{t('myRequests')}</h2>
      <ul className="link-list">
        {mine.map((c) => (
          <li key={c.id}>
            <Link to={`/e-note/${c.id}`}>
              <bdi className="ltr">{c.reference ?? '—'}</bdi>
            </Link>{' '}
            — {tr(locale, c.state.label)}{' '}
            {c.clock && c.clock.status !== 'stopped' ? <ClockLine clock={c.clock} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ENotePage() {
  const { t } = useTranslation('eNote');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const navigate = useNavigate();
  const session = useSession();
  const agencies = useAgencies();
  const [agency, setAgency] = useState('AUC');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const signedIn = Boolean(session.data?.user);

  const start = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setProblem(null);
    try {
      const created = await api.post<{ id: string }>('/api/cases', {
        procedure: 'NRU',
        agencyCode: agency,
        data: { land_status: 'titled' },
      });
      navigate(`/e-note/${created.id}`);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.problem.title : String(error));
      setPending(false);
    }
  };

  return (
    <>
      <Breadcrumbs items={[{ label: tc('nav.home'), to: '/' }, { label: t('title') }]} />
      <PageHeader title={t('title')} lead={t('lead')} />
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('steps.title')}</h2>
        <ol>
          <li>{t('steps.one')}</li>
          <li>{t('steps.two')}</li>
          <li>{t('steps.three')}</li>
          <li>{t('steps.four')}</li>
        </ol>
      </section>
      {signedIn ? <MyNoteRequests /> : null}
      {signedIn ? (
        <form className="form" onSubmit={(e) => void start(e)} aria-labelledby="start-title">
          <h2 id="start-title">{t('caseTitle')}</h2>
          {problem ? <Notice kind="error" title={problem} live /> : null}
          <SelectField
            label={t('agency')}
            hint={t('agencyHint')}
            name="agencyCode"
            value={agency}
            onChange={(e) => setAgency(e.target.value)}
          >
            {(agencies.data ?? []).map((a) => (
              <option key={a.code} value={a.code}>
                {locale === 'ar' ? a.nameAr : a.nameFr}
              </option>
            ))}
          </SelectField>
          <Button type="submit" disabled={pending}>
            {pending ? t('starting') : t('start')}
          </Button>
        </form>
      ) : (
        <Notice kind="info">
          <p>{t('signInToStart')}</p>
          <p>
            <Link to={`/sign-in?next=${encodeURIComponent('/e-note')}`}>{t('signIn')}</Link>
          </p>
        </Notice>
      )}
    </>
  );
}

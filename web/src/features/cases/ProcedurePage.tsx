// A procedure's public page: what it is, the documents to provide, the legal delays; then start a
// request with an agency (a draft saved on the server).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiProblem, api } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import { useSession } from '../../lib/session.ts';
import { Button, ErrorSummary, Loading, Notice, PageHeader, SelectField, Tag } from '../../ui/components.tsx';
import { nameIn, useAgencies } from '../agencies/api.ts';
import { type CaseView, tr, useMyCases, useProcedure } from './api.ts';
import { ClockLine, useLocale } from './components.tsx';
import './i18n.ts';

export function ProcedurePage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const procedure = useProcedure(code);
  const agencies = useAgencies();
  const session = useSession();
  const navigate = useNavigate();
  const [agency, setAgency] = useState('');
  const [problem, setProblem] = useState<{ title: string; errors: Record<string, string> } | null>(null);
  if (procedure.isPending) return <Loading />;
  if (!procedure.data)
    return <PageHeader title={tc('errors.notFoundTitle')} lead={tc('errors.notFoundText')} />;
  const def = procedure.data;
  const start = async (e: React.FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (!agency) {
      setProblem({ title: tc('errors.summaryTitle'), errors: { agencyCode: t('agency') } });
      return;
    }
    try {
      const created = await api.post<CaseView>('/api/cases', { procedure: def.code, agencyCode: agency });
      navigate(`/my-space/cases/${created.id}`);
    } catch (err) {
      if (err instanceof ApiProblem)
        setProblem({ title: err.problem.detail ?? err.problem.title, errors: err.fieldErrors() });
    }
  };
  return (
    <>
      {problem ? <ErrorSummary title={problem.title} errors={problem.errors} /> : null}
      <PageHeader title={tr(locale, def.name)} lead={tr(locale, def.description)} />
      <section aria-labelledby="docs-title">
        <h2 id="docs-title">{t('documentsNeeded')}</h2>
        <ul>
          {def.checklist.map((item) => (
            <li key={item.code}>
              {tr(locale, item.label)}{' '}
              <Tag tone={item.requirement === 'mandatory' ? 'red' : undefined}>
                {item.requirement === 'mandatory'
                  ? t('mandatory')
                  : item.requirement === 'conditional'
                    ? t('conditional')
                    : t('optional')}
              </Tag>
              {item.hint ? <span className="hint">{tr(locale, item.hint)}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="delays-title">
        <h2 id="delays-title">{t('delays')}</h2>
        <ul>
          {def.clocks
            .filter((c) => c.legal)
            .map((c) => (
              <li key={c.key}>
                {tr(locale, c.label)} : {t(`clock.total_${c.unit}`, { count: c.days })}
              </li>
            ))}
        </ul>
      </section>
      <section aria-labelledby="start-title">
        <h2 id="start-title">{t('startTitle')}</h2>
        {session.data?.user ? (
          <form className="form" onSubmit={(e) => void start(e)} noValidate>
            <SelectField
              label={t('agency')}
              name="agencyCode"
              value={agency}
              onChange={(e) => setAgency(e.target.value)}
              error={problem?.errors.agencyCode}
            >
              <option value="" />
              {[...(agencies.data ?? [])]
                .sort((a, b) => nameIn(locale, a).localeCompare(nameIn(locale, b), locale))
                .map((a) => (
                  <option key={a.code} value={a.code}>
                    {nameIn(locale, a)}
                  </option>
                ))}
            </SelectField>
            <Button type="submit">{t('start')}</Button>
          </form>
        ) : (
          <p>
            <Link to={`/sign-in?next=${encodeURIComponent(`/services/${def.code}`)}`} className="button">
              {t('signInToStart')}
            </Link>
          </p>
        )}
      </section>
    </>
  );
}

export function MyCasesList() {
  const { t } = useTranslation('cases');
  const locale = useLocale();
  const cases = useMyCases();
  if (cases.isPending) return <Loading />;
  if (!cases.data?.length) return <p className="muted">{t('noCases')}</p>;
  return (
    <ul className="case-list">
      {cases.data.map((c) => (
        <li key={c.id} className="card">
          <h3>
            <Link to={`/my-space/cases/${c.id}`}>{tr(locale, c.procedure.name)}</Link>
          </h3>
          <p>
            <span className="ltr">{c.reference ?? t('draftReference')}</span>
          </p>
          <p>
            <strong>{tr(locale, c.state.label)}</strong> — {t('holder.title')}{' '}
            {t(`holder.${c.holder}`, { defaultValue: c.holder })}{' '}
            {t('since', { date: formatDate(c.since, locale) })}
          </p>
          {c.clock && c.clock.status !== 'stopped' ? (
            <p>
              <ClockLine clock={c.clock} />
            </p>
          ) : null}
          {c.openRequests ? (
            <Notice kind="warning">{t('openRequests', { count: c.openRequests })}</Notice>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

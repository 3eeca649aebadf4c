// The staff work queue: filters by procedure, state, assignee and deadline, earliest deadline first,
// coloured by the time left.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import { useSession } from '../../lib/session.ts';
import { Loading, PageHeader, SelectField } from '../../ui/components.tsx';
import { type CaseSummary, tr, useProcedures } from '../cases/api.ts';
import { ClockLine, useLocale } from '../cases/components.tsx';
import './i18n.ts';

type Queue = { total: number; items: CaseSummary[] };

export function QueuePage() {
  const { t, i18n } = useTranslation('backOffice');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const me = useSession().data?.user;
  const procedures = useProcedures();
  const [params, setParams] = useSearchParams();
  const filters = {
    procedure: params.get('procedure') ?? '',
    state: params.get('state') ?? '',
    assignee: params.get('assignee') ?? '',
    due: params.get('due') ?? '',
  };
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  const queue = useQuery({
    queryKey: ['queue', query.toString()],
    queryFn: () => api.get<Queue>(`/api/staff/queue?${query}`),
  });
  const set = (key: keyof typeof filters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'procedure') next.delete('state');
    setParams(next, { replace: true });
  };
  const procedure = procedures.data?.find((p) => p.code === filters.procedure);
  if (!me) return null;
  return (
    <>
      <PageHeader caption={tc('signedInAs', { name: me.fullName })} title={t('title')} />
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">{t('queueTitle')}</h2>
        <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('filters')}>
          <SelectField
            label={t('procedure')}
            name="procedure"
            value={filters.procedure}
            onChange={(e) => set('procedure', e.target.value)}
          >
            <option value="">{t('all')}</option>
            {(procedures.data ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {tr(locale, p.name)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('state')}
            name="state"
            value={filters.state}
            onChange={(e) => set('state', e.target.value)}
            disabled={!procedure}
          >
            <option value="">{t('all')}</option>
            {procedure
              ? Object.entries(procedure.states)
                  .filter(([, s]) => s.phase === 'open')
                  .map(([key, s]) => (
                    <option key={key} value={key}>
                      {tr(locale, s.label)}
                    </option>
                  ))
              : null}
          </SelectField>
          <SelectField
            label={t('assignee')}
            name="assignee"
            value={filters.assignee}
            onChange={(e) => set('assignee', e.target.value)}
          >
            <option value="">{t('all')}</option>
            <option value="me">{t('mine')}</option>
            <option value="unassigned">{t('unassigned')}</option>
          </SelectField>
          <SelectField
            label={t('deadline')}
            name="due"
            value={filters.due}
            onChange={(e) => set('due', e.target.value)}
          >
            <option value="">{t('all')}</option>
            <option value="soon">{t('dueSoon')}</option>
            <option value="overdue">{t('overdue')}</option>
          </SelectField>
        </form>
        {queue.isPending ? <Loading /> : null}
        {queue.data && queue.data.items.length === 0 ? <p className="muted">{t('emptyQueue')}</p> : null}
        {queue.data?.items.length ? (
          <div className="table-wrap">
            <table className="table queue">
              <caption>{t('count', { count: queue.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reference')}</th>
                  <th scope="col">{t('procedure')}</th>
                  <th scope="col">{t('state')}</th>
                  <th scope="col">{t('deposited')}</th>
                  <th scope="col">{t('assignee')}</th>
                  <th scope="col">{t('deadline')}</th>
                </tr>
              </thead>
              <tbody>
                {queue.data.items.map((c) => (
                  <tr key={c.id} className={c.clock ? `urgency-${c.clock.urgency}` : undefined}>
                    <td>
                      <Link to={`/back-office/cases/${c.id}`} className="ltr">
                        {c.reference}
                      </Link>
                    </td>
                    <td>{tr(locale, c.procedure.name)}</td>
                    <td>{tr(locale, c.state.label)}</td>
                    <td>
                      {c.depositedAt ? formatDate(c.depositedAt, locale, { dateStyle: 'medium' }) : '—'}
                    </td>
                    <td>{c.assignee?.fullName ?? <span className="muted">{t('unassigned')}</span>}</td>
                    <td>
                      {c.clock ? (
                        <>
                          <ClockLine clock={c.clock} />
                          <span className="hint">
                            {formatDate(c.clock.deadline, i18n.language as 'ar', { dateStyle: 'medium' })}
                          </span>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}

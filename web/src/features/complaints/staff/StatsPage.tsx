// Statistics of complaints per agency and category: received, answered, median and 90th-percentile
// working days to answer, overdue. A bar chart drawn in HTML (so it follows the page's direction) for
// the eye, the same figures in a table for everyone, and a CSV download.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../lib/api.ts';
import { formatDate, formatNumber } from '../../../lib/i18n.ts';
import { can, useSession } from '../../../lib/session.ts';
import { Breadcrumbs, Loading, PageHeader, SelectField, TextField } from '../../../ui/components.tsx';
import { nameIn, useAgencies } from '../../agencies/api.ts';
import { type StatsRow, tr } from '../api.ts';
import { useLocale } from '../components.tsx';
import { StaffNav } from './shared.tsx';
import '../complaints.css';
import '../i18n.ts';

function Chart({ rows, showAgency }: { rows: StatsRow[]; showAgency: boolean }) {
  const { t } = useTranslation('complaints');
  const locale = useLocale();
  const max = Math.max(1, ...rows.map((r) => r.received));
  const label = (r: StatsRow) => `${showAgency ? `${r.agencyCode} · ` : ''}${tr(locale, r.categoryName)}`;
  const summary = rows
    .map((r) =>
      t('stats.chartRow', {
        label: label(r),
        received: r.received,
        answered: r.answered,
        overdue: r.overdue,
      }),
    )
    .join(' ');
  return (
    <figure className="bar-chart" aria-labelledby="chart-title">
      <figcaption id="chart-title">{t('stats.chartTitle')}</figcaption>
      <div role="img" aria-label={summary}>
        <ul className="legend" aria-hidden="true">
          <li>
            <span className="swatch received" /> {t('stats.received')}
          </li>
          <li>
            <span className="swatch answered" /> {t('stats.answered')}
          </li>
          <li>
            <span className="swatch overdue" /> {t('stats.overdue')}
          </li>
        </ul>
        <div className="bars" aria-hidden="true">
          {rows.map((r) => (
            <div className="bar-row" key={`${r.agencyCode}-${r.categoryCode}`}>
              <span className="bar-label">{label(r)}</span>
              <span className="bar-track">
                <span className="bar received" style={{ inlineSize: `${(r.received / max) * 100}%` }}>
                  <span className="bar-value">{r.received}</span>
                </span>
                <span className="bar answered" style={{ inlineSize: `${(r.answered / max) * 100}%` }}>
                  <span className="bar-value">{r.answered}</span>
                </span>
                <span className="bar overdue" style={{ inlineSize: `${(r.overdue / max) * 100}%` }}>
                  <span className="bar-value">{r.overdue}</span>
                </span>
              </span>
            </div>
          ))}
        </div>
      </div>
    </figure>
  );
}

export function StatsPage() {
  const { t } = useTranslation('complaints');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const me = useSession().data?.user;
  const agencies = useAgencies();
  const [params, setParams] = useSearchParams();
  const year = new Date().getFullYear();
  const from = params.get('from') ?? `${year}-01-01`;
  const to = params.get('to') ?? new Date().toISOString().slice(0, 10);
  const agency = params.get('agency') ?? '';
  const query = new URLSearchParams({ from, to, ...(agency ? { agency } : {}) });
  const stats = useQuery({
    queryKey: ['complaints', 'stats', query.toString()],
    queryFn: () =>
      api.get<{ from: string; to: string; rows: StatsRow[] }>(`/api/staff/complaints/stats?${query}`),
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const rows = stats.data?.rows ?? [];
  const showAgency = new Set(rows.map((r) => r.agencyCode)).size > 1;
  const number = (n: number | null) =>
    n === null ? '—' : formatNumber(n, locale, { maximumFractionDigits: 1 });
  const total = rows.reduce(
    (sum, r) => ({
      received: sum.received + r.received,
      answered: sum.answered + r.answered,
      overdue: sum.overdue + r.overdue,
    }),
    { received: 0, answered: 0, overdue: 0 },
  );
  const national = me?.permissions.includes('stats.national');
  return (
    <>
      <Breadcrumbs
        items={[
          { label: tc('nav.backOffice'), to: '/back-office' },
          { label: t('staff.queueTitle'), to: '/back-office/complaints' },
          { label: t('stats.title') },
        ]}
      />
      <PageHeader title={t('stats.title')} lead={t('stats.lead')} />
      <StaffNav
        current="stats"
        canStats
        canManage={can(me, 'agency.update')}
        canKeys={can(me, 'token.manage')}
      />
      <form className="filters" aria-label={t('staff.filters')} onSubmit={(e) => e.preventDefault()}>
        <TextField
          label={t('stats.from')}
          name="from"
          type="date"
          value={from}
          onChange={(e) => set('from', e.target.value)}
        />
        <TextField
          label={t('stats.to')}
          name="to"
          type="date"
          value={to}
          onChange={(e) => set('to', e.target.value)}
        />
        {national || (me?.memberships.length ?? 0) > 1 ? (
          <SelectField
            label={t('new.agency')}
            name="agency"
            value={agency}
            onChange={(e) => set('agency', e.target.value)}
          >
            <option value="">{t('staff.all')}</option>
            {[...(agencies.data ?? [])]
              .sort((a, b) => nameIn(locale, a).localeCompare(nameIn(locale, b), locale))
              .map((a) => (
                <option key={a.code} value={a.code}>
                  {nameIn(locale, a)}
                </option>
              ))}
          </SelectField>
        ) : null}
      </form>
      <p>
        <a href={`/api/staff/complaints/stats.csv?${query}&locale=${locale}`} download>
          {t('stats.csv')}
        </a>
      </p>
      {stats.isPending ? <Loading /> : null}
      {stats.data && !rows.length ? <p className="muted">{t('stats.empty')}</p> : null}
      {rows.length ? (
        <>
          <p role="status">
            {t('stats.summary', {
              received: total.received,
              answered: total.answered,
              overdue: total.overdue,
            })}
          </p>
          <Chart rows={rows} showAgency={showAgency} />
          <div className="table-wrap">
            <table className="table numbers">
              <caption>
                {t('stats.tableTitle', { from: formatDate(from, locale), to: formatDate(to, locale) })}
              </caption>
              <thead>
                <tr>
                  {showAgency ? <th scope="col">{t('stats.agency')}</th> : null}
                  <th scope="col">{t('public.category')}</th>
                  <th scope="col">{t('stats.received')}</th>
                  <th scope="col">{t('stats.answered')}</th>
                  <th scope="col">{t('stats.open')}</th>
                  <th scope="col">{t('stats.median')}</th>
                  <th scope="col">{t('stats.p90')}</th>
                  <th scope="col">{t('stats.overdue')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.agencyCode}-${r.categoryCode}`}>
                    {showAgency ? <td>{r.agencyCode}</td> : null}
                    <th scope="row">{tr(locale, r.categoryName)}</th>
                    <td>{number(r.received)}</td>
                    <td>{number(r.answered)}</td>
                    <td>{number(r.open)}</td>
                    <td>{number(r.medianDays)}</td>
                    <td>{number(r.p90Days)}</td>
                    <td>{number(r.overdue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">{t('stats.note')}</p>
        </>
      ) : null}
    </>
  );
}

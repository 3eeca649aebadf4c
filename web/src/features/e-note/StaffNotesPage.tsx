// The notes desk: the queue of notes by deadline, the director's signing list (bulk signature, each
// note its own signature, results note by note), and the statistics per day.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiProblem, api } from '../../lib/api.ts';
import { formatNumber, type Locale } from '../../lib/i18n.ts';
import { can, useSession } from '../../lib/session.ts';
import { Breadcrumbs, Button, Loading, Notice, PageHeader, Tag, TextField } from '../../ui/components.tsx';
import { tr } from '../cases/api.ts';
import { ClockLine } from '../cases/components.tsx';
import { type NoteListItem, type SignResult, type Stats, useNoteList } from './api.ts';
import './i18n.ts';
import './e-note.css';

type Tab = 'queue' | 'sign' | 'stats';

function NotesTable({
  items,
  selectable,
  selected,
  onToggle,
}: {
  items: NoteListItem[];
  selectable?: boolean;
  selected?: Set<string>;
  onToggle?: (id: string) => void;
}) {
  const { t, i18n } = useTranslation('eNote');
  const locale = i18n.language as Locale;
  if (items.length === 0) return <p>{t('staff.queueEmpty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            {selectable ? (
              <th scope="col">
                <span className="visually-hidden">{t('staff.selectAll')}</span>
              </th>
            ) : null}
            <th scope="col">{t('staff.reference')}</th>
            <th scope="col">{t('staff.landTitle')}</th>
            <th scope="col">{t('staff.zones')}</th>
            <th scope="col">{t('staff.state')}</th>
            <th scope="col">{t('staff.deadline')}</th>
            <th scope="col">{t('staff.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((n) => (
            <tr key={n.id}>
              {selectable ? (
                <td>
                  <input
                    type="checkbox"
                    id={`select-${n.id}`}
                    aria-label={t('staff.select', { reference: n.reference ?? n.id })}
                    checked={selected?.has(n.id) ?? false}
                    onChange={() => onToggle?.(n.id)}
                  />
                </td>
              ) : null}
              <th scope="row">
                <Link to={`/back-office/e-note/${n.id}`}>
                  <bdi className="ltr">{n.reference ?? n.id}</bdi>
                </Link>
              </th>
              <td>
                <bdi className="ltr">{n.landTitle?.number ?? '—'}</bdi>{' '}
                <bdi className="muted ltr">
                  ({formatNumber(n.areaM2, locale, { maximumFractionDigits: 0 })} m²)
                </bdi>
              </td>
              <td>
                <bdi className="ltr">{n.zones.join(', ') || '—'}</bdi>{' '}
                {n.variant === 'public_enquiry' ? <Tag tone="amber">{t('staff.enquiry')}</Tag> : null}
              </td>
              <td>{tr(locale, n.state.label)}</td>
              <td>{n.clock && n.clock.status !== 'stopped' ? <ClockLine clock={n.clock} /> : '—'}</td>
              <td>{t('staff.changesCount', { corrections: n.corrections, observations: n.observations })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SignList() {
  const { t } = useTranslation('eNote');
  const client = useQueryClient();
  const list = useNoteList('signature');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState(false);
  const [results, setResults] = useState<{ signed: number; failed: number; results: SignResult[] } | null>(
    null,
  );
  const [problem, setProblem] = useState<string | null>(null);
  if (list.isPending) return <Loading />;
  const items = list.data?.items ?? [];
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const sign = async () => {
    setPending(true);
    setProblem(null);
    try {
      const chosen = items.filter((i) => selected.has(i.id) && i.reviewedSha256);
      const body = {
        items: chosen.map((i) => ({ caseId: i.id, version: i.version, contentSha256: i.reviewedSha256 })),
      };
      setResults(await api.post('/api/staff/e-note/sign', body));
      setSelected(new Set());
      await client.invalidateQueries({ queryKey: ['e-note'] });
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.problem.title : String(error));
    } finally {
      setPending(false);
    }
  };
  const reference = (id: string) => items.find((i) => i.id === id)?.reference ?? id;
  return (
    <section aria-labelledby="sign-title">
      <h2 id="sign-title">{t('staff.tabs.sign')}</h2>
      <p>{t('staff.signHint')}</p>
      {problem ? <Notice kind="error" title={problem} live /> : null}
      {results ? (
        <Notice
          kind={results.failed ? 'warning' : 'success'}
          title={t('staff.summary', { signed: results.signed, failed: results.failed })}
          live
        >
          <ul>
            {results.results.map((r) => (
              <li key={r.caseId}>
                <bdi className="ltr">
                  {r.status === 'signed' ? (r.reference ?? r.caseId) : reference(r.caseId)}
                </bdi>{' '}
                —{' '}
                {r.status === 'signed' ? (
                  <>
                    {t('staff.resultSigned', { number: r.document?.number ?? '' })}{' '}
                    {r.document ? (
                      <Link to={`/verify/${r.document.verificationCode}`}>{r.document.verificationCode}</Link>
                    ) : null}
                  </>
                ) : (
                  <>
                    <strong>{t('staff.resultFailed')}</strong> : {r.problem.title}
                    {r.problem.detail ? ` — ${r.problem.detail}` : ''}
                  </>
                )}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <NotesTable items={items} selectable selected={selected} onToggle={toggle} />
      {items.length ? (
        <div className="button-group">
          <Button
            variant="secondary"
            onClick={() => setSelected(new Set(items.map((i) => i.id)))}
            disabled={selected.size === items.length}
          >
            {t('staff.selectAll')}
          </Button>
          <Button onClick={() => void sign()} disabled={pending || selected.size === 0}>
            {pending ? t('staff.signing') : t('staff.signSelected', { count: selected.size })}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

function StatsPanel() {
  const { t, i18n } = useTranslation('eNote');
  const locale = i18n.language as Locale;
  const [from, setFrom] = useState(daysAgo(29));
  const [to, setTo] = useState(today());
  const [range, setRange] = useState({ from, to });
  const stats = useQuery({
    queryKey: ['e-note', 'stats', range.from, range.to],
    queryFn: () => api.get<Stats>(`/api/staff/e-note/stats?from=${range.from}&to=${range.to}`),
  });
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, locale, { maximumFractionDigits: 1 }));
  const s = (key: string) => t(`staff.stats.${key}`);
  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title">{t('staff.tabs.stats')}</h2>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setRange({ from, to });
        }}
      >
        <TextField
          label={s('from')}
          name="from"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField label={s('to')} name="to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <Button type="submit" variant="secondary">
          {s('show')}
        </Button>
      </form>
      {stats.isPending ? <Loading /> : null}
      {stats.error instanceof ApiProblem ? <Notice kind="error" title={stats.error.problem.title} /> : null}
      {stats.data ? (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption>{s('caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{s('date')}</th>
                  <th scope="col">{s('requested')}</th>
                  <th scope="col">{s('delivered')}</th>
                  <th scope="col">{s('average')}</th>
                  <th scope="col">{s('p90')}</th>
                  <th scope="col">{s('averageWorking')}</th>
                  <th scope="col">{s('p90Working')}</th>
                </tr>
              </thead>
              <tbody>
                {stats.data.days
                  .filter((d) => d.requested || d.delivered)
                  .map((d) => (
                    <tr key={d.date}>
                      <th scope="row">
                        <bdi className="ltr">{d.date}</bdi>
                      </th>
                      <td>{d.requested}</td>
                      <td>{d.delivered}</td>
                      <td>{n(d.delayDays.average)}</td>
                      <td>{n(d.delayDays.p90)}</td>
                      <td>{n(d.delayWorkingDays.average)}</td>
                      <td>{n(d.delayWorkingDays.p90)}</td>
                    </tr>
                  ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{s('total')}</th>
                  <td>{stats.data.totals.requested}</td>
                  <td>{stats.data.totals.delivered}</td>
                  <td>{n(stats.data.totals.delayDays.average)}</td>
                  <td>{n(stats.data.totals.delayDays.p90)}</td>
                  <td>{n(stats.data.totals.delayWorkingDays.average)}</td>
                  <td>{n(stats.data.totals.delayWorkingDays.p90)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p>
            <a href={`/api/staff/e-note/stats.csv?from=${range.from}&to=${range.to}`} download>
              {s('csv')}
            </a>
          </p>
        </>
      ) : null}
    </section>
  );
}

function Queue() {
  const list = useNoteList('');
  if (list.isPending) return <Loading />;
  return <NotesTable items={list.data?.items ?? []} />;
}

export function StaffNotesPage() {
  const { t } = useTranslation('eNote');
  const { t: tc } = useTranslation('common');
  const me = useSession().data?.user;
  const [params, setParams] = useSearchParams();
  const tabs: Tab[] = ['queue', 'sign', ...(can(me, 'stats.read') ? (['stats'] as const) : [])];
  const tab = (tabs as string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'queue';
  return (
    <>
      <Breadcrumbs
        items={[{ label: tc('nav.backOffice'), to: '/back-office' }, { label: t('staff.title') }]}
      />
      <PageHeader title={t('staff.title')} lead={t('staff.lead')} />
      <nav aria-label={t('staff.title')}>
        <ul className="enote-tabs">
          {tabs.map((key) => (
            <li key={key}>
              <Link
                to={`?tab=${key}`}
                aria-current={tab === key ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  setParams({ tab: key });
                }}
              >
                {t(`staff.tabs.${key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'queue' ? (
        <section aria-labelledby="queue-title">
          <h2 id="queue-title">{t('staff.tabs.queue')}</h2>
          <Queue />
        </section>
      ) : null}
      {tab === 'sign' ? <SignList /> : null}
      {tab === 'stats' ? <StatsPanel /> : null}
    </>
  );
}

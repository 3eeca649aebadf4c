// The triage queue: complaints of my agencies, earliest deadline first, with filters kept in the URL.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/i18n.ts';
import { can, useSession } from '../../../lib/session.ts';
import { Breadcrumbs, Loading, PageHeader, SelectField, Tag, TextField } from '../../../ui/components.tsx';
import { PRIORITIES, type QueueItem, tr } from '../api.ts';
import { useLocale } from '../components.tsx';
import { COMPLAINT_STATES, DeadlineTag, PriorityTag, StaffNav } from './shared.tsx';
import '../complaints.css';
import '../i18n.ts';

export function QueuePage() {
  const { t } = useTranslation('complaints');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const me = useSession().data?.user;
  const filter = {
    state: params.get('state') ?? '',
    priority: params.get('priority') ?? '',
    assignee: params.get('assignee') ?? '',
    due: params.get('due') ?? '',
    phase: params.get('phase') ?? 'open',
    q: params.get('q') ?? '',
  };
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
  const queue = useQuery({
    queryKey: ['complaints', 'queue', query.toString()],
    queryFn: () => api.get<{ total: number; items: QueueItem[] }>(`/api/staff/complaints?${query}&limit=100`),
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <>
      <Breadcrumbs
        items={[{ label: tc('nav.backOffice'), to: '/back-office' }, { label: t('staff.queueTitle') }]}
      />
      <PageHeader title={t('staff.queueTitle')} lead={t('staff.queueLead')} />
      <StaffNav
        current="queue"
        canStats={can(me, 'stats.read')}
        canManage={can(me, 'agency.update')}
        canKeys={can(me, 'token.manage')}
      />
      <form className="filters" aria-label={t('staff.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('staff.state')}
          name="state"
          value={filter.state}
          onChange={(e) => set('state', e.target.value)}
        >
          <option value="">{t('staff.all')}</option>
          {COMPLAINT_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`states.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('staff.priority')}
          name="priority"
          value={filter.priority}
          onChange={(e) => set('priority', e.target.value)}
        >
          <option value="">{t('staff.all')}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('staff.assignee')}
          name="assignee"
          value={filter.assignee}
          onChange={(e) => set('assignee', e.target.value)}
        >
          <option value="">{t('staff.all')}</option>
          <option value="me">{t('staff.mine')}</option>
          <option value="unassigned">{t('staff.unassigned')}</option>
        </SelectField>
        <SelectField
          label={t('staff.due')}
          name="due"
          value={filter.due}
          onChange={(e) => set('due', e.target.value)}
        >
          <option value="">{t('staff.all')}</option>
          <option value="overdue">{t('staff.overdue')}</option>
          <option value="soon">{t('staff.soon')}</option>
        </SelectField>
        <SelectField
          label={t('staff.phase')}
          name="phase"
          value={filter.phase}
          onChange={(e) => set('phase', e.target.value)}
        >
          <option value="open">{t('staff.phaseOpen')}</option>
          <option value="closed">{t('staff.phaseClosed')}</option>
          <option value="all">{t('staff.all')}</option>
        </SelectField>
        <TextField
          label={t('staff.search')}
          name="q"
          type="search"
          value={filter.q}
          onChange={(e) => set('q', e.target.value)}
        />
      </form>
      {queue.isPending ? <Loading /> : null}
      {queue.data ? (
        <>
          <p role="status">{t('staff.count', { count: queue.data.total })}</p>
          {queue.data.items.length ? (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('staff.queueTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('public.reference')}</th>
                    <th scope="col">{t('public.category')}</th>
                    <th scope="col">{t('staff.state')}</th>
                    <th scope="col">{t('staff.priority')}</th>
                    <th scope="col">{t('staff.assignee')}</th>
                    <th scope="col">{t('public.filedOn')}</th>
                    <th scope="col">{t('staff.deadline')}</th>
                  </tr>
                </thead>
                <tbody>
                  {queue.data.items.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={`/back-office/complaints/${c.id}`} className="ltr">
                          {c.reference}
                        </Link>
                        {c.title ? (
                          <span className="hint queue-title" dir="auto">
                            {c.title}
                          </span>
                        ) : null}
                      </th>
                      <td>{tr(locale, c.category.name)}</td>
                      <td>{tr(locale, c.state.label)}</td>
                      <td>
                        {c.priority ? (
                          <PriorityTag priority={c.priority} />
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td>{c.assignee?.fullName ?? <Tag>{t('staff.unassignedOne')}</Tag>}</td>
                      <td>
                        {c.depositedAt ? formatDate(c.depositedAt, locale, { dateStyle: 'medium' }) : ''}
                      </td>
                      <td>{c.clock ? <DeadlineTag clock={c.clock} /> : <span className="muted">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t('staff.empty')}</p>
          )}
        </>
      ) : null}
    </>
  );
}

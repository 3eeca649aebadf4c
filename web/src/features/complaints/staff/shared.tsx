// Small pieces shared by the staff's complaint pages.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/i18n.ts';
import { Tag } from '../../../ui/components.tsx';
import type { ClockView } from '../api.ts';
import { useLocale } from '../components.tsx';

export const COMPLAINT_STATES = [
  'submitted',
  'triaged',
  'in_progress',
  'answered',
  'reopened',
  'closed',
  'merged',
  'not_competent',
  'dismissed',
  'withdrawn',
] as const;

export function PriorityTag({ priority }: { priority: 'low' | 'normal' | 'high' | 'urgent' }) {
  const { t } = useTranslation('complaints');
  const tone = priority === 'urgent' ? 'red' : priority === 'high' ? 'amber' : undefined;
  return <Tag tone={tone}>{t(`priority.${priority}`)}</Tag>;
}

/** The answer deadline, in words and with the tone of its urgency. */
export function DeadlineTag({ clock }: { clock: ClockView }) {
  const { t } = useTranslation('complaints');
  const locale = useLocale();
  const tone =
    clock.urgency === 'overdue' || clock.urgency === 'due'
      ? 'red'
      : clock.urgency === 'soon'
        ? 'amber'
        : 'green';
  const words =
    clock.daysLeft < 0
      ? t('staff.lateBy', { count: -clock.daysLeft })
      : clock.daysLeft === 0
        ? t('staff.dueToday')
        : t('staff.daysLeft', { count: clock.daysLeft });
  return (
    <>
      <Tag tone={tone}>{words}</Tag>{' '}
      <span className="hint">{formatDate(clock.deadline, locale, { dateStyle: 'medium' })}</span>
    </>
  );
}

export function StaffNav({
  current,
  canStats,
  canManage,
  canKeys,
}: {
  current: 'queue' | 'stats' | 'settings' | 'keys';
  canStats: boolean;
  canManage: boolean;
  canKeys: boolean;
}) {
  const { t } = useTranslation('complaints');
  const items = [
    { key: 'queue', to: '/back-office/complaints', label: t('staff.queueTitle'), show: true },
    { key: 'stats', to: '/back-office/complaints/stats', label: t('stats.title'), show: canStats },
    { key: 'settings', to: '/back-office/complaints/settings', label: t('settings.title'), show: canManage },
    { key: 'keys', to: '/back-office/complaints/open311-keys', label: t('keys.title'), show: canKeys },
  ].filter((i) => i.show);
  return (
    <nav aria-label={t('staff.nav')} className="sub-nav">
      <ul>
        {items.map((i) => (
          <li key={i.key}>
            <Link to={i.to} aria-current={i.key === current ? 'page' : undefined}>
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../lib/api.ts';
import { formatDate, type Locale } from '../../lib/i18n.ts';
import { Button, Loading, PageHeader } from '../../ui/components.tsx';
import './i18n.ts';

export type Notification = {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
};

export const useNotifications = (enabled: boolean) =>
  useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<Notification[]>('/api/notifications'),
    enabled,
    refetchInterval: 60_000,
  });

export function NotificationsPage() {
  const { t, i18n } = useTranslation('notifications');
  const client = useQueryClient();
  const list = useNotifications(true);
  if (list.isPending) return <Loading />;
  const items = list.data ?? [];
  const markRead = async () => {
    await api.post('/api/notifications/read', { ids: 'all' });
    await client.invalidateQueries({ queryKey: ['notifications'] });
  };
  return (
    <>
      <PageHeader title={t('title')} />
      {items.length === 0 ? <p className="muted">{t('none')}</p> : null}
      {items.some((n) => !n.readAt) ? (
        <Button variant="secondary" onClick={() => void markRead()}>
          {t('markRead')}
        </Button>
      ) : null}
      <ul className="messages">
        {items.map((n) => (
          <li key={n.id} className={n.readAt ? undefined : 'mine'}>
            <p className="muted">
              <time dateTime={n.createdAt}>
                {formatDate(n.createdAt, i18n.language as Locale, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                })}
              </time>
            </p>
            <p>
              <strong>{n.title}</strong>
            </p>
            <p>{n.body}</p>
            {n.link ? <Link to={n.link}>{t('open')}</Link> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

import { defineCatalogue } from '../../lib/i18n.ts';

export default defineCatalogue('notifications', {
  ar: {
    title: 'الإشعارات',
    link: 'الإشعارات',
    unread: '({{count}} جديدة)',
    none: 'لا توجد إشعارات.',
    markRead: 'تعليم الكل كمقروء',
    open: 'فتح',
  },
  fr: {
    title: 'Notifications',
    link: 'Notifications',
    unread: '({{count}} nouvelles)',
    none: 'Aucune notification.',
    markRead: 'Tout marquer comme lu',
    open: 'Ouvrir',
  },
  en: {
    title: 'Notifications',
    link: 'Notifications',
    unread: '({{count}} new)',
    none: 'No notifications.',
    markRead: 'Mark all as read',
    open: 'Open',
  },
});

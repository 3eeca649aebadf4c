import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { useNotifications } from '../features/notifications/NotificationsPage.tsx';
import { api } from '../lib/api.ts';
import { applyDocumentLocale, LOCALES, type Locale } from '../lib/i18n.ts';
import { can, isStaff, useSession } from '../lib/session.ts';

const LANGUAGE_NAMES: Record<Locale, string> = { ar: 'العربية', fr: 'Français', en: 'English' };

function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  const client = useQueryClient();
  const choose = async (locale: Locale) => {
    localStorage.setItem('taamir.locale', locale);
    await i18n.changeLanguage(locale);
    applyDocumentLocale(locale);
    await api.post('/api/locale', { locale }).catch(() => undefined);
    await client.invalidateQueries();
  };
  return (
    <nav aria-label={t('language')}>
      <ul className="lang-switch">
        {LOCALES.map((l) => (
          <li key={l}>
            <button type="button" lang={l} aria-pressed={i18n.language === l} onClick={() => void choose(l)}>
              {LANGUAGE_NAMES[l]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Navigation() {
  const { t } = useTranslation('common');
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const me = session.data?.user;
  const { t: tn } = useTranslation('notifications');
  const notifications = useNotifications(Boolean(me));
  const unread = (notifications.data ?? []).filter((n) => !n.readAt).length;
  const signOut = async () => {
    await api.post('/api/auth/sign-out');
    await client.invalidateQueries();
    navigate('/');
  };
  return (
    <nav className="site-nav" aria-label={t('nav.main')}>
      <ul>
        <li>
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
        </li>
        {me ? (
          <>
            <li>
              <NavLink to="/my-space">{t('nav.mySpace')}</NavLink>
            </li>
            {isStaff(me) ? (
              <li>
                <NavLink to="/back-office">{t('nav.backOffice')}</NavLink>
              </li>
            ) : null}
            {can(me, 'membership.manage') ? (
              <li>
                <NavLink to="/admin/memberships">{t('nav.admin')}</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/notifications">
                {tn('link')}
                {unread ? ` ${tn('unread', { count: unread })}` : ''}
              </NavLink>
            </li>
            <li>
              <button type="button" className="link" onClick={() => void signOut()}>
                {t('nav.signOut')}
              </button>
            </li>
          </>
        ) : (
          <>
            <li>
              <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>
            </li>
            <li>
              <NavLink to="/sign-up">{t('nav.signUp')}</NavLink>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  return (
    <>
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <div className="gov-banner">
        <div className="container">
          <span>
            {t('kingdom')} — {t('ministry')}
          </span>
          <LanguageSwitch />
        </div>
      </div>
      <header className="site-header">
        <div className="container">
          <Link to="/" className="brand">
            <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="6" fill="#fff" />
              <path
                d="M16 5l3.1 7.3 7.9.7-6 5.2 1.8 7.8L16 21.9 9.2 26l1.8-7.8-6-5.2 7.9-.7z"
                fill="none"
                stroke="#c1272d"
                strokeWidth="2"
              />
            </svg>
            <span>
              {t('appName')}
              <small>{t('tagline')}</small>
            </span>
          </Link>
          <Navigation />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <div className="container">{children}</div>
      </main>
      <footer className="site-footer">
        <div className="container">
          <ul>
            <li>
              <a href="/api/docs">{t('footer.api')}</a>
            </li>
            <li>{t('footer.privacy')}</li>
            <li>{t('footer.accessibility')}</li>
          </ul>
          <p>
            {t('appName')} — {t('footer.about')}
          </p>
        </div>
      </footer>
    </>
  );
}

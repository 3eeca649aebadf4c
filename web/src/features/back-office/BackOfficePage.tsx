import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, useSession } from '../../lib/session.ts';
import { DESKS } from './desks.ts';
import './i18n.ts';
import { QueuePage } from './QueuePage.tsx';

export function BackOfficePage() {
  const { t, i18n } = useTranslation('backOffice');
  const { t: tc } = useTranslation('common');
  const me = useSession().data?.user;
  if (!me) return null;
  return (
    <>
      <QueuePage />
      <nav aria-labelledby="desks-title" className="desks">
        <h2 id="desks-title">{t('desksTitle')}</h2>
        <ul className="card-grid">
          {DESKS.filter((d) => can(me, d.permission)).map((d) => (
            <li key={d.key}>
              <Link to={d.to} className="card">
                {t(`desks.${d.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="roles-title">
        <h2 id="roles-title">{t('myRoles')}</h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('organization')}</th>
                <th scope="col">{t('role')}</th>
              </tr>
            </thead>
            <tbody>
              {me.memberships.map((m) => (
                <tr key={`${m.organizationId}-${m.role}`}>
                  <td>{i18n.language === 'ar' ? m.organizationNameAr : m.organizationNameFr}</td>
                  <td>{tc(`roles.${m.role}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

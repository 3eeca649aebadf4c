// The e-complaint service's front page: what it is for, file one, follow one.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isStaff, useSession } from '../../lib/session.ts';
import { Breadcrumbs, ButtonLink, PageHeader } from '../../ui/components.tsx';
import { TrackForm } from './TrackPage.tsx';
import './complaints.css';
import './i18n.ts';

export function ComplaintsHome() {
  const { t } = useTranslation('complaints');
  const { t: tc } = useTranslation('common');
  const me = useSession().data?.user;
  return (
    <>
      <Breadcrumbs items={[{ label: tc('nav.home'), to: '/' }, { label: t('title') }]} />
      <PageHeader title={t('title')} lead={t('home.lead')} />
      <div className="layout-two">
        <div>
          <section aria-labelledby="file-title">
            <h2 id="file-title">{t('home.fileTitle')}</h2>
            <p>{t('home.fileText')}</p>
            <ButtonLink to="/complaints/new">{t('home.fileButton')}</ButtonLink>
          </section>
          <TrackForm />
          <p>
            {t('home.privateLink')}
            {me ? (
              <>
                {' '}
                <Link to="/my-space">{t('home.mySpace')}</Link>
              </>
            ) : null}
          </p>
        </div>
        <aside className="aside" aria-labelledby="steps-title">
          <h2 id="steps-title">{t('home.stepsTitle')}</h2>
          <ol className="steps">
            <li>{t('home.step1')}</li>
            <li>{t('home.step2')}</li>
            <li>{t('home.step3')}</li>
            <li>{t('home.step4')}</li>
          </ol>
          {isStaff(me) ? (
            <p>
              <Link to="/back-office/complaints">{t('home.staff')}</Link>
            </p>
          ) : null}
          <p className="hint">
            {t('home.open311')} <a href="/open311/discovery.json">Open311 GeoReport v2</a>
          </p>
        </aside>
      </div>
    </>
  );
}

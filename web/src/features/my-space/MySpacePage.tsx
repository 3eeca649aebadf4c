import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session.ts';
import { PageHeader, SummaryList } from '../../ui/components.tsx';
import { MyCasesList } from '../cases/ProcedurePage.tsx';
import './i18n.ts';

export function MySpacePage() {
  const { t } = useTranslation('mySpace');
  const { t: tc } = useTranslation('common');
  const me = useSession().data?.user;
  if (!me) return null;
  return (
    <>
      <PageHeader caption={tc('signedInAs', { name: me.fullName })} title={t('title')} />
      <section aria-labelledby="files-title">
        <h2 id="files-title">{t('filesTitle')}</h2>
        <MyCasesList />
      </section>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('profileTitle')}</h2>
        <SummaryList
          rows={[
            { key: t('name'), value: me.fullName },
            { key: t('email'), value: <span className="ltr">{me.email}</span> },
            { key: t('accountType'), value: t(`types.${me.accountType}`) },
            ...(me.professionalNumber
              ? [
                  {
                    key: t('professionalNumber'),
                    value: <span className="ltr">{me.professionalNumber}</span>,
                  },
                ]
              : []),
            ...(me.memberships.length
              ? [{ key: t('twoStep'), value: me.mfaEnabled ? t('enabled') : t('disabled') }]
              : []),
          ]}
        />
      </section>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader, Tag } from '../../ui/components.tsx';
import { AgencyPicker } from '../agencies/AgencyPicker.tsx';
import './i18n.ts';
import { SERVICES } from './services.ts';

export function HomePage() {
  const { t } = useTranslation('home');
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <section aria-labelledby="services-title">
        <h2 id="services-title">{t('servicesTitle')}</h2>
        <ul className="card-grid">
          {SERVICES.map((s) => (
            <li key={s.key}>
              <article className="card">
                <h3>
                  {s.to ? (
                    <Link to={s.to}>{t(`services.${s.key}.title`)}</Link>
                  ) : (
                    t(`services.${s.key}.title`)
                  )}
                </h3>
                <p>{t(`services.${s.key}.text`)}</p>
                <Tag tone={s.to ? 'green' : undefined}>{s.to ? t('available') : t('soon')}</Tag>
              </article>
            </li>
          ))}
        </ul>
      </section>
      <AgencyPicker />
    </>
  );
}

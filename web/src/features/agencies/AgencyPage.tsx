import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiProblem } from '../../lib/api.ts';
import { Breadcrumbs, Loading, Notice, PageHeader, SummaryList, Tag } from '../../ui/components.tsx';
import { type Agency, isDemo, nameIn, textIn, useAgency, useCommunes } from './api.ts';
import './i18n.ts';

function DemoTag({ agency, path }: { agency: Agency; path: string }) {
  const { t } = useTranslation('common');
  return isDemo(agency, path) ? (
    <>
      {' '}
      <Tag tone="amber">{t('demo')}</Tag>
    </>
  ) : null;
}

const SOCIAL_NAMES = {
  facebook: 'Facebook',
  x: 'X',
  youtube: 'YouTube',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
} as const;

export function AgencyPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation('agencies');
  const { t: tc } = useTranslation('common');
  const agency = useAgency(code);
  const communes = useCommunes(code);
  const locale = i18n.language;
  if (agency.isPending) return <Loading />;
  if (agency.error || !agency.data) {
    const problem = agency.error instanceof ApiProblem ? agency.error.problem : undefined;
    return (
      <PageHeader
        title={problem?.title ?? tc('errors.generic')}
        lead={problem?.status === 404 ? tc('errors.notFoundText') : undefined}
      />
    );
  }
  const a = agency.data;
  const socials = Object.entries(a.contact.social) as [keyof typeof SOCIAL_NAMES, string][];
  return (
    <>
      <Breadcrumbs items={[{ label: tc('nav.home'), to: '/' }, { label: nameIn(locale, a) }]} />
      <PageHeader
        caption={a.code}
        title={nameIn(locale, a)}
        lead={t('seatLine', { seat: textIn(locale, a.seat) })}
      />
      <div className="layout-two">
        <div>
          <h2>{t('contactTitle')}</h2>
          {a.demoFields.length ? <Notice kind="warning">{t('demoNotice')}</Notice> : null}
          <SummaryList
            rows={[
              {
                key: t('address'),
                value: (
                  <>
                    {textIn(locale, a.contact.address)}
                    <DemoTag agency={a} path="contact.address" />
                  </>
                ),
              },
              {
                key: t('email'),
                value: (
                  <>
                    <a href={`mailto:${a.contact.email}`} className="ltr">
                      {a.contact.email}
                    </a>
                    <DemoTag agency={a} path="contact.email" />
                  </>
                ),
              },
              {
                key: t('website'),
                value: (
                  <>
                    <a href={a.contact.website} className="ltr" rel="noopener noreferrer" target="_blank">
                      {a.contact.website.replace(/^https?:\/\//, '')}
                    </a>
                    <DemoTag agency={a} path="contact.website" />
                  </>
                ),
              },
              {
                key: t('hours'),
                value: (
                  <>
                    {textIn(locale, a.contact.hours)}
                    <DemoTag agency={a} path="contact.hours" />
                  </>
                ),
              },
              {
                key: t('social'),
                value: socials.length ? (
                  <ul>
                    {socials.map(([network, url]) => (
                      <li key={network}>
                        <a href={url} rel="noopener noreferrer" target="_blank">
                          {SOCIAL_NAMES[network]}
                        </a>
                        <DemoTag agency={a} path={`contact.social.${network}`} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('noSocial')
                ),
              },
            ]}
          />
          <div className="table-wrap">
            <table className="table">
              <caption>
                {t('hotlines')}
                <DemoTag agency={a} path="contact.phones" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('service')}</th>
                  <th scope="col">{t('number')}</th>
                </tr>
              </thead>
              <tbody>
                {a.contact.phones.map((p) => (
                  <tr key={`${p.service}-${p.number}`}>
                    <td>{t(`services.${p.service}`, { defaultValue: p.service })}</td>
                    <td>
                      <a href={`tel:${p.number.replace(/[^+0-9]/g, '')}`} className="ltr">
                        {p.number}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <aside className="aside">
          <h2>{t('covers')}</h2>
          <ul>
            {a.provinces.map((p) => (
              <li key={p.code}>{nameIn(locale, p)}</li>
            ))}
          </ul>
          {communes.data?.length ? (
            <details>
              <summary>{t('communes', { count: communes.data.length })}</summary>
              <ul>
                {communes.data.map((c) => (
                  <li key={c.code}>
                    {nameIn(locale, c)} <span className="muted">({t(`communeKinds.${c.kind}`)})</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </aside>
      </div>
    </>
  );
}

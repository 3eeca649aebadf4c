// The regulation of a published plan, zone code by zone code: what a click on the map shows, without
// the map.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiProblem } from '../../lib/api.ts';
import { formatDate, type Locale } from '../../lib/i18n.ts';
import { Breadcrumbs, ButtonLink, Loading, PageHeader, Tag } from '../../ui/components.tsx';
import { usePlanRules } from './api.ts';
import './geoportal.css';
import './i18n.ts';
import { FAMILY_COLOURS, STATE_TONE } from './map-style.ts';
import { isolateLtr } from './text.ts';
import { labelIn, nameIn, ZoneRulesList } from './ZoneRules.tsx';

export function PlanRulesPage() {
  const { versionId = '' } = useParams();
  const { t, i18n } = useTranslation('geoportal');
  const { t: tc } = useTranslation('common');
  const locale = i18n.language as Locale;
  const found = usePlanRules(versionId);
  const crumbs = (
    <Breadcrumbs
      items={[
        { label: tc('nav.home'), to: '/' },
        { label: t('title'), to: '/geoportal' },
        { label: found.data ? nameIn(locale, found.data.plan) : t('plans.rules') },
      ]}
    />
  );
  if (found.isPending) return <Loading />;
  if (found.error || !found.data)
    return (
      <>
        {crumbs}
        <PageHeader
          title={found.error instanceof ApiProblem ? found.error.problem.title : tc('errors.generic')}
          lead={t('rulesPage.notFound')}
        />
      </>
    );
  const { plan, rules } = found.data;
  return (
    <>
      {crumbs}
      <PageHeader
        caption={t(`kinds.${plan.kind}`)}
        title={nameIn(locale, plan)}
        lead={t('rulesPage.caption')}
      />
      <p>
        <Tag tone={STATE_TONE[plan.state]}>{t(`states.${plan.state}`)}</Tag>{' '}
        {isolateLtr((locale === 'ar' ? plan.decreeRefAr : plan.decreeRefFr) ?? '', locale)}
        {plan.approvedOn ? ` — ${formatDate(plan.approvedOn, locale)}` : ''}
      </p>
      <nav aria-labelledby="zones-index">
        <h2 id="zones-index">{t('sheet.zones')}</h2>
        <ul className="zone-index">
          {rules.map((r) => (
            <li key={r.zoneCode}>
              <a href={`#zone-${r.zoneCode}`}>
                <span
                  className="swatch fill"
                  style={
                    { '--swatch': FAMILY_COLOURS[r.family] ?? FAMILY_COLOURS.other } as React.CSSProperties
                  }
                  aria-hidden="true"
                />{' '}
                <span className="ltr">{r.zoneCode}</span> — {labelIn(locale, r)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {rules.map((r) => (
        <section key={r.zoneCode} id={`zone-${r.zoneCode}`} aria-labelledby={`zone-title-${r.zoneCode}`}>
          <h2 id={`zone-title-${r.zoneCode}`}>
            <span className="ltr">{r.zoneCode}</span> — {labelIn(locale, r)}
          </h2>
          <p className="muted">
            {t(`families.${r.family}`)} · {t('rulesPage.zoneCount', { count: r.zones })}
          </p>
          <ZoneRulesList rules={r.rules} />
        </section>
      ))}
      <div className="button-group">
        <ButtonLink to="/geoportal" variant="secondary">
          {t('sheet.back')}
        </ButtonLink>
      </div>
    </>
  );
}

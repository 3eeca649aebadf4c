// The indicative urban sheet (fiche urbanistique) of a land title, a point or a drawn parcel: the
// plans that apply, the zones with their share of the land and their rules, servitudes, reserved
// land and road alignments — plain text and tables, marked as not a legal document.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiProblem } from '../../lib/api.ts';
import { formatDate, type Locale } from '../../lib/i18n.ts';
import {
  Breadcrumbs,
  Button,
  ButtonLink,
  Loading,
  Notice,
  PageHeader,
  SummaryList,
  Tag,
} from '../../ui/components.tsx';
import { type OverlayWarning, sheetTargetOf, type UrbanSheet, useSheet } from './api.ts';
import './geoportal.css';
import './i18n.ts';
import { STATE_TONE } from './map-style.ts';
import { crsLabel, isolateLtr } from './text.ts';
import { labelIn, nameIn, useUnits, ZoneRulesList } from './ZoneRules.tsx';

function Warning({ w, sheet }: { w: OverlayWarning; sheet: UrbanSheet }) {
  const { t, i18n } = useTranslation('geoportal');
  const locale = i18n.language as Locale;
  const u = useUnits();
  const date = (d: string | null) => (d ? formatDate(d, locale) : '—');
  const plan = 'versionId' in w ? sheet.overlay.plans.find((p) => p.versionId === w.versionId) : undefined;
  const name = plan ? ` — ${nameIn(locale, plan)}` : '';
  switch (w.code) {
    case 'plan_public_enquiry':
      return (
        <Notice kind="warning">
          {t('sheet.warnings.plan_public_enquiry', {
            dates: `${date(w.enquiryStart)} – ${date(w.enquiryEnd)}`,
          })}
          {name}
        </Notice>
      );
    case 'plan_expired':
      return (
        <Notice kind="warning">
          {t('sheet.warnings.plan_expired', { date: date(w.effectsUntil) })}
          {name}
        </Notice>
      );
    case 'partly_unzoned':
      return (
        <Notice kind="info">
          {t('sheet.warnings.partly_unzoned', { area: u.m2(w.uncoveredM2), percent: u.percent(w.percent) })}
        </Notice>
      );
    default:
      return (
        <Notice kind={w.code === 'no_plan' ? 'warning' : 'info'}>{t(`sheet.warnings.${w.code}`)}</Notice>
      );
  }
}

function Sheet({ sheet }: { sheet: UrbanSheet }) {
  const { t, i18n } = useTranslation('geoportal');
  const locale = i18n.language as Locale;
  const u = useUnits();
  const o = sheet.overlay;
  const title = sheet.title;
  const heading = title
    ? isolateLtr(t('sheet.forTitle', { ref: locale === 'ar' ? title.refAr : title.refFr }), locale)
    : o.parcel.kind === 'point'
      ? t('sheet.forPoint')
      : t('sheet.forParcel');
  const parcelRows = [];
  if (title) {
    parcelRows.push({
      key: t('sheet.titleRef'),
      value: isolateLtr(locale === 'ar' ? title.refAr : title.refFr, locale),
    });
    const name = locale === 'ar' ? title.propertyNameAr : title.propertyNameFr;
    if (name) parcelRows.push({ key: t('sheet.propertyName'), value: name });
    if (title.areaM2 !== null) parcelRows.push({ key: t('sheet.declaredArea'), value: u.m2(title.areaM2) });
  }
  if (o.parcel.areaM2 !== null)
    parcelRows.push({
      key: t('sheet.computedArea'),
      value: (
        <>
          {u.m2(o.parcel.areaM2)}{' '}
          <span className="hint">{t('sheet.computedAreaHint', { crs: crsLabel(t, o.parcel.areaCrs) })}</span>
        </>
      ),
    });
  parcelRows.push({
    key: t('sheet.position'),
    value: (
      <span className="ltr">
        {u.number(o.parcel.centroid[1], 6)}, {u.number(o.parcel.centroid[0], 6)}
      </span>
    ),
  });
  parcelRows.push({ key: t('sheet.date'), value: formatDate(o.at, locale) });
  const area = (a: number | null) => (a === null ? '—' : u.m2(a));
  const share = (p: number | null) => (p === null ? '—' : u.percent(p));
  return (
    <>
      <PageHeader caption={t('sheet.caption')} title={heading} />
      <div className="notice error legal-notice" role="note">
        <strong className="notice-title">{t('sheet.notLegal')}</strong>
        <p>{sheet.notice}</p>
      </div>
      {o.warnings.map((w) => (
        <Warning key={`${w.code}-${'versionId' in w ? w.versionId : ''}`} w={w} sheet={sheet} />
      ))}

      <section aria-labelledby="parcel-title">
        <h2 id="parcel-title">{t('sheet.parcel')}</h2>
        <SummaryList rows={parcelRows} />
      </section>

      <section aria-labelledby="sheet-plans-title">
        <h2 id="sheet-plans-title">{t('sheet.plans')}</h2>
        {o.plans.length ? (
          <ul className="plain-list">
            {o.plans.map((p) => (
              <li key={p.versionId}>
                <strong>{nameIn(locale, p)}</strong>{' '}
                <Tag tone={STATE_TONE[p.state]}>{t(`states.${p.state}`)}</Tag>
                <br />
                {isolateLtr((locale === 'ar' ? p.decreeRefAr : p.decreeRefFr) ?? '—', locale)}
                {p.effectsUntil ? (
                  <span className="hint">
                    {t('plans.until', { date: formatDate(p.effectsUntil, locale) })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('sheet.none')}</p>
        )}
      </section>

      <section aria-labelledby="sheet-zones-title">
        <h2 id="sheet-zones-title">{t('sheet.zones')}</h2>
        {o.zones.length ? (
          <div className="table-wrap">
            <table className="table">
              <caption>{t('sheet.zonesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sheet.code')}</th>
                  <th scope="col">{t('sheet.label')}</th>
                  <th scope="col">{t('sheet.area')}</th>
                  <th scope="col">{t('sheet.share')}</th>
                </tr>
              </thead>
              <tbody>
                {o.zones.map((z) => (
                  <tr key={z.id}>
                    <th scope="row" className="ltr">
                      {z.zoneCode}
                    </th>
                    <td>{labelIn(locale, z)}</td>
                    <td>{area(z.areaM2)}</td>
                    <td>{share(z.percent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('sheet.none')}</p>
        )}
        {[...new Map(o.zones.map((z) => [`${z.versionId}:${z.zoneCode}`, z])).values()].map((z) => (
          <section key={`${z.versionId}:${z.zoneCode}`} aria-labelledby={`rules-${z.id}`}>
            <h3 id={`rules-${z.id}`}>
              {t('sheet.rulesOf', { code: z.zoneCode })} — {labelIn(locale, z)}
            </h3>
            <ZoneRulesList rules={z.rules} />
          </section>
        ))}
      </section>

      <section aria-labelledby="sheet-servitudes-title">
        <h2 id="sheet-servitudes-title">{t('sheet.servitudes')}</h2>
        {o.servitudes.length ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('sheet.servitudes')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sheet.kind')}</th>
                  <th scope="col">{t('sheet.label')}</th>
                  <th scope="col">{t('sheet.area')}</th>
                  <th scope="col">{t('sheet.share')}</th>
                </tr>
              </thead>
              <tbody>
                {o.servitudes.map((s) => (
                  <tr key={s.id}>
                    <td>{t(`servitudeKinds.${s.kind}`, { defaultValue: s.kind })}</td>
                    <td>
                      {labelIn(locale, s)}
                      {(locale === 'ar' ? s.ruleAr : s.ruleFr) ? (
                        <span className="hint">{locale === 'ar' ? s.ruleAr : s.ruleFr}</span>
                      ) : null}
                      {s.authority ? (
                        <span className="hint" dir="auto">
                          {t('sheet.authority', { value: s.authority })}
                        </span>
                      ) : null}
                    </td>
                    <td>{area(s.areaM2)}</td>
                    <td>{share(s.percent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('sheet.none')}</p>
        )}
      </section>

      <section aria-labelledby="sheet-reservations-title">
        <h2 id="sheet-reservations-title">{t('sheet.reservations')}</h2>
        {o.reservations.length ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('sheet.reservations')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sheet.kind')}</th>
                  <th scope="col">{t('sheet.label')}</th>
                  <th scope="col">{t('sheet.area')}</th>
                  <th scope="col">{t('sheet.share')}</th>
                </tr>
              </thead>
              <tbody>
                {o.reservations.map((r) => (
                  <tr key={r.id}>
                    <td>{t(`equipment.${r.equipmentKind}`, { defaultValue: r.equipmentKind })}</td>
                    <td>
                      {isolateLtr(labelIn(locale, r), locale)}
                      {(locale === 'ar' ? r.beneficiaryAr : r.beneficiaryFr) ? (
                        <span className="hint">
                          {t('sheet.beneficiary', {
                            value: locale === 'ar' ? r.beneficiaryAr : r.beneficiaryFr,
                          })}
                        </span>
                      ) : null}
                    </td>
                    <td>{area(r.areaM2)}</td>
                    <td>{share(r.percent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('sheet.none')}</p>
        )}
      </section>

      <section aria-labelledby="sheet-roads-title">
        <h2 id="sheet-roads-title">{t('sheet.roads')}</h2>
        {o.roads.length ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('sheet.roads')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sheet.label')}</th>
                  <th scope="col">{t('sheet.status')}</th>
                  <th scope="col">{t('sheet.width')}</th>
                  <th scope="col">{t('sheet.area')}</th>
                  <th scope="col">{t('sheet.share')}</th>
                </tr>
              </thead>
              <tbody>
                {o.roads.map((r) => (
                  <tr key={r.id}>
                    <td>{labelIn(locale, r)}</td>
                    <td>{r.status ? t(`roadStatus.${r.status}`) : '—'}</td>
                    <td>{u.m(r.plannedWidthM)}</td>
                    <td>{area(r.areaM2)}</td>
                    <td>{share(r.percent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('sheet.none')}</p>
        )}
      </section>
      <p className="muted">
        {t('sheet.generated', {
          date: formatDate(sheet.generatedAt, locale, { dateStyle: 'long', timeStyle: 'short' }),
        })}
      </p>
    </>
  );
}

export function UrbanSheetPage() {
  const { t, i18n } = useTranslation('geoportal');
  const { t: tc } = useTranslation('common');
  const [params] = useSearchParams();
  const target = sheetTargetOf(params);
  const sheet = useSheet(target, i18n.language);
  const crumbs = (
    <Breadcrumbs
      items={[
        { label: tc('nav.home'), to: '/' },
        { label: t('title'), to: '/geoportal' },
        { label: t('sheet.caption') },
      ]}
    />
  );
  if (!target)
    return (
      <>
        {crumbs}
        <PageHeader title={t('sheet.caption')} lead={t('sheet.invalid')} />
      </>
    );
  return (
    <>
      {crumbs}
      {sheet.isPending ? <Loading /> : null}
      {sheet.error ? (
        <PageHeader
          title={sheet.error instanceof ApiProblem ? sheet.error.problem.title : tc('errors.generic')}
          lead={sheet.error instanceof ApiProblem ? sheet.error.problem.detail : undefined}
        />
      ) : null}
      {sheet.data ? <Sheet sheet={sheet.data} /> : null}
      <div className="button-group no-print">
        {sheet.data ? (
          <Button variant="secondary" onClick={() => window.print()}>
            {t('sheet.print')}
          </Button>
        ) : null}
        <ButtonLink to="/geoportal" variant="secondary">
          {t('sheet.back')}
        </ButtonLink>
      </div>
    </>
  );
}

// A note's content as tables: plans, zones with their rules, servitudes, reservations, alignments,
// warnings and observations. Items left out by a correction are shown struck through.
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, type Locale } from '../../lib/i18n.ts';
import { Notice, Tag } from '../../ui/components.tsx';
import type { NoteContent as Content } from './api.ts';
import './i18n.ts';

const pick = (locale: Locale, fr: string | null, ar: string | null) =>
  (locale === 'ar' ? (ar ?? fr) : (fr ?? ar)) ?? '—';

export function NoteContentTables({ content }: { content: Content }) {
  const { t, i18n } = useTranslation('eNote');
  const locale = i18n.language as Locale;
  const n = (v: number | null, digits = 2) =>
    v === null ? '—' : formatNumber(v, locale, { maximumFractionDigits: digits });
  const cls = (excluded: boolean) => (excluded ? 'enote-excluded' : undefined);
  const share = (r: { areaM2: number; percent: number }) => (
    <>
      <td>{n(r.areaM2)}</td>
      <td>{n(r.percent, 1)} %</td>
    </>
  );
  const head = (cols: string[]) => (
    <thead>
      <tr>
        {cols.map((c) => (
          <th scope="col" key={c}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
  return (
    <div className="enote-content">
      <Tag tone={content.variant === 'public_enquiry' ? 'amber' : 'green'}>
        {t(`variant.${content.variant}`)}
      </Tag>
      <h3>{t('review.plans')}</h3>
      <ul>
        {content.plans.map((p) => (
          <li key={p.versionId}>
            {pick(locale, p.nameFr, p.nameAr)} — {pick(locale, p.decreeRefFr, p.decreeRefAr)}
            {p.approvedOn ? ` (${formatDate(p.approvedOn, locale)})` : ''}
          </li>
        ))}
      </ul>
      <div className="table-wrap">
        <table className="table">
          <caption>{t('review.zones')}</caption>
          {head([
            t('review.zone'),
            t('review.designation'),
            'COS',
            'CES',
            t('review.height'),
            t('review.area'),
            t('review.share'),
          ])}
          <tbody>
            {content.zones.map((z) => (
              <tr key={`${z.ref}-${z.zoneCode}`} className={cls(z.excluded)}>
                <th scope="row">
                  <bdi className="ltr">{z.zoneCode}</bdi>
                </th>
                <td>{pick(locale, z.labelFr, z.labelAr)}</td>
                <td>{n(z.rules.cos)}</td>
                <td>{z.rules.ces === null ? '—' : `${n(z.rules.ces * 100, 0)} %`}</td>
                <td>
                  <bdi className="ltr">{z.rules.floors ?? '—'}</bdi>
                  {z.rules.maxHeightM !== null ? ` · ${n(z.rules.maxHeightM)} m` : ''}
                </td>
                {share(z)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(
        [
          ['servitudes', content.servitudes.map((s) => ({ ...s, detail: pick(locale, s.ruleFr, s.ruleAr) }))],
          [
            'reservations',
            content.reservations.map((r) => ({
              ...r,
              detail: pick(locale, r.beneficiaryFr, r.beneficiaryAr),
            })),
          ],
          [
            'alignments',
            content.alignments.map((a) => ({
              ...a,
              detail: a.plannedWidthM !== null ? `${n(a.plannedWidthM)} m` : '—',
            })),
          ],
        ] as const
      ).map(([key, rows]) => (
        <div className="table-wrap" key={key}>
          <table className="table">
            <caption>{t(`review.${key}`)}</caption>
            {rows.length
              ? head([t('review.designation'), t('review.details'), t('review.area'), t('review.share')])
              : null}
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td>{t('review.none')}</td>
                </tr>
              ) : (
                rows.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: refs may be missing; the rows never move.
                  <tr key={`${r.ref}-${i}`} className={cls(r.excluded)}>
                    <td>
                      {r.ref ? (
                        <>
                          <bdi className="ltr">{r.ref}</bdi>{' '}
                        </>
                      ) : null}
                      {pick(locale, r.labelFr, r.labelAr)}
                    </td>
                    <td>{r.detail}</td>
                    {share(r)}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      ))}
      {content.warnings.length ? (
        <Notice kind="warning" title={t('review.warnings')}>
          <ul>
            {content.warnings.map((w) => (
              <li key={w.code}>{locale === 'ar' ? w.ar : locale === 'en' ? w.en : w.fr}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {content.observations.length ? (
        <>
          <h3>{t('review.observations')}</h3>
          <ul>
            {content.observations.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: observations are positional.
              <li key={i}>{locale === 'ar' ? o.ar || o.fr : o.fr || o.ar}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

// A zone's regulation as a summary list (height, floors, COS, CES, setbacks, minimum plot, uses,
// article text): shared by the indicative sheet, the map's zone panel and the plan's rules page.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, type Locale } from '../../lib/i18n.ts';
import { SummaryList } from '../../ui/components.tsx';
import type { ZoneRules as Rules } from './api.ts';

export function useUnits() {
  const { t, i18n } = useTranslation('geoportal');
  const locale = i18n.language as Locale;
  const n = (v: number, digits = 2) => formatNumber(v, locale, { maximumFractionDigits: digits });
  return {
    m2: (v: number | null) => (v === null ? '—' : t('units.m2', { value: n(v, 2) })),
    m: (v: number | null) => (v === null ? '—' : t('units.m', { value: n(v, 2) })),
    percent: (v: number | null) => (v === null ? '—' : t('units.percent', { value: n(v, 1) })),
    number: n,
  };
}

export function ZoneRulesList({ rules }: { rules: Rules }) {
  const { t, i18n } = useTranslation('geoportal');
  const u = useUnits();
  const unknown = t('rules.unknown');
  const uses = (list: string[]) =>
    list.length
      ? list.map((use) => t(`uses.${use}`, { defaultValue: use })).join(i18n.language === 'ar' ? '، ' : ', ')
      : unknown;
  const floors =
    rules.maxFloorsAboveGround === null
      ? (rules.floors ?? unknown)
      : rules.maxFloorsAboveGround === 0
        ? t('rules.ground')
        : t('rules.floorsValue', { n: rules.maxFloorsAboveGround });
  const s = rules.setbacks;
  const rows: { key: ReactNode; value: ReactNode }[] = [
    { key: t('rules.maxHeight'), value: rules.maxHeightM === null ? unknown : u.m(rules.maxHeightM) },
    { key: t('rules.floors'), value: floors },
    { key: t('rules.cos'), value: rules.cos === null ? unknown : u.number(rules.cos) },
    { key: t('rules.ces'), value: rules.ces === null ? unknown : u.percent(rules.ces * 100) },
    {
      key: t('rules.setbacks'),
      value:
        s.frontM === null && s.sideM === null && s.rearM === null
          ? unknown
          : t('rules.setbacksValue', { front: u.m(s.frontM), side: u.m(s.sideM), rear: u.m(s.rearM) }),
    },
    {
      key: t('rules.minArea'),
      value: rules.minParcelAreaM2 === null ? unknown : u.m2(rules.minParcelAreaM2),
    },
    { key: t('rules.minFrontage'), value: rules.minFrontageM === null ? unknown : u.m(rules.minFrontageM) },
    { key: t('rules.allowed'), value: uses(rules.allowedUses) },
    { key: t('rules.forbidden'), value: uses(rules.forbiddenUses) },
  ];
  const article =
    i18n.language === 'ar' ? (rules.articleAr ?? rules.articleFr) : (rules.articleFr ?? rules.articleAr);
  if (article)
    rows.push({
      key: t('rules.article'),
      value: (
        <span lang={i18n.language === 'ar' && rules.articleAr ? 'ar' : 'fr'} dir="auto">
          {article}
        </span>
      ),
    });
  return <SummaryList rows={rows} />;
}

/** The Arabic label in Arabic, the French one otherwise (whichever exists). */
export const labelIn = (locale: string, item: { labelAr: string | null; labelFr: string | null }) =>
  (locale === 'ar' ? (item.labelAr ?? item.labelFr) : (item.labelFr ?? item.labelAr)) ?? '';
export const nameIn = (locale: string, item: { nameAr: string; nameFr: string }) =>
  locale === 'ar' ? item.nameAr : item.nameFr;

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button, Loading, SelectField } from '../../ui/components.tsx';
import { nameIn, useAgencies, useRegions } from './api.ts';
import './i18n.ts';

export function AgencyPicker() {
  const { t, i18n } = useTranslation('agencies');
  const agencies = useAgencies();
  const regions = useRegions();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  if (agencies.isPending || regions.isPending) return <Loading />;
  if (!agencies.data || !regions.data) return null;
  const locale = i18n.language;
  const byRegion = regions.data.map((region) => ({
    region,
    agencies: agencies.data
      .filter((a) => a.provinces.some((p) => p.regionCode === region.code))
      .sort((a, b) => nameIn(locale, a).localeCompare(nameIn(locale, b), locale)),
  }));
  return (
    <section aria-labelledby="agency-picker-title">
      <h2 id="agency-picker-title">{t('pickerTitle')}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (code) navigate(`/agencies/${code}`);
        }}
      >
        <SelectField
          label={t('pickerLabel')}
          hint={t('pickerHint')}
          name="agency"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        >
          <option value="">{t('pickerChoose')}</option>
          {byRegion.map(({ region, agencies: list }) => (
            <optgroup key={region.code} label={nameIn(locale, region)}>
              {list.map((a) => (
                <option key={`${region.code}-${a.code}`} value={a.code}>
                  {nameIn(locale, a)}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <Button type="submit" disabled={!code}>
          {t('open')}
        </Button>
      </form>
      <details>
        <summary>{t('allAgencies', { count: agencies.data.length })}</summary>
        <ul>
          {[...agencies.data]
            .sort((a, b) => nameIn(locale, a).localeCompare(nameIn(locale, b), locale))
            .map((a) => (
              <li key={a.code}>
                <Link to={`/agencies/${a.code}`}>{nameIn(locale, a)}</Link>
              </li>
            ))}
        </ul>
      </details>
    </section>
  );
}

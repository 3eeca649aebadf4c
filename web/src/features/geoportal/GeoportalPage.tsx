// The public geoportal: search (land title, coordinates, commune), the map of published plans with
// layer toggles, legend, zone rules on click and parcel drawing, a typed-coordinates parcel form, and
// the list of plans. Every map task has a text path: search results, the plan list and its rules
// pages, and the indicative sheet.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDate, type Locale } from '../../lib/i18n.ts';
import { can, useSession } from '../../lib/session.ts';
import {
  Breadcrumbs,
  Button,
  ButtonLink,
  Loading,
  Notice,
  PageHeader,
  SelectField,
  Tag,
} from '../../ui/components.tsx';
import {
  type BBox,
  detectCrs,
  type Geometry,
  LAYER_KINDS,
  type LayerKind,
  type Position,
  parseRing,
  type SearchResult,
  sheetPath,
  useGeoportalConfig,
  useSearch,
  useVisiblePlans,
  useZone,
  type VisiblePlan,
} from './api.ts';
import './geoportal.css';
import './i18n.ts';
import { FAMILY_COLOURS, LAYER_COLOURS, STATE_TONE } from './map-style.ts';
import { crsLabel, isolateLtr } from './text.ts';
import { labelIn, nameIn, useUnits, ZoneRulesList } from './ZoneRules.tsx';

const MapView = lazy(() => import('./MapView.tsx'));

const around = (lon: number, lat: number, d = 0.0025): BBox => [lon - d, lat - d, lon + d, lat + d];

function SearchResults({
  result,
  onShow,
}: {
  result: SearchResult;
  onShow: (bbox: BBox, geometry: Geometry | null) => void;
}) {
  const { t, i18n } = useTranslation('geoportal');
  const u = useUnits();
  const locale = i18n.language;
  if (result.kind === 'none' || (!result.titles.length && !result.points.length && !result.communes.length))
    return <p>{t('search.none', { q: result.query })}</p>;
  return (
    <>
      {result.titles.length ? (
        <ul className="result-list">
          {result.titles.map((title) => (
            <li key={title.id} className="result">
              <h4>
                {title.kind === 'requisition' ? t('search.requisitionFound') : t('search.titleFound')}{' '}
                <span className="ltr">{title.number}</span>
              </h4>
              <p>
                {locale === 'ar' ? title.propertyNameAr : title.propertyNameFr}
                {title.areaM2 !== null ? ` — ${t('search.area', { area: u.m2(title.areaM2) })}` : null}
                {title.synthetic ? (
                  <>
                    {' '}
                    <Tag tone="amber">{t('demo', { ns: 'common' })}</Tag>
                  </>
                ) : null}
              </p>
              <div className="button-group">
                <ButtonLink to={sheetPath({ kind: 'title', number: title.number, titleKind: title.kind })}>
                  {t('search.openSheet')}
                </ButtonLink>
                <Button variant="secondary" onClick={() => onShow(title.bbox, title.geometry)}>
                  {t('search.showOnMap')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {result.points.length ? (
        <>
          <h4>{t('search.coordinates')}</h4>
          <ul className="result-list">
            {result.points.map((p) => (
              <li key={`${p.crs}-${p.swapped}`} className="result">
                <p>
                  <strong>{crsLabel(t, p.crs, p.crsName)}</strong>
                  <br />
                  <span className="ltr">
                    {u.number(p.lat, 6)}, {u.number(p.lon, 6)}
                  </span>{' '}
                  <Tag tone={p.inPlan ? 'green' : undefined}>
                    {p.inPlan ? t('search.inPlan') : t('search.outsidePlans')}
                  </Tag>
                  {p.swapped ? <span className="hint">{t('search.swapped')}</span> : null}
                </p>
                <div className="button-group">
                  <ButtonLink to={sheetPath({ kind: 'point', x: p.x, y: p.y, crs: p.crs })}>
                    {t('search.openSheet')}
                  </ButtonLink>
                  <Button
                    variant="secondary"
                    onClick={() =>
                      onShow(around(p.lon, p.lat), { type: 'Point', coordinates: [p.lon, p.lat] })
                    }
                  >
                    {t('search.showOnMap')}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.communes.length ? (
        <>
          <h4>{t('search.communes')}</h4>
          <ul className="result-list">
            {result.communes.map((c) => (
              <li key={c.code} className="result">
                <p>
                  <strong>{nameIn(locale, c)}</strong> <span className="muted ltr">{c.code}</span>
                </p>
                {c.plans.length ? (
                  <ul>
                    {c.plans.map((p) => (
                      <li key={p.versionId}>
                        <Link to={`/geoportal/plans/${p.versionId}`}>{nameIn(locale, p)}</Link>{' '}
                        {p.bbox ? (
                          <Button variant="secondary" onClick={() => onShow(p.bbox as BBox, null)}>
                            {t('search.showOnMap')}
                          </Button>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t('search.noPlanForCommune')}</p>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function Legend() {
  const { t } = useTranslation('geoportal');
  const swatch = (colour: string, kind: 'fill' | 'line' | 'dash' = 'fill') => (
    <span
      className={`swatch ${kind}`}
      style={{ '--swatch': colour } as React.CSSProperties}
      aria-hidden="true"
    />
  );
  return (
    <div className="legend">
      <h3 id="legend-title">{t('map.legend')}</h3>
      <ul aria-labelledby="legend-title">
        {Object.entries(FAMILY_COLOURS).map(([family, colour]) => (
          <li key={family}>
            {swatch(colour)} {t(`families.${family}`)}
          </li>
        ))}
        <li>
          {swatch(LAYER_COLOURS.reservations, 'line')} {t('legendExtra.reservation')}
        </li>
        <li>
          {swatch(LAYER_COLOURS.servitudes, 'dash')} {t('legendExtra.servitude')}
        </li>
        <li>
          {swatch(LAYER_COLOURS.alignments)} {t('legendExtra.alignment')}
        </li>
        <li>
          {swatch('#1d1d1b', 'dash')} {t('legendExtra.enquiry')}
        </li>
        <li>
          {swatch(LAYER_COLOURS.plan, 'line')} {t('legendExtra.plan')}
        </li>
      </ul>
    </div>
  );
}

function ZonePanel({
  id,
  point,
  onClose,
}: {
  id: number | null;
  point: [number, number] | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('geoportal');
  const zone = useZone(id);
  if (id === null && point === null) return null;
  return (
    <section className="zone-panel" aria-labelledby="zone-panel-title">
      <h3 id="zone-panel-title">{t('map.zone')}</h3>
      {zone.isPending && id !== null ? <Loading /> : null}
      {zone.data ? (
        <>
          <p>
            <strong className="ltr">{zone.data.zoneCode}</strong> — {labelIn(i18n.language, zone.data)}
            <br />
            <span className="muted">{nameIn(i18n.language, zone.data.plan)}</span>
          </p>
          <ZoneRulesList rules={zone.data.rules} />
        </>
      ) : null}
      <div className="button-group">
        {point ? (
          <ButtonLink to={sheetPath({ kind: 'point', x: point[0], y: point[1], crs: 'EPSG:4326' })}>
            {t('map.sheetHere')}
          </ButtonLink>
        ) : null}
        <Button variant="secondary" onClick={onClose}>
          {t('map.close')}
        </Button>
      </div>
    </section>
  );
}

function ParcelForm() {
  const { t } = useTranslation('geoportal');
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [crs, setCrs] = useState('auto');
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    let ring = parseRing(text);
    if (!ring) {
      setError(t('parcelForm.invalid'));
      return;
    }
    let chosen = crs;
    if (crs === 'auto') {
      const [x, y] = ring[0] as [number, number];
      const found = await detectCrs(x, y).catch(() => undefined);
      if (!found) {
        setError(t('parcelForm.unknownCrs'));
        return;
      }
      chosen = found.crs;
      if (found.swapped) ring = ring.map(([a, b]) => [b as number, a as number]);
    }
    setError(undefined);
    navigate(sheetPath({ kind: 'parcel', geometry: { type: 'Polygon', coordinates: [ring] }, crs: chosen }));
  };
  return (
    <section aria-labelledby="parcel-form-title">
      <h2 id="parcel-form-title">{t('parcelForm.title')}</h2>
      <p>{t('parcelForm.lead')}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className={`field ${error ? 'has-error' : ''}`}>
          <label htmlFor="field-vertices">{t('parcelForm.label')}</label>
          <span className="hint" id="field-vertices-hint">
            {t('parcelForm.hint')}
          </span>
          {error ? (
            <span className="error-message" id="field-vertices-error" role="alert">
              {error}
            </span>
          ) : null}
          <textarea
            id="field-vertices"
            name="vertices"
            className="textarea ltr"
            rows={5}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={['field-vertices-hint', error ? 'field-vertices-error' : '']
              .filter(Boolean)
              .join(' ')}
          />
        </div>
        <SelectField
          label={t('parcelForm.crs')}
          name="parcel-crs"
          value={crs}
          onChange={(e) => setCrs(e.target.value)}
        >
          <option value="auto">{t('parcelForm.crsAuto')}</option>
          {['EPSG:4326', 'EPSG:26191', 'EPSG:26192', 'EPSG:26194', 'EPSG:26195'].map((c) => (
            <option key={c} value={c}>
              {crsLabel(t, c)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          {t('parcelForm.submit')}
        </button>
      </form>
    </section>
  );
}

export function PlansTable({ plans }: { plans: VisiblePlan[] }) {
  const { t, i18n } = useTranslation('geoportal');
  const locale = i18n.language as Locale;
  if (plans.length === 0) return <p>{t('plans.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table geo-stack">
        <caption>{t('plans.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.name')}</th>
            <th scope="col">{t('plans.agency')}</th>
            <th scope="col">{t('plans.status')}</th>
            <th scope="col">{t('plans.decree')}</th>
            <th scope="col">{t('plans.communes')}</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((p) => (
            <tr key={p.versionId}>
              <td data-label={t('plans.name')}>
                <Link to={`/geoportal/plans/${p.versionId}`}>{nameIn(locale, p)}</Link>
                <span className="hint">{t(`kinds.${p.kind}`)}</span>
              </td>
              <td data-label={t('plans.agency')}>{locale === 'ar' ? p.agencyNameAr : p.agencyNameFr}</td>
              <td data-label={t('plans.status')}>
                <Tag tone={STATE_TONE[p.state]}>{t(`states.${p.state}`)}</Tag>
                {p.effectsUntil ? (
                  <span className="hint">
                    {t('plans.until', { date: formatDate(p.effectsUntil, locale) })}
                  </span>
                ) : null}
              </td>
              <td data-label={t('plans.decree')}>
                {isolateLtr((locale === 'ar' ? p.decreeRefAr : p.decreeRefFr) ?? '—', locale)}
                {p.approvedOn ? <span className="hint">{formatDate(p.approvedOn, locale)}</span> : null}
              </td>
              <td data-label={t('plans.communes')}>
                {p.communes.map((c) => nameIn(locale, c)).join(locale === 'ar' ? '، ' : ', ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function GeoportalPage() {
  const { t } = useTranslation('geoportal');
  const { t: tc } = useTranslation('common');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const search = useSearch(q);
  const config = useGeoportalConfig();
  const plans = useVisiblePlans();
  const me = useSession().data?.user;
  const [visible, setVisible] = useState<Record<LayerKind, boolean>>({
    zones: true,
    reservations: true,
    servitudes: true,
    roads: true,
  });
  const [focus, setFocus] = useState<BBox | null>(null);
  const [highlight, setHighlight] = useState<Geometry | null>(null);
  const [zoneId, setZoneId] = useState<number | null>(null);
  const [point, setPoint] = useState<[number, number] | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [draft, setDraft] = useState<Position[]>([]);

  const show = (bbox: BBox, geometry: Geometry | null) => {
    setFocus([...bbox] as BBox);
    setHighlight(geometry);
    document.getElementById('map-section')?.scrollIntoView({ block: 'start' });
  };
  const finishDrawing = () => {
    if (draft.length < 3) return;
    setDrawing(false);
    navigate(
      sheetPath({
        kind: 'parcel',
        geometry: { type: 'Polygon', coordinates: [[...draft, draft[0] as Position]] },
        crs: 'EPSG:4326',
      }),
    );
  };

  return (
    <>
      <Breadcrumbs items={[{ label: tc('nav.home'), to: '/' }, { label: t('title') }]} />
      <PageHeader title={t('title')} lead={t('lead')} />
      <Notice kind="warning">{t('demoNotice')}</Notice>
      {can(me, 'geo.manage') ? (
        <p>
          <Link to="/back-office/geo">{t('staffLink')}</Link>
        </p>
      ) : null}

      <section aria-labelledby="search-title">
        <h2 id="search-title">{t('search.title')}</h2>
        <search>
          <form
            className="search-form"
            onSubmit={(e) => {
              e.preventDefault();
              setParams(typed.trim() ? { q: typed.trim() } : {});
            }}
          >
            <div className="field">
              <label htmlFor="field-q">{t('search.label')}</label>
              <span className="hint" id="field-q-hint">
                {t('search.hint')} <bdi className="ltr">31457/C</bdi> ({t('search.exampleTitle')}) ·{' '}
                <bdi className="ltr">289225 331636</bdi> ({t('search.exampleLambert')}) ·{' '}
                <bdi className="ltr">33.5620, -7.6693</bdi> (WGS 84) · {t('search.exampleCommune')}
              </span>
              <div className="search-row">
                <input
                  id="field-q"
                  name="q"
                  className="input"
                  type="search"
                  dir="auto"
                  autoComplete="off"
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  aria-describedby="field-q-hint"
                />
                <button type="submit" className="button">
                  {t('search.submit')}
                </button>
              </div>
            </div>
          </form>
        </search>
        <div aria-live="polite">
          {q ? (
            <section aria-labelledby="results-title">
              <h3 id="results-title">{t('search.results')}</h3>
              {search.isPending ? <Loading /> : null}
              {search.data ? <SearchResults result={search.data} onShow={show} /> : null}
            </section>
          ) : null}
        </div>
      </section>

      <section id="map-section" aria-labelledby="map-title" className="map-section">
        <h2 id="map-title">{t('map.title')}</h2>
        <p className="muted">{t('map.alternative')}</p>
        <div className="geo-layout">
          <div className="geo-map-wrap">
            {config.data && plans.data ? (
              <Suspense fallback={<Loading label={t('map.loading')} />}>
                <MapView
                  config={config.data}
                  plans={plans.data}
                  visible={visible}
                  focus={focus}
                  highlight={highlight}
                  drawing={drawing}
                  draft={draft}
                  onZoneClick={setZoneId}
                  onMapClick={(p) => setPoint(p)}
                  onDrawPoint={(p) => setDraft((d) => [...d, p])}
                  labels={{
                    canvas: t('map.canvas'),
                    zoomIn: t('map.zoomIn'),
                    zoomOut: t('map.zoomOut'),
                    resetBearing: t('map.resetBearing'),
                  }}
                />
              </Suspense>
            ) : (
              <Loading label={t('map.loading')} />
            )}
            <div className="button-group draw-controls">
              {drawing ? (
                <>
                  <Button onClick={finishDrawing} disabled={draft.length < 3}>
                    {t('map.finish')}
                  </Button>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setDrawing(false);
                      setDraft([]);
                    }}
                  >
                    {t('map.cancel')}
                  </Button>
                </>
              ) : (
                <Button
                  variant="secondary"
                  onClick={() => {
                    setDraft([]);
                    setZoneId(null);
                    setPoint(null);
                    setDrawing(true);
                  }}
                >
                  {t('map.draw')}
                </Button>
              )}
            </div>
            <p className="hint" aria-live="polite">
              {drawing ? t('map.drawHint', { count: draft.length }) : t('map.clickHint')}
            </p>
          </div>
          <div className="geo-side">
            <div aria-live="polite">
              <ZonePanel
                id={zoneId}
                point={point}
                onClose={() => {
                  setZoneId(null);
                  setPoint(null);
                }}
              />
            </div>
            <fieldset className="layer-toggles">
              <legend>{t('map.layers')}</legend>
              {LAYER_KINDS.map((kind) => (
                <div className="choice" key={kind}>
                  <input
                    type="checkbox"
                    id={`layer-${kind}`}
                    checked={visible[kind]}
                    onChange={(e) => setVisible((v) => ({ ...v, [kind]: e.target.checked }))}
                  />
                  <label htmlFor={`layer-${kind}`}>{t(`layers.${kind}`)}</label>
                </div>
              ))}
            </fieldset>
            <Legend />
          </div>
        </div>
      </section>

      <ParcelForm />

      <section aria-labelledby="plans-title">
        <h2 id="plans-title">{t('plans.title')}</h2>
        {plans.data ? <PlansTable plans={plans.data} /> : <Loading />}
        {config.data ? (
          <p className="muted" dir="ltr" lang="en">
            OGC API – Features: <a href={config.data.ogc}>{config.data.ogc}</a>
          </p>
        ) : null}
      </section>
    </>
  );
}

// Identifying the parcel of a note request, four ways: the title in the agency's register, a drawing
// on the map, typed or pasted coordinates (Lambert or WGS 84, detected), a small file of vertices.
// The server checks every way the same (territory, self-intersection, area) and answers in words.
// The map (the geoportal's) is optional: everything can be done without it.
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../lib/api.ts';
import { formatNumber, type Locale } from '../../lib/i18n.ts';
import { Button, Loading, Notice, RadioGroup, SummaryList } from '../../ui/components.tsx';
import { useGeoportalConfig, useVisiblePlans } from '../geoportal/api.ts';
import '../geoportal/geoportal.css';
import '../geoportal/i18n.ts';
import { bboxOf, type ParcelBody, type ParcelView, type Position, type System, saveParcel } from './api.ts';
import './i18n.ts';

const MapView = lazy(() => import('../geoportal/MapView.tsx'));

type Way = 'title' | 'drawn' | 'coordinates' | 'file';
type ProblemView = { title: string; detail?: string | undefined };

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
};

export function ParcelMap({
  parcel,
  drawing = false,
  draft = [],
  onDrawPoint,
}: {
  parcel: ParcelView['geometry'];
  drawing?: boolean;
  draft?: Position[];
  onDrawPoint?: (p: [number, number]) => void;
}) {
  const { t } = useTranslation('geoportal');
  const { t: te } = useTranslation('eNote');
  const config = useGeoportalConfig();
  const plans = useVisiblePlans();
  if (!config.data || !plans.data) return <Loading label={te('parcel.loadingMap')} />;
  return (
    <Suspense fallback={<Loading label={te('parcel.loadingMap')} />}>
      <MapView
        config={config.data}
        plans={plans.data}
        visible={{ zones: true, reservations: true, servitudes: true, roads: true }}
        focus={parcel ? bboxOf(parcel) : null}
        highlight={parcel}
        drawing={drawing}
        draft={draft}
        onZoneClick={() => undefined}
        onMapClick={() => undefined}
        onDrawPoint={(p) => onDrawPoint?.(p)}
        labels={{
          canvas: te('parcel.map'),
          zoomIn: t('map.zoomIn'),
          zoomOut: t('map.zoomOut'),
          resetBearing: t('map.resetBearing'),
        }}
      />
    </Suspense>
  );
}

export function ParcelSummary({ parcel }: { parcel: ParcelView }) {
  const { t, i18n } = useTranslation('eNote');
  const locale = i18n.language as Locale;
  return (
    <>
      <SummaryList
        rows={[
          { key: t('parcel.source'), value: t(`sources.${parcel.source}`) },
          ...(parcel.landTitle
            ? [{ key: t('land.number'), value: <bdi className="ltr">{parcel.landTitle.number}</bdi> }]
            : []),
          {
            key: t('parcel.area'),
            value: (
              <bdi className="ltr">{`${formatNumber(parcel.areaM2, locale, { maximumFractionDigits: 2 })} m²`}</bdi>
            ),
          },
          {
            key: t('parcel.system'),
            value: <bdi className="ltr">{`${parcel.crsName} (${parcel.inputCrs})`}</bdi>,
          },
        ]}
      />
      {parcel.swapped ? <Notice kind="info">{t('parcel.swapped')}</Notice> : null}
    </>
  );
}

export function ParcelPicker({
  caseId,
  landTitle,
  parcel,
  onSaved,
}: {
  caseId: string;
  /** The land title typed in the first step (sent along, and used by the register way). */
  landTitle: string;
  parcel: ParcelView | null;
  onSaved: (parcel: ParcelView) => void;
}) {
  const { t } = useTranslation('eNote');
  const client = useQueryClient();
  const [way, setWay] = useState<Way>(landTitle.trim() ? 'title' : 'coordinates');
  const [text, setText] = useState('');
  const [system, setSystem] = useState<System>('auto');
  const [file, setFile] = useState<File | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [draft, setDraft] = useState<Position[]>([]);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ProblemView | null>(null);

  const send = async (body: ParcelBody) => {
    setPending(true);
    setProblem(null);
    try {
      const saved = await saveParcel(caseId, body);
      onSaved(saved);
      await client.invalidateQueries({ queryKey: ['e-note', caseId] });
    } catch (error) {
      setProblem(
        error instanceof ApiProblem
          ? { title: error.problem.title, detail: error.problem.detail }
          : { title: String((error as Error).message) },
      );
    } finally {
      setPending(false);
    }
  };
  const titleArg = landTitle.trim() ? { landTitle: landTitle.trim() } : {};

  return (
    <div className="enote-parcel">
      <RadioGroup<Way>
        legend={t('parcel.how')}
        name="parcel_way"
        value={way}
        onChange={(w) => {
          setWay(w);
          setProblem(null);
          setDrawing(false);
        }}
        options={[
          { value: 'title', label: t('parcel.ways.title') },
          { value: 'drawn', label: t('parcel.ways.drawn') },
          { value: 'coordinates', label: t('parcel.ways.coordinates') },
          { value: 'file', label: t('parcel.ways.file') },
        ]}
      />
      {problem ? (
        <Notice kind="error" title={problem.title} live>
          {problem.detail ? <p>{problem.detail}</p> : null}
        </Notice>
      ) : null}

      {way === 'title' ? (
        <p>
          <Button
            disabled={pending || !landTitle.trim()}
            onClick={() => void send({ source: 'title', landTitle })}
          >
            {t('land.useIt')}
          </Button>
        </p>
      ) : null}

      {way === 'coordinates' ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void send({ source: 'coordinates', text, system, ...titleArg });
          }}
        >
          <div className="field">
            <label htmlFor="field-coordinates">{t('parcel.coordinates')}</label>
            <span className="hint" id="field-coordinates-hint">
              {t('parcel.coordinatesHint')}
            </span>
            <textarea
              id="field-coordinates"
              className="textarea ltr"
              dir="ltr"
              rows={6}
              value={text}
              aria-describedby="field-coordinates-hint"
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <SystemChoice value={system} onChange={setSystem} />
          <Button type="submit" disabled={pending || !text.trim()}>
            {t('parcel.use')}
          </Button>
        </form>
      ) : null}

      {way === 'file' ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!file) return;
            void toBase64(file).then((contentBase64) =>
              send({ source: 'file', contentBase64, filename: file.name, system, ...titleArg }),
            );
          }}
        >
          <div className="field">
            <label htmlFor="field-vertices-file">{t('parcel.file')}</label>
            <span className="hint" id="field-vertices-file-hint">
              {t('parcel.fileHint')}
            </span>
            <input
              id="field-vertices-file"
              type="file"
              accept=".csv,.txt,.geojson,.json,text/csv,application/geo+json,application/json"
              aria-describedby="field-vertices-file-hint"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <SystemChoice value={system} onChange={setSystem} />
          <Button type="submit" disabled={pending || !file}>
            {t('parcel.use')}
          </Button>
        </form>
      ) : null}

      {way === 'drawn' ? (
        <div className="button-group">
          {drawing ? (
            <>
              <Button
                disabled={pending || draft.length < 3}
                onClick={() => {
                  setDrawing(false);
                  void send({ source: 'drawn', positions: draft, ...titleArg });
                }}
              >
                {t('parcel.finishDraw')}
              </Button>
              <Button
                variant="secondary"
                onClick={() => {
                  setDrawing(false);
                  setDraft([]);
                }}
              >
                {t('parcel.cancelDraw')}
              </Button>
            </>
          ) : (
            <Button
              variant="secondary"
              onClick={() => {
                setDraft([]);
                setDrawing(true);
              }}
            >
              {t('parcel.draw')}
            </Button>
          )}
        </div>
      ) : null}
      {drawing ? (
        <p className="hint" aria-live="polite">
          {t('parcel.drawHint', { count: draft.length })}
        </p>
      ) : null}

      {parcel ? (
        <section aria-labelledby="parcel-saved-title">
          <h3 id="parcel-saved-title">{t('parcel.saved')}</h3>
          <ParcelSummary parcel={parcel} />
        </section>
      ) : (
        <p className="muted">{t('parcel.none')}</p>
      )}
      {parcel || way === 'drawn' ? (
        <div className="geo-map-wrap">
          <p className="muted">{t('parcel.mapAlternative')}</p>
          <ParcelMap
            parcel={parcel?.geometry ?? null}
            drawing={drawing}
            draft={draft}
            onDrawPoint={(p) => setDraft((d) => [...d, p])}
          />
        </div>
      ) : null}
    </div>
  );
}

function SystemChoice({ value, onChange }: { value: System; onChange: (s: System) => void }) {
  const { t } = useTranslation('eNote');
  return (
    <RadioGroup<System>
      legend={t('parcel.system')}
      name="coordinate_system"
      value={value}
      onChange={onChange}
      options={[
        { value: 'auto', label: t('parcel.systemAuto') },
        { value: 'lambert', label: t('parcel.systemLambert') },
        { value: 'wgs84', label: t('parcel.systemWgs84') },
      ]}
    />
  );
}

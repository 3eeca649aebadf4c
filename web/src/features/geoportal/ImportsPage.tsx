// Staff page (permission geo.manage): upload a planning file, follow its check (upload, then reading
// and checking progress), read the per-feature report, publish it as a new version, and move plan
// versions through their lifecycle.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, api, readCookie } from '../../lib/api.ts';
import { formatDate, type Locale } from '../../lib/i18n.ts';
import { can, useSession } from '../../lib/session.ts';
import {
  Breadcrumbs,
  Button,
  ErrorSummary,
  Loading,
  Notice,
  PageHeader,
  RadioGroup,
  SelectField,
  Tag,
  TextField,
} from '../../ui/components.tsx';
import { LAYER_KINDS } from './api.ts';
import './geoportal.css';
import './i18n.ts';
import { crsLabel } from './text.ts';

type ImportLayer = {
  name: string;
  kind: string;
  crs: string;
  crsName: string;
  crsSource: string;
  encoding: string;
  featureCount: number;
  mapping: Record<string, string>;
  unmappedColumns: string[];
  errors: number;
  warnings: number;
};
type ImportView = {
  id: string;
  agencyCode: string;
  fileName: string;
  status: 'processing' | 'ready' | 'rejected' | 'published' | 'failed';
  progress: { phase?: string; done?: number; total?: number };
  report: {
    fileError: { code: string; message: string; title?: string; details: Record<string, unknown> } | null;
    layers: ImportLayer[];
    features: number;
    errors: number;
    warnings: number;
  } | null;
  errorCode: string | null;
  versionId: string | null;
  createdAt: string;
};
type Issue = {
  id: number;
  layer: string;
  featureIndex: number | null;
  featureRef: string | null;
  severity: 'error' | 'warning';
  code: string;
  field: string | null;
  message: string;
  /** The code's title in the page's language. */
  title?: string;
};
type PlanVersionRow = {
  id: string;
  version: number;
  status: string;
  approvedOn: string | null;
  decreeRefFr: string | null;
  enquiryStart: string | null;
  effectsUntil: string | null;
  zones: number;
};
type PlanRow = {
  id: string;
  slug: string;
  kind: string;
  nameAr: string;
  nameFr: string;
  versions: PlanVersionRow[];
};

const CRS_CHOICES = ['EPSG:26191', 'EPSG:26192', 'EPSG:26194', 'EPSG:26195', 'EPSG:4326'];
const KINDS = ['plan_amenagement', 'plan_developpement', 'sdau', 'plan_restructuration', 'other'];

/** POSTs the file with upload progress (fetch has none). */
function uploadFile(url: string, file: File, onProgress: (percent: number) => void): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('accept-language', document.documentElement.lang || 'ar');
    const csrf = readCookie('taamir_csrf');
    if (csrf) xhr.setRequestHeader('x-csrf-token', decodeURIComponent(csrf));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      const body = xhr.responseText ? JSON.parse(xhr.responseText) : {};
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiProblem(body));
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(file);
  });
}

function UploadForm({ onStarted }: { onStarted: (id: string) => void }) {
  const { t } = useTranslation('geoportal');
  const agencies = useQuery({
    queryKey: ['geo', 'agencies'],
    queryFn: () => api.get<{ code: string; nameAr: string; nameFr: string }[]>('/api/geo/agencies'),
  });
  const { i18n } = useTranslation('geoportal');
  const [agency, setAgency] = useState('');
  const [crs, setCrs] = useState('');
  const [layer, setLayer] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosenAgency = agency || agencies.data?.[0]?.code || '';
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError(t('imports.noFile'));
      return;
    }
    setError(null);
    const q = new URLSearchParams({ agency: chosenAgency, fileName: file.name });
    if (crs) q.set('crs', crs);
    if (layer) q.set('layer', layer);
    setSending(0);
    try {
      const { id } = await uploadFile(`/api/geo/imports?${q}`, file, setSending);
      onStarted(id);
    } catch (e) {
      setError(e instanceof ApiProblem ? e.problem.title : String(e));
    } finally {
      setSending(null);
    }
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      {error ? <ErrorSummary title={error} errors={{}} /> : null}
      <SelectField
        label={t('imports.agency')}
        name="agency"
        value={chosenAgency}
        onChange={(e) => setAgency(e.target.value)}
      >
        {(agencies.data ?? []).map((a) => (
          <option key={a.code} value={a.code}>
            {a.code} — {i18n.language === 'ar' ? a.nameAr : a.nameFr}
          </option>
        ))}
      </SelectField>
      <div className="field">
        <label htmlFor="field-file">{t('imports.file')}</label>
        <span className="hint" id="field-file-hint">
          {t('imports.fileHint')}
        </span>
        <input
          id="field-file"
          name="file"
          type="file"
          accept=".zip,.geojson,.json"
          aria-describedby="field-file-hint"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <SelectField label={t('imports.crs')} name="crs" value={crs} onChange={(e) => setCrs(e.target.value)}>
        <option value="">{t('imports.crsAuto')}</option>
        {CRS_CHOICES.map((c) => (
          <option key={c} value={c}>
            {crsLabel(t, c)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('imports.layer')}
        name="layer"
        value={layer}
        onChange={(e) => setLayer(e.target.value)}
      >
        <option value="">{t('imports.layerAuto')}</option>
        {LAYER_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`layers.${k}`)}
          </option>
        ))}
      </SelectField>
      {sending !== null ? (
        <p role="status">
          <label htmlFor="upload-progress">{t('imports.sending', { percent: sending })}</label>{' '}
          <progress id="upload-progress" max={100} value={sending} />
        </p>
      ) : null}
      <button type="submit" className="button" disabled={sending !== null}>
        {t('imports.submit')}
      </button>
    </form>
  );
}

function Issues({ id }: { id: string }) {
  const { t } = useTranslation('geoportal');
  const [limit, setLimit] = useState(50);
  const issues = useQuery({
    queryKey: ['geo', 'import', id, 'issues', limit],
    queryFn: () => api.get<{ total: number; items: Issue[] }>(`/api/geo/imports/${id}/issues?limit=${limit}`),
  });
  if (!issues.data) return <Loading />;
  if (issues.data.total === 0) return <p>{t('imports.noIssues')}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption>
            {t('imports.issuesCaption')} ({issues.data.total})
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.feature')}</th>
              <th scope="col">{t('imports.level')}</th>
              <th scope="col">{t('imports.field')}</th>
              <th scope="col">{t('imports.message')}</th>
            </tr>
          </thead>
          <tbody>
            {issues.data.items.map((i) => (
              <tr key={i.id}>
                <td className="ltr">
                  {i.layer}
                  {i.featureIndex !== null ? `#${i.featureIndex}` : ''}
                  {i.featureRef ? ` [${i.featureRef}]` : ''}
                </td>
                <td>
                  <Tag tone={i.severity === 'error' ? 'red' : 'amber'}>
                    {t(`imports.severity.${i.severity}`)}
                  </Tag>
                </td>
                <td className="ltr">{i.field ?? '—'}</td>
                <td>
                  {i.title ?? <span className="ltr">{i.message}</span>}
                  {i.title && i.message !== i.title ? <span className="hint ltr">{i.message}</span> : null}
                  <span className="hint ltr">{i.code}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {issues.data.total > issues.data.items.length ? (
        <Button variant="secondary" onClick={() => setLimit((l) => Math.min(500, l + 100))}>
          {t('imports.more')}
        </Button>
      ) : null}
    </>
  );
}

function PublishForm({ view, onPublished }: { view: ImportView; onPublished: (message: string) => void }) {
  const { t } = useTranslation('geoportal');
  const base = view.fileName.replace(/\.[^.]+$/, '');
  const [values, setValues] = useState({
    slug: base
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, ''),
    kind: 'plan_amenagement',
    nameFr: base,
    nameAr: base,
    status: 'in_study' as 'in_study' | 'public_enquiry' | 'approved',
    enquiryStart: '',
    enquiryEnd: '',
    decreeRefFr: '',
    decreeRefAr: '',
    approvedOn: '',
  });
  const [problem, setProblem] = useState<{
    title: string;
    fields: Record<string, string>;
    detail?: string;
  } | null>(null);
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const orNull = (s: string) => (s.trim() ? s.trim() : null);
    try {
      const result = await api.post<{ version: number }>(`/api/geo/imports/${view.id}/publish`, {
        document: { slug: values.slug, kind: values.kind, nameFr: values.nameFr, nameAr: values.nameAr },
        lifecycle: {
          status: values.status,
          enquiryStart: values.status === 'public_enquiry' ? orNull(values.enquiryStart) : null,
          enquiryEnd: values.status === 'public_enquiry' ? orNull(values.enquiryEnd) : null,
          approvedOn: values.status === 'approved' ? orNull(values.approvedOn) : null,
          decreeRefFr: values.status === 'approved' ? orNull(values.decreeRefFr) : null,
          decreeRefAr: values.status === 'approved' ? orNull(values.decreeRefAr) : null,
        },
      });
      onPublished(t('imports.published', { slug: values.slug, version: result.version }));
    } catch (e) {
      if (e instanceof ApiProblem) {
        const fields = e.fieldErrors();
        setProblem({
          title: e.problem.title,
          fields,
          ...(e.problem.detail ? { detail: e.problem.detail } : {}),
        });
      }
    }
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('imports.publish')}</h3>
      {problem ? (
        <ErrorSummary title={problem.title} detail={problem.detail} errors={problem.fields} />
      ) : null}
      <TextField
        label={t('imports.slug')}
        hint={t('imports.slugHint')}
        name="slug"
        value={values.slug}
        onChange={set('slug')}
        className="ltr"
      />
      <SelectField label={t('imports.planKind')} name="kind" value={values.kind} onChange={set('kind')}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('imports.nameFr')}
        name="nameFr"
        lang="fr"
        dir="ltr"
        value={values.nameFr}
        onChange={set('nameFr')}
      />
      <TextField
        label={t('imports.nameAr')}
        name="nameAr"
        lang="ar"
        dir="rtl"
        value={values.nameAr}
        onChange={set('nameAr')}
      />
      <RadioGroup
        legend={t('imports.lifecycle')}
        name="status"
        value={values.status}
        onChange={(status) => setValues((v) => ({ ...v, status }))}
        options={(['in_study', 'public_enquiry', 'approved'] as const).map((s) => ({
          value: s,
          label: t(`states.${s}`),
        }))}
      />
      {values.status === 'public_enquiry' ? (
        <>
          <TextField
            label={t('imports.enquiryStart')}
            name="enquiryStart"
            type="date"
            value={values.enquiryStart}
            onChange={set('enquiryStart')}
          />
          <TextField
            label={t('imports.enquiryEnd')}
            name="enquiryEnd"
            type="date"
            value={values.enquiryEnd}
            onChange={set('enquiryEnd')}
          />
        </>
      ) : null}
      {values.status === 'approved' ? (
        <>
          <TextField
            label={t('imports.approvedOn')}
            name="approvedOn"
            type="date"
            value={values.approvedOn}
            onChange={set('approvedOn')}
          />
          <TextField
            label={t('imports.decreeFr')}
            name="decreeRefFr"
            lang="fr"
            dir="ltr"
            value={values.decreeRefFr}
            onChange={set('decreeRefFr')}
          />
          <TextField
            label={t('imports.decreeAr')}
            name="decreeRefAr"
            lang="ar"
            dir="rtl"
            value={values.decreeRefAr}
            onChange={set('decreeRefAr')}
          />
        </>
      ) : null}
      <button type="submit" className="button">
        {t('imports.publishSubmit')}
      </button>
    </form>
  );
}

function ImportReport({ id, onPublished }: { id: string; onPublished: (message: string) => void }) {
  const { t } = useTranslation('geoportal');
  const view = useQuery({
    queryKey: ['geo', 'import', id],
    queryFn: () => api.get<ImportView>(`/api/geo/imports/${id}`),
    refetchInterval: (q) => (q.state.data?.status === 'processing' ? 500 : false),
  });
  const v = view.data;
  if (!v) return <Loading />;
  const phase = v.progress.phase ?? 'queued';
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">
        {t('imports.report')} — <span className="ltr">{v.fileName}</span>
      </h2>
      <p role="status">
        <Tag
          tone={
            v.status === 'ready' || v.status === 'published'
              ? 'green'
              : v.status === 'processing'
                ? undefined
                : 'red'
          }
        >
          {t(`imports.status.${v.status}`)}
        </Tag>
        {v.status === 'processing' ? (
          <>
            {' '}
            {t(`imports.phases.${phase}`, { defaultValue: phase })} —{' '}
            {t('imports.progress', { done: v.progress.done ?? 0, total: v.progress.total ?? 0 })}{' '}
            <progress
              max={Math.max(1, v.progress.total ?? 0)}
              value={v.progress.done ?? 0}
              aria-label={t(`imports.phases.${phase}`, { defaultValue: phase })}
            />
          </>
        ) : null}
      </p>
      {v.report?.fileError ? (
        <Notice kind="error" title={t('imports.fileError')}>
          <p>
            {v.report.fileError.title ?? v.report.fileError.message}{' '}
            <span className="hint ltr">{v.report.fileError.code}</span>
          </p>
        </Notice>
      ) : null}
      {v.report?.layers.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('imports.layersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.name')}</th>
                <th scope="col">{t('imports.kind')}</th>
                <th scope="col">{t('imports.crsColumn')}</th>
                <th scope="col">{t('imports.features')}</th>
                <th scope="col">{t('imports.errors')}</th>
                <th scope="col">{t('imports.warnings')}</th>
                <th scope="col">{t('imports.mapping')}</th>
              </tr>
            </thead>
            <tbody>
              {v.report.layers.map((l) => (
                <tr key={l.name}>
                  <td className="ltr">{l.name}</td>
                  <td>{t(`layers.${l.kind}`, { defaultValue: l.kind })}</td>
                  <td>
                    {crsLabel(t, l.crs, l.crsName)}{' '}
                    <span className="hint ltr">
                      {l.crsSource} · {l.encoding}
                    </span>
                  </td>
                  <td>{l.featureCount}</td>
                  <td>{l.errors}</td>
                  <td>{l.warnings}</td>
                  <td className="ltr">
                    {Object.entries(l.mapping)
                      .map(([field, column]) => `${column} → ${field}`)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {v.status !== 'processing' ? <Issues id={v.id} /> : null}
      {v.status === 'ready' ? <PublishForm view={v} onPublished={onPublished} /> : null}
    </section>
  );
}

function StatusForm({ version, onDone }: { version: PlanVersionRow; onDone: () => void }) {
  const { t } = useTranslation('geoportal');
  const next: Record<string, string[]> = {
    in_study: ['public_enquiry', 'approved'],
    public_enquiry: ['approved', 'in_study'],
    approved: ['expired'],
  };
  const choices = next[version.status] ?? [];
  const [status, setStatus] = useState(choices[0] ?? '');
  const [date, setDate] = useState('');
  const [decree, setDecree] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!choices.length) return null;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const body: Record<string, string | null> = { status };
    if (status === 'public_enquiry') body.enquiryStart = date || null;
    if (status === 'approved') {
      body.approvedOn = date || null;
      body.decreeRefFr = decree || null;
    }
    if (status === 'expired' && date) body.effectsUntil = date;
    try {
      await api.post(`/api/geo/versions/${version.id}/status`, body);
      setError(null);
      onDone();
    } catch (e) {
      setError(e instanceof ApiProblem ? e.problem.title : String(e));
    }
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      <SelectField
        label={t('imports.newStatus')}
        name={`status-${version.id}`}
        value={status}
        onChange={(e) => setStatus(e.target.value)}
      >
        {choices.map((c) => (
          <option key={c} value={c}>
            {t(`states.${c}`)}
          </option>
        ))}
      </SelectField>
      {status !== 'in_study' ? (
        <TextField
          label={
            status === 'public_enquiry'
              ? t('imports.enquiryStart')
              : status === 'approved'
                ? t('imports.approvedOn')
                : t('imports.effectsUntil')
          }
          name={`date-${version.id}`}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      ) : null}
      {status === 'approved' ? (
        <TextField
          label={t('imports.decreeFr')}
          name={`decree-${version.id}`}
          value={decree}
          onChange={(e) => setDecree(e.target.value)}
        />
      ) : null}
      <button type="submit" className="button secondary">
        {t('imports.apply')}
      </button>
    </form>
  );
}

function PlansList() {
  const { t, i18n } = useTranslation('geoportal');
  const locale = i18n.language as Locale;
  const client = useQueryClient();
  const plans = useQuery({ queryKey: ['geo', 'plans'], queryFn: () => api.get<PlanRow[]>('/api/geo/plans') });
  if (!plans.data) return <Loading />;
  if (plans.data.length === 0) return <p>{t('imports.noPlans')}</p>;
  return (
    <>
      {plans.data.map((p) => (
        <section key={p.id} className="plan-admin" aria-labelledby={`plan-${p.id}`}>
          <h3 id={`plan-${p.id}`}>
            {locale === 'ar' ? p.nameAr : p.nameFr} <span className="hint ltr">{p.slug}</span>
          </h3>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('imports.plans')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports.version')}</th>
                  <th scope="col">{t('plans.status')}</th>
                  <th scope="col">{t('plans.decree')}</th>
                  <th scope="col">{t('imports.features')}</th>
                  <th scope="col">{t('imports.changeStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {p.versions.map((v, i) => (
                  <tr key={v.id}>
                    <td>{v.version}</td>
                    <td>
                      <Tag
                        tone={
                          v.status === 'approved'
                            ? 'green'
                            : v.status === 'public_enquiry'
                              ? 'amber'
                              : undefined
                        }
                      >
                        {t(`states.${v.status}`)}
                      </Tag>
                      {v.effectsUntil ? (
                        <span className="hint">
                          {t('plans.until', { date: formatDate(v.effectsUntil, locale) })}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      {v.decreeRefFr ?? '—'}
                      {v.approvedOn ? <span className="hint">{formatDate(v.approvedOn, locale)}</span> : null}
                    </td>
                    <td>{v.zones}</td>
                    <td>
                      {i === 0 ? (
                        <StatusForm
                          version={v}
                          onDone={() => void client.invalidateQueries({ queryKey: ['geo', 'plans'] })}
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}

export function ImportsPage() {
  const { t } = useTranslation('geoportal');
  const { t: tc } = useTranslation('common');
  const me = useSession().data?.user;
  const client = useQueryClient();
  const [current, setCurrent] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const recent = useQuery({
    queryKey: ['geo', 'imports'],
    queryFn: () => api.get<ImportView[]>('/api/geo/imports'),
    enabled: can(me, 'geo.manage'),
  });
  const crumbs = (
    <Breadcrumbs
      items={[
        { label: tc('nav.home'), to: '/' },
        { label: tc('nav.backOffice'), to: '/back-office' },
        { label: t('imports.title') },
      ]}
    />
  );
  if (!can(me, 'geo.manage'))
    return (
      <>
        {crumbs}
        <PageHeader title={t('imports.title')} lead={t('imports.forbidden')} />
      </>
    );
  return (
    <>
      {crumbs}
      <PageHeader title={t('imports.title')} lead={t('imports.lead')} />
      {message ? (
        <Notice kind="success" live>
          {message}
        </Notice>
      ) : null}
      <section aria-labelledby="upload-title">
        <h2 id="upload-title">{t('imports.upload')}</h2>
        <UploadForm
          onStarted={(id) => {
            setMessage(null);
            setCurrent(id);
            void client.invalidateQueries({ queryKey: ['geo', 'imports'] });
          }}
        />
      </section>
      {current ? (
        <ImportReport
          id={current}
          onPublished={(m) => {
            setMessage(m);
            setCurrent(null);
            void client.invalidateQueries({ queryKey: ['geo'] });
          }}
        />
      ) : null}
      <section aria-labelledby="plans-admin-title">
        <h2 id="plans-admin-title">{t('imports.plans')}</h2>
        <PlansList />
      </section>
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t('imports.recent')}</h2>
        {recent.data?.length ? (
          <ul className="plain-list">
            {recent.data.map((i) => (
              <li key={i.id}>
                <button type="button" className="link ltr" onClick={() => setCurrent(i.id)}>
                  {i.fileName}
                </button>{' '}
                <Tag
                  tone={
                    i.status === 'published' || i.status === 'ready'
                      ? 'green'
                      : i.status === 'processing'
                        ? undefined
                        : 'red'
                  }
                >
                  {t(`imports.status.${i.status}`)}
                </Tag>{' '}
                <span className="muted">
                  {i.agencyCode} · {new Date(i.createdAt).toLocaleString()}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('imports.noImports')}</p>
        )}
      </section>
    </>
  );
}

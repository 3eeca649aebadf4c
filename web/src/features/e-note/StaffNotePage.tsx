// A note under review, as staff see it: the parcel, the automatic draft, the corrections and
// observations (with reasons) and what they change, the fingerprint of the content that will be
// submitted and signed, the actions the caller's role allows, the history, the file's documents,
// messages and timeline.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiProblem, api } from '../../lib/api.ts';
import { formatDate, type Locale } from '../../lib/i18n.ts';
import {
  Breadcrumbs,
  Button,
  ErrorSummary,
  Loading,
  Notice,
  PageHeader,
  SelectField,
  SummaryList,
  TextField,
} from '../../ui/components.tsx';
import { ActionPanel } from '../cases/actions.tsx';
import { type CaseView, useCase } from '../cases/api.ts';
import { CaseStatus, Checklist, Messages, Timeline } from '../cases/components.tsx';
import { type Amendments, type Correction, type NoteContent, type StaffNote, useStaffNote } from './api.ts';
import { NoteContentTables } from './NoteContent.tsx';
import { ParcelMap, ParcelSummary } from './ParcelPicker.tsx';
import './i18n.ts';
import './e-note.css';

type ProblemView = { title: string; detail?: string | undefined; errors: Record<string, string> };
const toProblem = (error: unknown): ProblemView =>
  error instanceof ApiProblem
    ? { title: error.problem.title, detail: error.problem.detail, errors: error.fieldErrors() }
    : { title: String(error), errors: {} };

type Editable = { path: string; label: string; kind: 'number' | 'boolean'; current: unknown };

function editableFields(content: NoteContent, t: (k: string) => string, locale: Locale): Editable[] {
  const out: Editable[] = [];
  const name = (fr: string | null, ar: string | null) => (locale === 'ar' ? (ar ?? fr) : (fr ?? ar)) ?? '';
  content.zones.forEach((z, i) => {
    for (const key of ['cos', 'ces', 'maxFloorsAboveGround', 'maxHeightM'] as const)
      out.push({
        path: `/zones/${i}/rules/${key}`,
        label: `${t('review.zone')} ${z.zoneCode} — ${t(`review.fields.${key}`)}`,
        kind: 'number',
        current: z.rules[key],
      });
    out.push({
      path: `/zones/${i}/excluded`,
      label: `${t('review.zone')} ${z.zoneCode} — ${t('review.fields.excluded')}`,
      kind: 'boolean',
      current: z.excluded,
    });
  });
  for (const key of ['servitudes', 'reservations', 'alignments'] as const) {
    content[key].forEach((item, i) => {
      out.push({
        path: `/${key}/${i}/excluded`,
        label: `${t(`review.${key}`)} ${item.ref ?? ''} ${name(item.labelFr, item.labelAr)} — ${t('review.fields.excluded')}`,
        kind: 'boolean',
        current: item.excluded,
      });
    });
  }
  return out;
}

function AmendmentEditor({ note }: { note: StaffNote }) {
  const { t, i18n } = useTranslation('eNote');
  const locale = i18n.language as Locale;
  const client = useQueryClient();
  const automatic = note.automatic as NoteContent;
  const fields = useMemo(() => editableFields(automatic, t, locale), [automatic, t, locale]);
  const [amendments, setAmendments] = useState<Amendments>(note.amendments);
  const [path, setPath] = useState(fields[0]?.path ?? '');
  const [value, setValue] = useState('');
  const [flag, setFlag] = useState(true);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ProblemView | null>(null);
  const [done, setDone] = useState(false);
  const field = fields.find((f) => f.path === path);
  // What the server holds wins when it changes (a save, or someone else's edit).
  useEffect(() => {
    setAmendments(note.amendments);
  }, [note.amendments]);

  const addCorrection = () => {
    if (!field || reason.trim().length < 3) return;
    const parsed =
      field.kind === 'boolean' ? flag : value.trim() === '' ? null : Number(value.replace(',', '.'));
    const correction: Correction = { path, value: parsed, reason: reason.trim() };
    setAmendments((a) => ({
      ...a,
      corrections: [...a.corrections.filter((c) => c.path !== path), correction],
    }));
    setReason('');
    setValue('');
  };
  const save = async () => {
    setProblem(null);
    setDone(false);
    try {
      const saved = await api.put<StaffNote>(`/api/staff/e-note/cases/${note.caseId}/amendments`, {
        editVersion: note.editVersion,
        amendments,
      });
      client.setQueryData(['e-note', 'staff', note.caseId], saved);
      setDone(true);
    } catch (error) {
      setProblem(toProblem(error));
      if (error instanceof ApiProblem && error.problem.code === 'enote.stale_edit')
        await client.invalidateQueries({ queryKey: ['e-note', 'staff', note.caseId] });
    }
  };
  return (
    <section aria-labelledby="amend-title">
      <h2 id="amend-title">{t('review.correct')}</h2>
      {problem ? (
        <ErrorSummary title={problem.title} detail={problem.detail} errors={problem.errors} />
      ) : null}
      {done ? <Notice kind="success" title={t('review.savedOk')} live /> : null}
      <div className="form">
        <SelectField
          label={t('review.field')}
          name="correction_path"
          value={path}
          onChange={(e) => setPath(e.target.value)}
        >
          {fields.map((f) => (
            <option key={f.path} value={f.path}>
              {f.label}
            </option>
          ))}
        </SelectField>
        {field?.kind === 'boolean' ? (
          <div className="field">
            <div className="choice">
              <input
                id="field-correction_flag"
                type="checkbox"
                checked={flag}
                onChange={(e) => setFlag(e.target.checked)}
              />
              <label htmlFor="field-correction_flag">{t('review.fields.excluded')}</label>
            </div>
          </div>
        ) : (
          <TextField
            label={`${t('review.newValue')} (${t('review.before')} : ${field?.current ?? '—'})`}
            name="correction_value"
            inputMode="decimal"
            dir="ltr"
            className="narrow"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
        <TextField
          label={t('review.reason')}
          name="correction_reason"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button variant="secondary" onClick={addCorrection} disabled={reason.trim().length < 3}>
          {t('review.addCorrection')}
        </Button>
      </div>
      {amendments.corrections.length ? (
        <ul>
          {amendments.corrections.map((c) => (
            <li key={c.path}>
              {fields.find((f) => f.path === c.path)?.label ?? c.path} →{' '}
              <strong>{String(c.value ?? '—')}</strong> ({c.reason}){' '}
              <button
                type="button"
                className="link"
                onClick={() =>
                  setAmendments((a) => ({
                    ...a,
                    corrections: a.corrections.filter((x) => x.path !== c.path),
                  }))
                }
              >
                {t('review.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <h3>{t('review.observations')}</h3>
      {amendments.observations.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: observations are positional.
        <fieldset key={i} className="field">
          <legend>
            {t('review.observation')} {i + 1}
          </legend>
          <label htmlFor={`obs-fr-${i}`}>{t('review.observationFr')}</label>
          <textarea
            id={`obs-fr-${i}`}
            className="textarea"
            dir="ltr"
            lang="fr"
            rows={2}
            value={o.fr}
            onChange={(e) =>
              setAmendments((a) => ({
                ...a,
                observations: a.observations.map((x, j) => (j === i ? { ...x, fr: e.target.value } : x)),
              }))
            }
          />
          <label htmlFor={`obs-ar-${i}`}>{t('review.observationAr')}</label>
          <textarea
            id={`obs-ar-${i}`}
            className="textarea"
            dir="rtl"
            lang="ar"
            rows={2}
            value={o.ar}
            onChange={(e) =>
              setAmendments((a) => ({
                ...a,
                observations: a.observations.map((x, j) => (j === i ? { ...x, ar: e.target.value } : x)),
              }))
            }
          />
          <button
            type="button"
            className="link"
            onClick={() =>
              setAmendments((a) => ({ ...a, observations: a.observations.filter((_, j) => j !== i) }))
            }
          >
            {t('review.remove')}
          </button>
        </fieldset>
      ))}
      <div className="button-group">
        <Button
          variant="secondary"
          onClick={() =>
            setAmendments((a) => ({ ...a, observations: [...a.observations, { fr: '', ar: '' }] }))
          }
        >
          {t('review.addObservation')}
        </Button>
        <Button onClick={() => void save()}>{t('review.save')}</Button>
      </div>
    </section>
  );
}

function Diff({ note }: { note: StaffNote }) {
  const { t, i18n } = useTranslation('eNote');
  const locale = i18n.language as Locale;
  const automatic = note.automatic as NoteContent;
  const labels = useMemo(
    () => new Map(editableFields(automatic, t, locale).map((f) => [f.path, f.label])),
    [automatic, t, locale],
  );
  return (
    <section aria-labelledby="diff-title" className="enote-diff">
      <h2 id="diff-title">{t('review.diff')}</h2>
      {note.diff.length === 0 ? (
        <p>{t('review.noDiff')}</p>
      ) : (
        <ul>
          {note.diff.map((d) =>
            d.kind === 'correction' ? (
              <li key={d.path}>
                {labels.get(d.path) ?? d.path} : <del>{String(d.before ?? '—')}</del> →{' '}
                <ins>{String(d.after ?? '—')}</ins> <span className="muted">({d.reason})</span>
              </li>
            ) : (
              <li key={`obs-${d.index}`}>
                {t('review.observation')} : <ins>{locale === 'ar' ? d.ar || d.fr : d.fr || d.ar}</ins>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function Decide({ note, view }: { note: StaffNote; view: CaseView }) {
  const { t } = useTranslation('eNote');
  const client = useQueryClient();
  const [problem, setProblem] = useState<ProblemView | null>(null);
  const [pending, setPending] = useState(false);
  const can = (key: string) => view.actions.some((a) => a.key === key);
  const fire = async (transition: 'submit' | 'sign') => {
    setPending(true);
    setProblem(null);
    try {
      await api.post(`/api/cases/${view.id}/transitions/${transition}`, {
        version: view.version,
        input: { contentSha256: note.contentSha256 },
      });
      await client.invalidateQueries({ queryKey: ['case'] });
      await client.invalidateQueries({ queryKey: ['e-note'] });
    } catch (error) {
      setProblem(toProblem(error));
      await client.invalidateQueries({ queryKey: ['e-note', 'staff', note.caseId] });
    } finally {
      setPending(false);
    }
  };
  if (!can('submit') && !can('sign')) return null;
  return (
    <section aria-labelledby="decide-title">
      <h2 id="decide-title">{t('review.fingerprint')}</h2>
      {problem ? (
        <ErrorSummary title={problem.title} detail={problem.detail} errors={problem.errors} />
      ) : null}
      <p className="enote-hash">{note.contentSha256}</p>
      {can('sign') ? <p>{t('review.signHint', { sha: note.contentSha256?.slice(0, 12) ?? '' })}</p> : null}
      <div className="button-group">
        {can('submit') ? (
          <Button disabled={pending} onClick={() => void fire('submit')}>
            {t('review.submit')}
          </Button>
        ) : null}
        {can('sign') ? (
          <Button disabled={pending} onClick={() => void fire('sign')}>
            {t('review.sign')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

function Reissue({ note, view }: { note: StaffNote; view: CaseView }) {
  const { t } = useTranslation('eNote');
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [refresh, setRefresh] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [problem, setProblem] = useState<ProblemView | null>(null);
  if (view.state.key !== 'delivered' || !note.document) return null;
  return (
    <details>
      <summary>{t('review.reissue')}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setProblem(null);
          api
            .post<{ replacement: { number: string } }>(`/api/staff/e-note/cases/${note.caseId}/reissue`, {
              reason,
              refresh,
            })
            .then(async (r) => {
              setResult(r.replacement.number);
              await client.invalidateQueries({ queryKey: ['e-note'] });
            })
            .catch((error) => setProblem(toProblem(error)));
        }}
      >
        {problem ? (
          <ErrorSummary title={problem.title} detail={problem.detail} errors={problem.errors} />
        ) : null}
        {result ? <Notice kind="success" title={t('review.reissueDone', { number: result })} live /> : null}
        <TextField
          label={t('review.reissueReason')}
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <div className="field">
          <div className="choice">
            <input
              id="field-refresh"
              type="checkbox"
              checked={refresh}
              onChange={(e) => setRefresh(e.target.checked)}
            />
            <label htmlFor="field-refresh">{t('review.reissueRefresh')}</label>
          </div>
        </div>
        <Button type="submit" variant="warning" disabled={reason.trim().length < 5}>
          {t('review.reissue')}
        </Button>
      </form>
    </details>
  );
}

export function StaffNotePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('eNote');
  const { t: tc } = useTranslation('common');
  const locale = i18n.language as Locale;
  const view = useCase('staff', id);
  const note = useStaffNote(id);
  if (view.isPending || note.isPending) return <Loading />;
  if (!view.data || !note.data) {
    const error = view.error ?? note.error;
    const problem = error instanceof ApiProblem ? error.problem : undefined;
    return <PageHeader title={problem?.title ?? tc('errors.generic')} lead={tc('errors.notFoundText')} />;
  }
  const n = note.data;
  const v = view.data;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: tc('nav.backOffice'), to: '/back-office' },
          { label: t('staff.title'), to: '/back-office/e-note' },
          { label: v.reference ?? v.id },
        ]}
      />
      <PageHeader caption={<bdi className="ltr">{v.reference}</bdi>} title={t('review.title')} />
      <div className="layout-two enote-layout">
        <div>
          <CaseStatus view={v} />
          <section aria-labelledby="parcel-title" className="enote-parcel">
            <h2 id="parcel-title">{t('parcel.saved')}</h2>
            <ParcelSummary parcel={n.parcel} />
            <ParcelMap parcel={n.parcel.geometry} />
          </section>
          {n.content && n.automatic ? (
            <>
              <section aria-labelledby="content-title">
                <h2 id="content-title">{t('review.automatic')}</h2>
                {n.automaticAt ? (
                  <p className="muted">
                    {t('review.computedAt', {
                      date: formatDate(n.automaticAt, locale, { dateStyle: 'medium', timeStyle: 'short' }),
                      at: formatDate(n.automatic.at, locale),
                    })}
                  </p>
                ) : null}
                <NoteContentTables content={n.content} />
              </section>
              <Diff note={n} />
              {n.canAmend ? <AmendmentEditor note={n} /> : null}
              <Decide note={n} view={v} />
            </>
          ) : (
            <Loading label={t('review.notReady')} />
          )}
          <ActionPanel view={v} exclude={['submit', 'sign']} />
          <Reissue note={n} view={v} />
          {n.document ? (
            <section aria-labelledby="document-title">
              <h2 id="document-title">{t('review.document')}</h2>
              <p>
                <bdi className="ltr">{n.document.number}</bdi> —{' '}
                {n.document.ready ? (
                  <a href={n.document.downloadUrl}>{t('note.download')}</a>
                ) : (
                  t('note.pending')
                )}{' '}
                · <Link to={`/verify/${n.document.verificationCode}`}>{n.document.verificationCode}</Link>
              </p>
            </section>
          ) : null}
          <Checklist view={v} side="staff" />
          <Messages view={v} side="staff" />
          <Timeline view={v} />
        </div>
        <aside className="aside">
          <section aria-labelledby="history-title">
            <h2 id="history-title">{t('review.history')}</h2>
            {n.review ? (
              <p>
                {t('review.reviewedBy', {
                  name: n.review.by ?? '',
                  date: formatDate(n.review.at ?? '', locale),
                })}
              </p>
            ) : null}
            <SummaryList
              rows={n.revisions.map((r) => ({
                key: (
                  <>
                    {t(`review.historyKinds.${r.kind}`)}{' '}
                    <span className="muted">
                      {formatDate(r.at, locale, { dateStyle: 'short', timeStyle: 'short' })}
                    </span>
                  </>
                ),
                value: (
                  <>
                    {r.actorName ?? ''} <span className="enote-hash">{r.contentSha256.slice(0, 12)}…</span>
                  </>
                ),
              }))}
            />
          </section>
        </aside>
      </div>
    </>
  );
}

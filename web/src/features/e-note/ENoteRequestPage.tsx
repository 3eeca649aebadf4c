// One note request. As a draft: the land reference (checked as typed), the parcel, the applicant's
// capacity and purpose, the documents, the fee and the deposit — saved as the person goes. Once
// filed: where it stands and its legal clock, the payment, the progress of the note, the signed PDF,
// the documents issued, requests and messages.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiProblem, api } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import {
  Breadcrumbs,
  Button,
  ErrorSummary,
  Loading,
  Notice,
  PageHeader,
  RadioGroup,
  TextField,
} from '../../ui/components.tsx';
import { ActionPanel } from '../cases/actions.tsx';
import { type CaseView, tr, useCase, useProcedure } from '../cases/api.ts';
import { CaseStatus, Checklist, Messages, Timeline, useLocale } from '../cases/components.tsx';
import { estimateFee, useCaseDocuments, useCaseOrders } from '../payments/api.ts';
import { DocumentLinks, FeeLines, OrderStatusTag, PayPanel } from '../payments/components.tsx';
import { checkTitle, type ParcelView, type TitleCheck, useApplicantNote } from './api.ts';
import { ParcelMap, ParcelPicker, ParcelSummary } from './ParcelPicker.tsx';
import './i18n.ts';
import './e-note.css';

type LandStatus = 'titled' | 'requisition' | 'unregistered';

const STEPS = ['deposited', 'paid', 'drafted', 'reviewed', 'signed'] as const;
const REACHED: Record<string, number> = {
  awaiting_payment: 1,
  paid: 2,
  review: 3,
  awaiting_pieces: 3,
  signature: 4,
  delivered: 5,
  rejected: 3,
};

function Progress({ view }: { view: CaseView }) {
  const { t } = useTranslation('eNote');
  const reached = REACHED[view.state.key] ?? 0;
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">{t('progress.title')}</h2>
      <ol className="enote-progress">
        {STEPS.map((step, i) => (
          <li key={step} className={i < reached ? 'done' : i === reached ? 'current' : ''}>
            <span aria-hidden="true">{i < reached ? '✓' : i + 1}</span> {t(`progress.${step}`)}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The checklist without the conditional items that do not apply to this request. */
const applicable = (view: CaseView): CaseView => ({
  ...view,
  checklist: view.checklist.filter(
    (i) => i.required || i.requirement !== 'conditional' || i.documents.length > 0,
  ),
});

/** The draft: land reference, parcel, capacity, documents, fee, deposit. */
function DraftRequest({ view, parcel }: { view: CaseView; parcel: ParcelView | null }) {
  const { t } = useTranslation('eNote');
  const { t: tc } = useTranslation('cases');
  const locale = useLocale();
  const client = useQueryClient();
  const [data, setData] = useState<Record<string, unknown>>(view.data);
  const [status, setStatus] = useState<'saved' | 'saving' | 'failed'>('saved');
  const [title, setTitle] = useState<{
    check?: TitleCheck;
    problem?: { title: string; detail?: string | undefined };
  }>({});
  const [saved, setSaved] = useState<ParcelView | null>(parcel);
  const [problem, setProblem] = useState<{
    title: string;
    detail?: string | undefined;
    errors: Record<string, string>;
  } | null>(null);
  const [pending, setPending] = useState(false);
  const version = useRef(view.version);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saving = useRef<Promise<void> | null>(null);
  useEffect(() => {
    version.current = Math.max(version.current, view.version);
  }, [view.version]);

  const save = (next: Record<string, unknown>) => {
    setStatus('saving');
    const run = (async () => {
      try {
        const result = await api.put<CaseView>(`/api/cases/${view.id}/draft`, {
          version: version.current,
          data: next,
        });
        version.current = result.version;
        client.setQueryData(['case', 'applicant', view.id], result);
        setStatus('saved');
      } catch (err) {
        setStatus('failed');
        if (err instanceof ApiProblem && err.problem.code === 'case.stale_version')
          await client.invalidateQueries({ queryKey: ['case'] });
      }
    })();
    saving.current = run;
    return run;
  };
  const change = (key: string, value: unknown) => {
    const next = { ...data, [key]: value };
    if (value === '' || value === false) delete next[key];
    setData(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(next), 500);
  };
  const fee = useQuery({
    queryKey: ['fee', 'urban_note', view.agency?.code],
    queryFn: () => estimateFee({ agencyCode: view.agency?.code ?? '', service: 'urban_note', data: {} }),
    enabled: Boolean(view.agency),
  });
  const procedure = useProcedure('NRU');
  const field = (key: string) => procedure.data?.fields.find((f) => f.key === key);
  const landStatus = (data.land_status as LandStatus | undefined) ?? 'titled';
  const landTitle = typeof data.land_title === 'string' ? data.land_title : '';

  const check = async () => {
    if (!view.agency) return;
    try {
      const found = await checkTitle(view.agency.code, landTitle);
      setTitle({ check: found });
      const kind = found.title.kind === 'requisition' ? 'requisition' : 'titled';
      if (kind !== landStatus) change('land_status', kind);
    } catch (error) {
      setTitle({
        problem:
          error instanceof ApiProblem
            ? { title: error.problem.title, detail: error.problem.detail }
            : { title: String(error) },
      });
    }
  };

  const deposit = async () => {
    setPending(true);
    setProblem(null);
    try {
      clearTimeout(timer.current);
      await save(data);
      await saving.current;
      await api.post(`/api/cases/${view.id}/transitions/deposit`, { version: version.current, input: {} });
      await client.invalidateQueries({ queryKey: ['case'] });
      await client.invalidateQueries({ queryKey: ['e-note', view.id] });
    } catch (error) {
      if (error instanceof ApiProblem) {
        const errors: Record<string, string> = {};
        for (const f of error.problem.errors ?? []) {
          const key = f.pointer.replace(/^\/(data|checklist)\//, '').split('/')[0] ?? '_';
          errors[key] ??= f.detail;
        }
        setProblem({ title: error.problem.title, detail: error.problem.detail, errors });
      } else setProblem({ title: String(error), errors: {} });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <p className="muted">{t('draftLead')}</p>
      <p role="status" className="save-status">
        {status === 'saving' ? t('saving') : status === 'failed' ? tc('saveFailed') : t('saved')}
      </p>
      {problem ? (
        <ErrorSummary title={problem.title} detail={problem.detail} errors={problem.errors} />
      ) : null}

      <section aria-labelledby="land-title">
        <h2 id="land-title">{t('land.title')}</h2>
        <RadioGroup<LandStatus>
          legend={tr(locale, field('land_status')?.label) || t('land.status')}
          name="land_status"
          value={landStatus}
          onChange={(v) => change('land_status', v)}
          options={(field('land_status')?.options ?? []).map((o) => ({
            value: o.value as LandStatus,
            label: tr(locale, o.label),
          }))}
        />
        {landStatus !== 'unregistered' ? (
          <div className="search-row enote-title-row">
            <TextField
              label={t('land.number')}
              hint={t('land.numberHint')}
              name="land_title"
              dir="ltr"
              autoComplete="off"
              maxLength={60}
              value={landTitle}
              error={problem?.errors.land_title}
              onChange={(e) => {
                change('land_title', e.target.value);
                setTitle({});
              }}
            />
            <Button variant="secondary" onClick={() => void check()} disabled={!landTitle.trim()}>
              {t('land.check')}
            </Button>
          </div>
        ) : null}
        <div aria-live="polite">
          {title.problem ? (
            <Notice kind="error" title={title.problem.title}>
              {title.problem.detail ? <p>{title.problem.detail}</p> : null}
            </Notice>
          ) : null}
          {title.check ? (
            <Notice kind={title.check.hits.length ? 'success' : 'info'}>
              <p>
                {t('land.recognised', {
                  reference:
                    locale === 'ar'
                      ? title.check.title.ar.replace(
                          title.check.title.number,
                          `\u2066${title.check.title.number}\u2069`,
                        )
                      : title.check.title.fr,
                })}
              </p>
              <p>
                {title.check.hits.length
                  ? t('land.inRegister', { area: title.check.hits[0]?.areaM2 ?? '—' })
                  : t('land.notInRegister')}
              </p>
            </Notice>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="parcel-title">
        <h2 id="parcel-title">{t('parcel.title')}</h2>
        <ParcelPicker
          caseId={view.id}
          landTitle={landStatus === 'unregistered' ? '' : landTitle}
          parcel={saved}
          onSaved={setSaved}
        />
      </section>

      <section aria-labelledby="you-title">
        <h2 id="you-title">{t('you.title')}</h2>
        <div className="field">
          <div className="choice">
            <input
              id="field-third_party"
              type="checkbox"
              checked={data.third_party === true}
              onChange={(e) => change('third_party', e.target.checked)}
            />
            <label htmlFor="field-third_party">{tr(locale, field('third_party')?.label)}</label>
          </div>
        </div>
        <div className="field">
          <label htmlFor="field-purpose">{tr(locale, field('purpose')?.label)}</label>
          {field('purpose')?.hint ? <span className="hint">{tr(locale, field('purpose')?.hint)}</span> : null}
          <textarea
            id="field-purpose"
            className="textarea"
            rows={3}
            maxLength={1000}
            value={typeof data.purpose === 'string' ? data.purpose : ''}
            onChange={(e) => change('purpose', e.target.value)}
          />
        </div>
      </section>

      <Checklist view={applicable(view)} side="applicant" />

      <section aria-labelledby="fee-title">
        <h2 id="fee-title">{t('fee.title')}</h2>
        {fee.data ? (
          <FeeLines
            lines={fee.data.lines}
            totalCentimes={fee.data.amountCentimes}
            caption={t('fee.amount')}
          />
        ) : (
          <Loading />
        )}
        <p className="muted">{t('fee.after')}</p>
        <Button onClick={() => void deposit()} disabled={pending}>
          {pending ? t('depositing') : t('deposit')}
        </Button>
      </section>
    </>
  );
}

const systemAtWork = (view: CaseView) => ['paid', 'signature'].includes(view.state.key);

function Filed({ view }: { view: CaseView }) {
  const { t } = useTranslation('eNote');
  const locale = useLocale();
  const note = useApplicantNote(view.id, systemAtWork(view));
  const orders = useCaseOrders(view.id);
  const documents = useCaseDocuments(view.id);
  const noteDocument = documents.data?.find((d) => d.type === 'information_note' && d.status === 'valid');
  return (
    <>
      <CaseStatus view={view} />
      <Progress view={view} />
      {view.state.key === 'awaiting_payment' || orders.data?.some((o) => o.status !== 'pending') ? (
        <section aria-labelledby="payment-title">
          <h2 id="payment-title">{t('payment')}</h2>
          {orders.data?.map((o) => (
            <div key={o.id}>
              <p>
                <bdi className="ltr">{o.number}</bdi> <OrderStatusTag status={o.status} />
              </p>
              {o.status === 'pending' ? <PayPanel order={o} /> : null}
            </div>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="note-title">
        <h2 id="note-title">{t('note.title')}</h2>
        {noteDocument ? (
          <DocumentLinks
            document={noteDocument}
            downloadLabel={t('note.download')}
            pendingLabel={t('note.pending')}
          />
        ) : view.state.key === 'delivered' ? (
          <Loading label={t('note.pending')} />
        ) : (
          <p className="muted">{t('note.notYet')}</p>
        )}
      </section>
      {note.data?.parcel ? (
        <section aria-labelledby="parcel-title">
          <h2 id="parcel-title">{t('parcel.saved')}</h2>
          <ParcelSummary parcel={note.data.parcel} />
          <ParcelMap parcel={note.data.parcel.geometry} />
        </section>
      ) : null}
      <ActionPanel view={view} exclude={['deposit']} />
      <Checklist view={applicable(view)} side="applicant" />
      <section aria-labelledby="issued-title">
        <h2 id="issued-title">{t('issued')}</h2>
        <ul className="link-list">
          {documents.data?.map((d) => (
            <li key={d.id}>
              <strong>{tr(locale, d.title)}</strong>{' '}
              <span className="muted">{formatDate(d.issuedAt, locale)}</span>
              <DocumentLinks document={d} />
            </li>
          ))}
        </ul>
      </section>
      <Messages view={view} side="applicant" />
      <Timeline view={view} />
    </>
  );
}

export function ENoteRequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('eNote');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  // Paid: the draft is being computed; signed: the PDF is being produced. The page follows by itself.
  const query = useCase('applicant', id, systemAtWork);
  const note = useApplicantNote(id, false);
  if (query.isPending || note.isPending) return <Loading />;
  if (!query.data) {
    const problem = query.error instanceof ApiProblem ? query.error.problem : undefined;
    return <PageHeader title={problem?.title ?? tc('errors.generic')} lead={tc('errors.notFoundText')} />;
  }
  const view = query.data;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: tc('nav.home'), to: '/' },
          { label: t('title'), to: '/e-note' },
          { label: view.reference ?? t('caseTitle') },
        ]}
      />
      <PageHeader
        caption={view.agency ? (locale === 'ar' ? view.agency.nameAr : view.agency.nameFr) : undefined}
        title={t('caseTitle')}
        lead={view.reference ? <bdi className="ltr">{view.reference}</bdi> : undefined}
      />
      {view.state.phase === 'draft' ? (
        <DraftRequest key={view.id} view={view} parcel={note.data?.parcel ?? null} />
      ) : (
        <Filed view={view} />
      )}
    </>
  );
}

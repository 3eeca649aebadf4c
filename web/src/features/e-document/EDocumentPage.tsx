// The e-document service: order a certified regulation extract or an approved plan print, see the fee
// before anything is paid, confirm (the case is deposited and its payment order created), then pay.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiProblem, api } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import {
  Breadcrumbs,
  Button,
  ErrorSummary,
  Loading,
  Notice,
  PageHeader,
  RadioGroup,
  SelectField,
  TextField,
} from '../../ui/components.tsx';
import { useAgencies } from '../agencies/api.ts';
import { estimateFee } from '../payments/api.ts';
import { FeeLines, useLocale } from '../payments/components.tsx';
import './i18n.ts';

type Kind = 'regulation_extract' | 'plan_print';
type Requester = 'individual' | 'professional' | 'public_body';

/** Field errors of a problem, keyed by case field (`/data/copies` → `copies`). */
const errorsByField = (problem: ApiProblem): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const e of problem.problem.errors ?? []) {
    const parts = e.pointer.split('/').filter(Boolean);
    const key = parts[0] === 'data' || parts[0] === 'checklist' ? (parts[1] ?? parts[0]) : (parts[0] ?? '_');
    out[key] ??= e.detail;
  }
  return out;
};

export function EDocumentPage() {
  const { t } = useTranslation('eDocument');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const navigate = useNavigate();
  const session = useSession();
  const agencies = useAgencies();
  const [agency, setAgency] = useState('AUST');
  const [kind, setKind] = useState<Kind>('regulation_extract');
  const [planReference, setPlanReference] = useState('');
  const [landTitle, setLandTitle] = useState('');
  const [copies, setCopies] = useState('1');
  const [requester, setRequester] = useState<Requester>('individual');
  const [purpose, setPurpose] = useState('');
  const [letter, setLetter] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ title: string; detail?: string | undefined } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const copiesNumber = Number(copies);
  const data: Record<string, unknown> = {
    document_kind: kind,
    plan_reference: planReference.trim(),
    copies: Number.isInteger(copiesNumber) ? copiesNumber : copies,
    requester_kind: requester,
    ...(landTitle.trim() ? { land_title: landTitle.trim() } : {}),
    ...(purpose.trim() ? { purpose: purpose.trim() } : {}),
  };
  const fee = useQuery({
    queryKey: ['fee', 'e_document', agency, kind, copies, requester],
    queryFn: () => estimateFee({ agencyCode: agency, service: 'e_document', data }),
    enabled: Boolean(agency) && Number.isInteger(copiesNumber) && copiesNumber >= 1 && copiesNumber <= 10,
    retry: false,
  });
  const signedIn = Boolean(session.data?.user);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setProblem(null);
    setFieldErrors({});
    try {
      if (!Number.isInteger(copiesNumber) || copiesNumber < 1 || copiesNumber > 10) {
        setFieldErrors({ copies: t('copiesHint') });
        setProblem({ title: '' });
        return;
      }
      const created = await api.post<{ id: string; version: number }>('/api/cases', {
        procedure: 'EDOC',
        agencyCode: agency,
        data,
      });
      if (requester === 'public_body' && letter) {
        const form = new FormData();
        form.append('checklistCode', 'public_body_letter');
        form.append('file', letter, letter.name);
        await api.post(`/api/cases/${created.id}/documents`, form);
      }
      await api.post(`/api/cases/${created.id}/transitions/deposit`, { version: created.version, input: {} });
      navigate(`/e-document/${created.id}`);
    } catch (error) {
      if (error instanceof ApiProblem) {
        const fields = errorsByField(error);
        setFieldErrors(fields);
        const byField = error.problem.code === 'request.invalid' && Object.keys(fields).length > 0;
        setProblem({ title: byField ? '' : error.problem.title, detail: error.problem.detail });
      } else setProblem({ title: String((error as Error).message) });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Breadcrumbs items={[{ label: tc('nav.home'), to: '/' }, { label: t('title') }]} />
      {problem ? <ErrorSummary title={problem.title} detail={problem.detail} errors={fieldErrors} /> : null}
      <PageHeader title={t('title')} lead={t('lead')} />
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('steps.title')}</h2>
        <ol>
          <li>{t('steps.one')}</li>
          <li>{t('steps.two')}</li>
          <li>{t('steps.three')}</li>
          <li>{t('steps.four')}</li>
        </ol>
      </section>
      <form className="form" onSubmit={submit} noValidate aria-labelledby="order-title">
        <h2 id="order-title">{t('formTitle')}</h2>
        <SelectField
          label={t('agency')}
          hint={t('agencyHint')}
          name="agencyCode"
          value={agency}
          onChange={(e) => setAgency(e.target.value)}
          error={fieldErrors.agencyCode}
        >
          {(agencies.data ?? []).map((a) => (
            <option key={a.code} value={a.code}>
              {locale === 'ar' ? a.nameAr : a.nameFr}
            </option>
          ))}
        </SelectField>
        <RadioGroup<Kind>
          legend={t('kind')}
          name="document_kind"
          value={kind}
          onChange={setKind}
          error={fieldErrors.document_kind}
          options={[
            { value: 'regulation_extract', label: t('kinds.regulation_extract') },
            { value: 'plan_print', label: t('kinds.plan_print') },
          ]}
        />
        <TextField
          label={t('planReference')}
          hint={t('planReferenceHint')}
          name="plan_reference"
          maxLength={200}
          value={planReference}
          onChange={(e) => setPlanReference(e.target.value)}
          error={fieldErrors.plan_reference}
        />
        <TextField
          label={t('landTitle')}
          name="land_title"
          dir="ltr"
          className="narrow"
          maxLength={40}
          value={landTitle}
          onChange={(e) => setLandTitle(e.target.value)}
          error={fieldErrors.land_title}
        />
        <TextField
          label={t('copies')}
          hint={t('copiesHint')}
          name="copies"
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          dir="ltr"
          className="narrow"
          value={copies}
          onChange={(e) => setCopies(e.target.value)}
          error={fieldErrors.copies}
        />
        <RadioGroup<Requester>
          legend={t('requester')}
          name="requester_kind"
          value={requester}
          onChange={setRequester}
          error={fieldErrors.requester_kind}
          options={[
            { value: 'individual', label: t('requesters.individual') },
            { value: 'professional', label: t('requesters.professional') },
            { value: 'public_body', label: t('requesters.public_body') },
          ]}
        />
        {requester === 'public_body' ? (
          <div className={`field ${fieldErrors.public_body_letter ? 'has-error' : ''}`}>
            <label htmlFor="field-public_body_letter">{t('letter')}</label>
            <span className="hint" id="field-public_body_letter-hint">
              {t('letterHint')}
            </span>
            {fieldErrors.public_body_letter ? (
              <span className="error-message">{fieldErrors.public_body_letter}</span>
            ) : null}
            <input
              id="field-public_body_letter"
              type="file"
              accept="application/pdf"
              aria-describedby="field-public_body_letter-hint"
              onChange={(e) => setLetter(e.target.files?.[0] ?? null)}
            />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="field-purpose">{t('purpose')}</label>
          <textarea
            id="field-purpose"
            name="purpose"
            className="textarea"
            rows={3}
            maxLength={1000}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
          />
        </div>

        <section aria-labelledby="fee-title" aria-live="polite">
          <h2 id="fee-title">{t('feeTitle')}</h2>
          {fee.isFetching && !fee.data ? <Loading /> : null}
          {fee.data ? (
            fee.data.amountCentimes === 0 ? (
              <Notice kind="success">{t('feeExempt')}</Notice>
            ) : (
              <FeeLines lines={fee.data.lines} totalCentimes={fee.data.amountCentimes} />
            )
          ) : !fee.isFetching ? (
            <p className="muted">{t('feeIncomplete')}</p>
          ) : null}
        </section>

        {signedIn ? (
          <Button type="submit" disabled={pending}>
            {pending ? t('submitting') : t('submit')}
          </Button>
        ) : (
          <Notice kind="info">
            <p>{t('signInToOrder')}</p>
            <p>
              <Link to={`/sign-in?next=${encodeURIComponent('/e-document')}`}>{t('signIn')}</Link>
            </p>
          </Notice>
        )}
      </form>
    </>
  );
}

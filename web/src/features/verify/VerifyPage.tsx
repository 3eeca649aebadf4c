// The public verification page (/verify/<code>, the QR codes' target): what the platform issued under
// the code — type, number, issuer, date, status, SHA-256, signers — and a drop zone to check that a
// PDF is byte for byte the issued file.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiProblem } from '../../lib/api.ts';
import { formatDate, formatNumber, type Locale } from '../../lib/i18n.ts';
import {
  Breadcrumbs,
  Button,
  Loading,
  Notice,
  PageHeader,
  SummaryList,
  Tag,
  TextField,
} from '../../ui/components.tsx';
import {
  type FileVerification,
  normalizeCode,
  titleIn,
  useVerification,
  type Verification,
  verifyFile,
} from './api.ts';
import './i18n.ts';
import './verify.css';

const STATUS_TONE = { valid: 'green', revoked: 'red', superseded: 'amber', pending: undefined } as const;
const NOTICE_KIND = { valid: 'success', revoked: 'error', superseded: 'warning', pending: 'info' } as const;

const dateOnly = (iso: string, locale: Locale) =>
  formatDate(iso, locale, { dateStyle: 'long', timeZone: 'UTC' });
const dateTime = (iso: string, locale: Locale) =>
  formatDate(iso, locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Africa/Casablanca' });

function CodeForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation('verify');
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim()) navigate(`/verify/${encodeURIComponent(normalizeCode(value))}`);
      }}
      noValidate
    >
      <TextField
        label={t('codeLabel')}
        hint={t('codeHint')}
        name="code"
        dir="ltr"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        className="narrow-code"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <Button type="submit">{t('submit')}</Button>
    </form>
  );
}

/** A file input that also takes a dropped file; the answer is announced in a live region. */
export function FileCheck({ code, expected }: { code?: string; expected?: Verification }) {
  const { t } = useTranslation('verify');
  const { i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<FileVerification | null>(null);
  const [problem, setProblem] = useState<{ title: string; detail?: string | undefined } | null>(null);
  const [dragging, setDragging] = useState(false);

  const check = async (file: File | undefined) => {
    if (!file) return;
    setPending(true);
    setResult(null);
    setProblem(null);
    try {
      setResult(await verifyFile(file, code));
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

  const kind = result?.result === 'match' ? 'success' : result?.result === 'mismatch' ? 'error' : 'warning';
  const other =
    result?.result === 'match' && expected && result.document && result.document.code !== expected.code
      ? result.document
      : null;
  return (
    <section aria-labelledby="file-check-title">
      <h2 id="file-check-title">{t('fileTitle')}</h2>
      <p>{t('fileLead')}</p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target wraps a real file input. */}
      <div
        className={`dropzone ${dragging ? 'dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void check(e.dataTransfer.files[0]);
        }}
      >
        <label htmlFor="verify-file" className="dropzone-label">
          {t('fileLabel')}
        </label>
        <span className="hint" id="verify-file-hint">
          {t('fileHint')}
        </span>
        <input
          id="verify-file"
          name="file"
          type="file"
          accept="application/pdf,.pdf"
          aria-describedby="verify-file-hint"
          onChange={(e) => void check(e.target.files?.[0])}
        />
        <span className="muted">{t('drop')}</span>
      </div>
      <div aria-live="polite">
        {pending ? <Loading label={t('checking')} /> : null}
        {problem ? (
          <Notice kind="error" title={problem.title}>
            {problem.detail ? <p>{problem.detail}</p> : null}
          </Notice>
        ) : null}
        {result ? (
          <Notice kind={kind} title={t(`result.${result.result}`)}>
            <p>
              {t(`resultText.${result.result}`, { number: result.document?.number ?? '' })}
              {other ? ` ${t('matchOther', { number: other.number })}` : ''}
            </p>
            {other ? (
              <p>
                <Link to={`/verify/${other.code}`}>{other.number}</Link>
              </p>
            ) : null}
            <p className="muted">
              {t('fileSha')} : <code className="hash">{result.sha256}</code>
            </p>
            {result.document && result.result !== 'unknown' && result.document.status !== 'valid' ? (
              <p>
                <Tag tone={STATUS_TONE[result.document.status]}>{t(`status.${result.document.status}`)}</Tag>
              </p>
            ) : null}
            {result.document && !expected ? (
              <p>
                <Link to={`/verify/${result.document.code}`}>
                  {titleIn(locale, result.document.title)} — {result.document.number}
                </Link>
              </p>
            ) : null}
          </Notice>
        ) : null}
      </div>
    </section>
  );
}

function VerificationDetails({ v }: { v: Verification }) {
  const { t } = useTranslation('verify');
  const { i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const agency = locale === 'ar' ? v.agency.nameAr : v.agency.nameFr;
  const changedAt = v.revocation?.at ?? v.supersession?.at ?? null;
  return (
    <>
      {v.specimen ? (
        <p>
          <Tag tone="red">{t('specimen')}</Tag>
        </p>
      ) : null}
      <Notice kind={NOTICE_KIND[v.status]} title={t(`status.${v.status}`)}>
        <p>
          {t(`statusText.${v.status}`, {
            agency,
            date: changedAt ? dateTime(changedAt, locale) : '',
            number: v.supersededBy?.number ?? '',
          })}
        </p>
        {v.revocation ? <p>{t('reason', { reason: v.revocation.reason })}</p> : null}
        {v.supersession ? <p>{t('reason', { reason: v.supersession.reason })}</p> : null}
        {v.supersededBy ? (
          <p>
            <Link to={`/verify/${v.supersededBy.code}`}>{t('seeReplacement')}</Link>
          </p>
        ) : null}
      </Notice>
      <SummaryList
        rows={[
          { key: t('fields.type'), value: titleIn(locale, v.title) },
          { key: t('fields.number'), value: <span className="ltr">{v.number}</span> },
          { key: t('fields.issuer'), value: agency },
          { key: t('fields.issuedOn'), value: dateOnly(v.issuedOn, locale) },
          {
            key: t('fields.status'),
            value: <Tag tone={STATUS_TONE[v.status]}>{t(`status.${v.status}`)}</Tag>,
          },
          ...(v.supersedes
            ? [
                {
                  key: t('fields.replaces'),
                  value: (
                    <Link to={`/verify/${v.supersedes.code}`} className="ltr">
                      {v.supersedes.number}
                    </Link>
                  ),
                },
              ]
            : []),
          ...(v.sha256
            ? [
                { key: t('fields.sha256'), value: <code className="hash">{v.sha256}</code> },
                {
                  key: t('fields.size'),
                  value: t('bytes', {
                    count: v.sizeBytes ?? 0,
                    formatted: formatNumber(v.sizeBytes ?? 0, locale),
                  }),
                },
              ]
            : []),
        ]}
      />
      {v.signers.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('signersTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('signer')}</th>
                <th scope="col">{t('role')}</th>
                <th scope="col">{t('serial')}</th>
                <th scope="col">{t('signedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {v.signers.map((s) => (
                <tr key={s.serialNumber + s.role}>
                  <td>{s.role === 'seal' ? agency : s.name}</td>
                  <td>{t(`roles.${s.role}`, { defaultValue: s.role })}</td>
                  <td>
                    <code className="hash">{s.serialNumber}</code>
                  </td>
                  <td>{dateTime(s.signedAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

function TrustAnchor() {
  const { t } = useTranslation('verify');
  return (
    <section aria-labelledby="trust-title">
      <h2 id="trust-title">{t('trustTitle')}</h2>
      <p>{t('trustText')}</p>
      <p>
        <a href="/api/documents/trust-anchor.pem" download>
          {t('trustLink')}
        </a>
      </p>
    </section>
  );
}

export function VerifyPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('verify');
  const { t: tc } = useTranslation('common');
  const locale = useTranslation().i18n.language as Locale;
  const verification = useVerification(code);
  const crumbs = [
    { label: tc('nav.home'), to: '/' },
    { label: t('breadcrumb'), ...(code ? { to: '/verify' } : {}) },
  ];

  if (!code) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={t('title')} lead={t('lead')} />
        <CodeForm />
        <FileCheck />
        <TrustAnchor />
      </>
    );
  }
  const normalized = normalizeCode(code);
  if (verification.isPending) return <Loading />;
  if (verification.error || !verification.data) {
    const problem = verification.error instanceof ApiProblem ? verification.error.problem : undefined;
    return (
      <>
        <Breadcrumbs items={[...crumbs, { label: normalized }]} />
        <PageHeader title={t('title')} />
        <Notice kind="error" title={problem?.title ?? tc('errors.generic')}>
          {problem?.detail ? <p>{problem.detail}</p> : null}
        </Notice>
        <CodeForm initial={normalized} />
        <FileCheck />
      </>
    );
  }
  const v = verification.data;
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: v.code }]} />
      <PageHeader
        caption={t('resultCaption', { code: v.code })}
        title={`${titleIn(locale, v.title)} — ${v.number}`}
      />
      <VerificationDetails v={v} />
      {v.status !== 'pending' ? <FileCheck code={v.code} expected={v} /> : null}
      <TrustAnchor />
      <p>
        <Link to="/verify">{t('otherCode')}</Link>
      </p>
    </>
  );
}

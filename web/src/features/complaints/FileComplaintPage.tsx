// Filing a complaint, mobile-first, on one page: the agency and the category (with its extra
// questions), what happened, where (an address, typed coordinates, or a point on the map), photos and
// documents, and how to hear back. Visitors without an account confirm an e-mail address or a phone
// number with a code; they then get a private tracking link. Nothing typed is lost on an error.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiProblem, api } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import { useSession } from '../../lib/session.ts';
import {
  Breadcrumbs,
  Button,
  ButtonLink,
  ErrorSummary,
  Loading,
  Notice,
  PageHeader,
  RadioGroup,
  SelectField,
  TextField,
} from '../../ui/components.tsx';
import { nameIn, useAgencies } from '../agencies/api.ts';
import {
  ACCEPT,
  type Category,
  fileComplaint,
  MAX_BYTES,
  MAX_FILES,
  type Point,
  tr,
  useCategories,
} from './api.ts';
import { megabytes, QuestionField, TextArea, useLocale } from './components.tsx';
import { LocalProblem, useSubmit } from './use-submit.ts';
import './complaints.css';
import './i18n.ts';

const PointPicker = lazy(() => import('./PointPicker.tsx'));
const TYPES = ACCEPT.split(',');

type Filed = {
  id: string;
  reference: string;
  deadline: string | null;
  trackingUrl: string;
  trackingToken?: string;
};

function Confirmation({ filed, email }: { filed: Filed; email: boolean }) {
  const { t } = useTranslation('complaints');
  const locale = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const privateLink = filed.trackingToken
    ? `/complaints/follow#${filed.trackingToken}`
    : `/complaints/mine/${filed.id}`;
  return (
    <>
      <div className="panel-confirm" role="status">
        <h1 ref={heading} tabIndex={-1}>
          {t('filed.title')}
        </h1>
        <p>{t('filed.reference')}</p>
        <p className="complaint-reference ltr">{filed.reference}</p>
      </div>
      {filed.deadline ? <p>{t('filed.deadline', { date: formatDate(filed.deadline, locale) })}</p> : null}
      {filed.trackingToken ? (
        <Notice kind="warning" title={t('filed.privateTitle')}>
          <p>{t(email ? 'filed.privateTextEmail' : 'filed.privateTextSms')}</p>
          <p>
            <a href={privateLink} className="code-block">
              {filed.trackingUrl}
            </a>
          </p>
        </Notice>
      ) : null}
      <div className="button-group">
        <ButtonLink to={privateLink}>{t('filed.follow')}</ButtonLink>
        <ButtonLink to={`/complaints/track/${filed.reference}`} variant="secondary">
          {t('filed.publicPage')}
        </ButtonLink>
      </div>
    </>
  );
}

/** The contact step of visitors without an account: a code by mail or SMS, then a proof. */
function ContactCheck({
  channel,
  setChannel,
  destination,
  setDestination,
  proof,
  setProof,
  errors,
}: {
  channel: 'email' | 'sms';
  setChannel: (c: 'email' | 'sms') => void;
  destination: string;
  setDestination: (d: string) => void;
  proof: { token: string; sentTo: string } | null;
  setProof: (p: { token: string; sentTo: string } | null) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('complaints');
  const [sent, setSent] = useState<{ id: string; sentTo: string } | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const codeField = useRef<HTMLInputElement>(null);
  const call = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(
        e instanceof ApiProblem
          ? [e.problem.title, e.problem.detail, ...Object.values(e.fieldErrors())].filter(Boolean).join(' — ')
          : String(e),
      );
    } finally {
      setBusy(false);
    }
  };
  if (proof)
    return (
      <Notice kind="success" title={t('contact.verified')}>
        <p>{t('contact.verifiedText', { destination: proof.sentTo })}</p>
        <button type="button" className="link" onClick={() => setProof(null)}>
          {t('contact.change')}
        </button>
      </Notice>
    );
  return (
    <>
      <RadioGroup
        legend={t('contact.channel')}
        name="channel"
        value={channel}
        onChange={(c) => {
          setChannel(c);
          setSent(null);
        }}
        options={[
          { value: 'email', label: t('contact.byEmail') },
          { value: 'sms', label: t('contact.bySms'), hint: t('contact.bySmsHint') },
        ]}
      />
      <TextField
        label={channel === 'email' ? t('contact.email') : t('contact.phone')}
        hint={channel === 'email' ? undefined : t('contact.phoneHint')}
        name="destination"
        type={channel === 'email' ? 'email' : 'tel'}
        autoComplete={channel === 'email' ? 'email' : 'tel'}
        dir="ltr"
        value={destination}
        onChange={(e) => setDestination(e.target.value)}
        error={errors.destination}
      />
      {error ? (
        <Notice kind="error" live>
          <p>{error}</p>
        </Notice>
      ) : null}
      {!sent ? (
        <Button
          variant="secondary"
          disabled={busy || !destination.trim()}
          onClick={() =>
            void call(async () => {
              const res = await api.post<{ id: string; sentTo: string }>('/api/complaints/verifications', {
                channel,
                destination,
                locale: document.documentElement.lang,
              });
              setSent(res);
              setTimeout(() => codeField.current?.focus(), 0);
            })
          }
        >
          {t('contact.sendCode')}
        </Button>
      ) : (
        <div className="code-step">
          <p role="status">{t('contact.codeSent', { destination: sent.sentTo })}</p>
          <div className="field">
            <label htmlFor="field-code">{t('contact.code')}</label>
            <span className="hint" id="field-code-hint">
              {t('contact.codeHint')}
            </span>
            <input
              ref={codeField}
              id="field-code"
              name="code"
              className="input narrow ltr"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              aria-describedby="field-code-hint"
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            />
          </div>
          <div className="button-group">
            <Button
              disabled={busy || code.length !== 6}
              onClick={() =>
                void call(async () => {
                  const res = await api.post<{ proof: string; sentTo: string }>(
                    `/api/complaints/verifications/${sent.id}/confirm`,
                    { code },
                  );
                  setProof({ token: res.proof, sentTo: res.sentTo });
                })
              }
            >
              {t('contact.confirm')}
            </Button>
            <button type="button" className="link" onClick={() => setSent(null)}>
              {t('contact.resend')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

export function FileComplaintPage() {
  const { t } = useTranslation('complaints');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const [params] = useSearchParams();
  const session = useSession();
  const me = session.data?.user ?? null;
  const agencies = useAgencies();
  const [agency, setAgency] = useState(params.get('agency') ?? '');
  const categories = useCategories(agency);
  const [category, setCategory] = useState('');
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [latitude, setLatitude] = useState('');
  const [longitude, setLongitude] = useState('');
  const [showMap, setShowMap] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [name, setName] = useState('');
  const [channel, setChannel] = useState<'email' | 'sms'>('email');
  const [destination, setDestination] = useState('');
  const [phone, setPhone] = useState('');
  const [proof, setProof] = useState<{ token: string; sentTo: string } | null>(null);
  const [filed, setFiled] = useState<Filed | null>(null);
  const [locating, setLocating] = useState(false);

  const chosen: Category | undefined = categories.data?.find((c) => c.code === category);
  const point: Point | null =
    latitude.trim() &&
    longitude.trim() &&
    Number.isFinite(Number(latitude)) &&
    Number.isFinite(Number(longitude))
      ? { latitude: Number(latitude), longitude: Number(longitude) }
      : null;
  const setPoint = (p: Point) => {
    setLatitude(p.latitude.toFixed(6));
    setLongitude(p.longitude.toFixed(6));
  };

  const form = useSubmit(
    async () => {
      const local: Record<string, string> = {};
      if (files.length > MAX_FILES) local.attachments = t('files.tooMany', { count: MAX_FILES });
      files.forEach((f, i) => {
        if (f.size > MAX_BYTES)
          local[`attachments/${i}`] = t('files.tooBig', { name: f.name, max: megabytes(MAX_BYTES) });
      });
      if ((latitude.trim() || longitude.trim()) && !point) local.location = t('place.bothCoordinates');
      if (!me && !proof) local.destination = t('contact.verifyFirst');
      if (Object.keys(local).length) throw new LocalProblem(local);
      const clean = Object.fromEntries(
        Object.entries(answers).filter(
          ([, v]) => v !== '' && v !== undefined && !(Array.isArray(v) && !v.length),
        ),
      );
      return fileComplaint(
        {
          agencyCode: agency,
          ...(category ? { category } : {}),
          description,
          answers: clean,
          ...(address.trim() ? { address: address.trim() } : {}),
          ...(point ? { location: point } : {}),
          contact: me
            ? { channel, ...(channel === 'sms' && phone.trim() ? { phone: phone.trim() } : {}) }
            : { ...(name.trim() ? { name: name.trim() } : {}) },
          ...(proof ? { proof: proof.token } : {}),
          locale,
        },
        files,
      );
    },
    (result) => setFiled(result),
  );
  useEffect(() => {
    // An expired or used confirmation: ask again, keep the rest.
    if (form.problem?.code === 'complaint.proof_invalid') setProof(null);
  }, [form.problem]);

  if (filed)
    return (
      <>
        <Breadcrumbs
          items={[
            { label: tc('nav.home'), to: '/' },
            { label: t('title'), to: '/complaints' },
            { label: t('filed.crumb') },
          ]}
        />
        <Confirmation filed={filed} email={channel === 'email'} />
      </>
    );
  if (agencies.isPending || session.isPending) return <Loading />;
  const errors = form.fieldErrors;
  const sortedAgencies = [...(agencies.data ?? [])].sort((a, b) =>
    nameIn(locale, a).localeCompare(nameIn(locale, b), locale),
  );

  return (
    <>
      <Breadcrumbs
        items={[
          { label: tc('nav.home'), to: '/' },
          { label: t('title'), to: '/complaints' },
          { label: t('new.crumb') },
        ]}
      />
      <PageHeader title={t('new.title')} lead={t('new.lead')} />
      {form.problem ? (
        <ErrorSummary title={form.problem.title} detail={form.problem.detail} errors={errors} />
      ) : null}
      <form className="form complaint-form" onSubmit={(e) => void form.run(e)} noValidate>
        <section aria-labelledby="what-title">
          <h2 id="what-title">{t('new.whatTitle')}</h2>
          <SelectField
            label={t('new.agency')}
            hint={t('new.agencyHint')}
            name="agencyCode"
            value={agency}
            onChange={(e) => {
              setAgency(e.target.value);
              setCategory('');
              setAnswers({});
            }}
            error={errors.agencyCode}
          >
            <option value="">{t('choose')}</option>
            {sortedAgencies.map((a) => (
              <option key={a.code} value={a.code}>
                {nameIn(locale, a)}
              </option>
            ))}
          </SelectField>
          {agency && categories.isPending ? <Loading /> : null}
          {categories.data ? (
            categories.data.length ? (
              <RadioGroup
                legend={t('new.category')}
                name="category"
                value={category}
                onChange={(c) => {
                  setCategory(c);
                  setAnswers({});
                }}
                error={errors.category}
                options={categories.data.map((c) => ({
                  value: c.code,
                  label: tr(locale, c.name),
                  hint: c.description ? tr(locale, c.description) : undefined,
                }))}
              />
            ) : (
              <Notice>
                <p>{t('new.noCategories')}</p>
              </Notice>
            )
          ) : null}
          {chosen?.questions.map((q) => (
            <QuestionField
              key={q.code}
              question={q}
              value={answers[q.code]}
              onChange={(v) => setAnswers({ ...answers, [q.code]: v })}
              error={errors[`answers/${q.code}`]}
            />
          ))}
          {chosen ? <p className="hint">{t('new.delay', { count: chosen.answerDays })}</p> : null}
          <TextArea
            label={t('new.description')}
            hint={t(chosen?.isPublic ? 'new.descriptionHintPublic' : 'new.descriptionHint')}
            name="description"
            rows={6}
            maxLength={5000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            error={errors.description}
          />
        </section>

        <section aria-labelledby="where-title">
          <h2 id="where-title">
            {t('place.title')}
            {chosen?.locationRequired ? null : <span className="muted"> {t('optional')}</span>}
          </h2>
          <p className="hint">{t('place.lead')}</p>
          <TextField
            label={t('place.address')}
            name="address"
            autoComplete="street-address"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            error={errors.address}
          />
          <fieldset className={`field coordinates ${errors.location ? 'has-error' : ''}`} id="field-location">
            <legend>{t('place.coordinates')}</legend>
            <span className="hint">{t('place.coordinatesHint')}</span>
            {errors.location ? <span className="error-message">{errors.location}</span> : null}
            <div className="coordinate-pair">
              <TextField
                label={t('place.latitude')}
                name="latitude"
                inputMode="decimal"
                dir="ltr"
                className="narrow"
                value={latitude}
                onChange={(e) => setLatitude(e.target.value)}
              />
              <TextField
                label={t('place.longitude')}
                name="longitude"
                inputMode="decimal"
                dir="ltr"
                className="narrow"
                value={longitude}
                onChange={(e) => setLongitude(e.target.value)}
              />
            </div>
            <div className="button-group">
              {'geolocation' in navigator ? (
                <Button
                  variant="secondary"
                  disabled={locating}
                  onClick={() => {
                    setLocating(true);
                    navigator.geolocation.getCurrentPosition(
                      (pos) => {
                        setPoint({ latitude: pos.coords.latitude, longitude: pos.coords.longitude });
                        setLocating(false);
                      },
                      () => setLocating(false),
                      { enableHighAccuracy: true, timeout: 15_000 },
                    );
                  }}
                >
                  {t('place.here')}
                </Button>
              ) : null}
              <Button variant="secondary" aria-expanded={showMap} onClick={() => setShowMap(!showMap)}>
                {showMap ? t('place.hideMap') : t('place.showMap')}
              </Button>
            </div>
          </fieldset>
          {showMap ? (
            <Suspense fallback={<Loading />}>
              <PointPicker agency={agency} value={point} onChange={setPoint} />
            </Suspense>
          ) : null}
          {point ? (
            <p role="status" className="muted">
              {t('place.chosen', {
                latitude: point.latitude.toFixed(5),
                longitude: point.longitude.toFixed(5),
              })}
            </p>
          ) : null}
        </section>

        <section aria-labelledby="files-title">
          <h2 id="files-title">
            {t('files.title')} <span className="muted">{t('optional')}</span>
          </h2>
          <div className={`field ${errors.attachments ? 'has-error' : ''}`} id="field-attachments">
            <label htmlFor="attachments-input">{t('files.add')}</label>
            <span className="hint" id="attachments-hint">
              {t('files.hint', { count: MAX_FILES, max: megabytes(MAX_BYTES) })}
            </span>
            {errors.attachments ? <span className="error-message">{errors.attachments}</span> : null}
            <input
              id="attachments-input"
              type="file"
              multiple
              accept={ACCEPT}
              aria-describedby="attachments-hint"
              className="file-input"
              disabled={files.length >= MAX_FILES}
              onChange={(e) => {
                const picked = [...(e.target.files ?? [])];
                setFiles((current) => [...current, ...picked].slice(0, MAX_FILES + 1));
                e.target.value = '';
              }}
            />
          </div>
          {files.length ? (
            <ul className="file-list">
              {files.map((f, i) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is positional (errors point at indexes).
                  key={`${f.name}-${i}`}
                  id={`field-attachments/${i}`}
                  className={errors[`attachments/${i}`] ? 'has-error' : ''}
                >
                  <span className="ltr">{f.name}</span> <span className="muted">({megabytes(f.size)})</span>
                  {!TYPES.includes(f.type) && f.type ? (
                    <span className="error-message">{t('files.type')}</span>
                  ) : null}
                  {errors[`attachments/${i}`] ? (
                    <span className="error-message">{errors[`attachments/${i}`]}</span>
                  ) : null}
                  <button
                    type="button"
                    className="link"
                    aria-label={t('files.removeLabel', { name: f.name })}
                    onClick={() => setFiles(files.filter((_, j) => j !== i))}
                  >
                    {t('files.remove')}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </section>

        <section aria-labelledby="contact-title">
          <h2 id="contact-title">{t('contact.title')}</h2>
          {me ? (
            <>
              <p>{t('contact.signedIn', { name: me.fullName })}</p>
              <RadioGroup
                legend={t('contact.channel')}
                name="channel"
                value={channel}
                onChange={setChannel}
                options={[
                  { value: 'email', label: t('contact.byEmailTo', { email: me.email }) },
                  { value: 'sms', label: t('contact.bySms') },
                ]}
              />
              {channel === 'sms' ? (
                <TextField
                  label={t('contact.phone')}
                  hint={t('contact.phoneHint')}
                  name="contact/phone"
                  type="tel"
                  dir="ltr"
                  autoComplete="tel"
                  value={phone}
                  onChange={(e) => setPhone(e.target.value)}
                  error={errors['contact/phone']}
                />
              ) : null}
            </>
          ) : (
            <>
              <p>
                {t('contact.anonymousLead')}{' '}
                <Link to={`/sign-in?next=${encodeURIComponent('/complaints/new')}`}>
                  {t('contact.signIn')}
                </Link>
              </p>
              <TextField
                label={
                  <>
                    {t('contact.name')} <span className="muted">{t('optional')}</span>
                  </>
                }
                hint={t('contact.nameHint')}
                name="contact/name"
                autoComplete="name"
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
              <ContactCheck
                channel={channel}
                setChannel={setChannel}
                destination={destination}
                setDestination={setDestination}
                proof={proof}
                setProof={setProof}
                errors={errors}
              />
            </>
          )}
        </section>

        <p className="hint">{t('new.privacy')}</p>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t('new.sending') : t('new.submit')}
        </Button>
      </form>
    </>
  );
}

// Pages reached from a mailed link: e-mail verification, password reset; and the reset request.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiProblem, api } from '../../lib/api.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { Button, ErrorSummary, Loading, Notice, PageHeader, TextField } from '../../ui/components.tsx';
import './i18n.ts';

export function VerifyEmailPage() {
  const { t } = useTranslation('accounts');
  const { t: tc } = useTranslation('common');
  const [params] = useSearchParams();
  const token = params.get('token');
  const [state, setState] = useState<
    { kind: 'pending' } | { kind: 'done' } | { kind: 'error'; title: string; detail?: string | undefined }
  >({ kind: 'pending' });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!token) {
      setState({ kind: 'error', title: t('verify.missing') });
      return;
    }
    api
      .post('/api/auth/verify-email', { token })
      .then(() => setState({ kind: 'done' }))
      .catch((e) =>
        setState(
          e instanceof ApiProblem
            ? { kind: 'error', title: e.problem.title, detail: e.problem.detail }
            : { kind: 'error', title: tc('errors.generic') },
        ),
      );
  }, [token, t, tc]);
  return (
    <>
      <PageHeader title={t('verify.title')} />
      {state.kind === 'pending' ? <Loading label={t('verify.pending')} /> : null}
      {state.kind === 'done' ? (
        <Notice kind="success" title={t('verify.doneTitle')} live>
          <p>
            {t('verify.doneText')} <Link to="/sign-in">{tc('nav.signIn')}</Link>
          </p>
        </Notice>
      ) : null}
      {state.kind === 'error' ? (
        <Notice kind="error" title={state.title} live>
          {state.detail ? <p>{state.detail}</p> : null}
        </Notice>
      ) : null}
    </>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation('accounts');
  const [email, setEmail] = useState('');
  const [done, setDone] = useState(false);
  const form = useApiForm(
    () => api.post('/api/auth/forgot-password', { email }),
    () => setDone(true),
  );
  if (done)
    return (
      <Notice kind="success" title={t('forgot.doneTitle')} live>
        <p>{t('forgot.doneText')}</p>
      </Notice>
    );
  return (
    <>
      {form.problem ? (
        <ErrorSummary title={form.problem.title} detail={form.problem.detail} errors={form.fieldErrors} />
      ) : null}
      <PageHeader title={t('forgot.title')} lead={t('forgot.lead')} />
      <form className="form" onSubmit={form.onSubmit} noValidate>
        <TextField
          label={t('forgot.email')}
          name="email"
          type="email"
          autoComplete="email"
          dir="ltr"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={form.fieldErrors.email}
        />
        <Button type="submit" disabled={form.pending}>
          {t('forgot.submit')}
        </Button>
      </form>
    </>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation('accounts');
  const { t: tc } = useTranslation('common');
  const [params] = useSearchParams();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const form = useApiForm(
    () => api.post('/api/auth/reset-password', { token: params.get('token') ?? '', password }),
    () => setDone(true),
  );
  if (done)
    return (
      <Notice kind="success" title={t('reset.doneTitle')} live>
        <p>
          {t('reset.doneText')} <Link to="/sign-in">{tc('nav.signIn')}</Link>
        </p>
      </Notice>
    );
  return (
    <>
      {form.problem ? (
        <ErrorSummary title={form.problem.title} detail={form.problem.detail} errors={form.fieldErrors} />
      ) : null}
      <PageHeader title={t('reset.title')} />
      <form className="form" onSubmit={form.onSubmit} noValidate>
        <TextField
          label={t('reset.password')}
          hint={t('signUp.passwordHint')}
          name="password"
          type="password"
          autoComplete="new-password"
          dir="ltr"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.fieldErrors.password}
        />
        <Button type="submit" disabled={form.pending}>
          {t('reset.submit')}
        </Button>
      </form>
    </>
  );
}

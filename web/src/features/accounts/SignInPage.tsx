import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../lib/api.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { Button, ErrorSummary, PageHeader, TextField } from '../../ui/components.tsx';
import './i18n.ts';

type SignInResponse = {
  stage: 'complete' | 'mfa';
  csrfToken: string;
  enrollment?: { secret: string; uri: string; qrDataUrl: string };
};

/** Only paths of this site are followed after sign-in. */
const safeNext = (next: string | null) => (next?.startsWith('/') && !next.startsWith('//') ? next : null);

export function SignInPage() {
  const { t } = useTranslation('accounts');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [stage, setStage] = useState<'password' | 'mfa'>('password');
  const [enrollment, setEnrollment] = useState<SignInResponse['enrollment']>();

  const finish = async () => {
    await client.invalidateQueries();
    const session = await client.fetchQuery({
      queryKey: ['session'],
      queryFn: () => api.get<{ user: { memberships: unknown[] } | null }>('/api/session'),
    });
    navigate(
      safeNext(params.get('next')) ?? (session.user?.memberships.length ? '/back-office' : '/my-space'),
    );
  };

  const passwordForm = useApiForm(
    () => api.post<SignInResponse>('/api/auth/sign-in', { email, password }),
    (result) => {
      if (result.stage === 'complete') void finish();
      else {
        setEnrollment(result.enrollment);
        setStage('mfa');
      }
    },
  );
  const mfaForm = useApiForm(
    () => api.post<SignInResponse>('/api/auth/mfa', { code }),
    () => void finish(),
  );

  if (stage === 'mfa') {
    return (
      <>
        {mfaForm.problem ? (
          <ErrorSummary
            title={mfaForm.problem.title}
            detail={mfaForm.problem.detail}
            errors={mfaForm.fieldErrors}
          />
        ) : null}
        <PageHeader
          title={enrollment ? t('signIn.enrolTitle') : t('signIn.mfaTitle')}
          lead={enrollment ? t('signIn.enrolText') : t('signIn.mfaLead')}
        />
        {enrollment ? (
          <div className="layout-two">
            <div>
              <div className="qr-box">
                <img src={enrollment.qrDataUrl} alt={t('signIn.enrolQrAlt')} width={220} height={220} />
              </div>
              <p>
                {t('signIn.enrolKey')}: <code className="code-block">{enrollment.secret}</code>
              </p>
            </div>
          </div>
        ) : null}
        <form className="form" onSubmit={mfaForm.onSubmit} noValidate>
          <TextField
            label={t('signIn.mfaCode')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            dir="ltr"
            className="narrow"
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            error={mfaForm.fieldErrors.code}
            autoFocus
          />
          <Button type="submit" disabled={mfaForm.pending}>
            {t('signIn.mfaSubmit')}
          </Button>
        </form>
      </>
    );
  }

  return (
    <>
      {passwordForm.problem ? (
        <ErrorSummary
          title={passwordForm.problem.title}
          detail={passwordForm.problem.detail}
          errors={passwordForm.fieldErrors}
        />
      ) : null}
      <PageHeader title={t('signIn.title')} />
      <form className="form" onSubmit={passwordForm.onSubmit} noValidate>
        <TextField
          label={t('signIn.email')}
          name="email"
          type="email"
          autoComplete="username"
          dir="ltr"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={passwordForm.fieldErrors.email}
        />
        <TextField
          label={t('signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          dir="ltr"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={passwordForm.fieldErrors.password}
        />
        <Button type="submit" disabled={passwordForm.pending}>
          {t('signIn.submit')}
        </Button>
      </form>
      <p>
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </p>
      <p>
        <Link to="/sign-up">{t('signIn.noAccount')}</Link>
      </p>
    </>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../lib/api.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import {
  Button,
  ErrorSummary,
  PageHeader,
  RadioGroup,
  SelectField,
  TextField,
} from '../../ui/components.tsx';
import './i18n.ts';

type Profession = 'architect' | 'surveyor' | 'engineering_firm' | 'promoter';

export function SignUpPage() {
  const { t, i18n } = useTranslation('accounts');
  const [accountType, setAccountType] = useState<'citizen' | 'professional'>('citizen');
  const [form, setForm] = useState({
    fullName: '',
    email: '',
    phone: '',
    password: '',
    profession: '',
    professionalNumber: '',
  });
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm({ ...form, [k]: e.target.value });
  const { pending, fieldErrors, problem, onSubmit } = useApiForm(
    () =>
      api.post('/api/auth/sign-up', {
        email: form.email,
        password: form.password,
        fullName: form.fullName,
        ...(form.phone ? { phone: form.phone } : {}),
        accountType,
        ...(accountType === 'professional'
          ? {
              ...(form.profession ? { profession: form.profession as Profession } : {}),
              ...(form.professionalNumber ? { professionalNumber: form.professionalNumber } : {}),
            }
          : {}),
        locale: i18n.language,
      }),
    () => setDone(form.email),
  );

  if (done) {
    return (
      <>
        <div className="panel-confirm" role="status">
          <h1>{t('signUp.doneTitle')}</h1>
        </div>
        <p>{t('signUp.doneText', { email: done })}</p>
      </>
    );
  }
  return (
    <>
      {problem ? <ErrorSummary title={problem.title} detail={problem.detail} errors={fieldErrors} /> : null}
      <PageHeader title={t('signUp.title')} lead={t('signUp.lead')} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <RadioGroup
          legend={t('signUp.accountType')}
          name="accountType"
          value={accountType}
          onChange={setAccountType}
          error={fieldErrors.accountType}
          options={[
            { value: 'citizen', label: t('signUp.citizen'), hint: t('signUp.citizenHint') },
            { value: 'professional', label: t('signUp.professional'), hint: t('signUp.professionalHint') },
          ]}
        />
        <TextField
          label={t('signUp.fullName')}
          name="fullName"
          autoComplete="name"
          value={form.fullName}
          onChange={set('fullName')}
          error={fieldErrors.fullName}
        />
        <TextField
          label={t('signUp.email')}
          hint={t('signUp.emailHint')}
          name="email"
          type="email"
          autoComplete="email"
          dir="ltr"
          value={form.email}
          onChange={set('email')}
          error={fieldErrors.email}
        />
        <TextField
          label={t('signUp.phone')}
          name="phone"
          type="tel"
          autoComplete="tel"
          dir="ltr"
          className="narrow"
          value={form.phone}
          onChange={set('phone')}
          error={fieldErrors.phone}
        />
        {accountType === 'professional' ? (
          <>
            <SelectField
              label={t('signUp.profession')}
              name="profession"
              value={form.profession}
              onChange={set('profession')}
              error={fieldErrors.profession}
            >
              <option value="" />
              {(['architect', 'surveyor', 'engineering_firm', 'promoter'] as const).map((p) => (
                <option key={p} value={p}>
                  {t(`signUp.professions.${p}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('signUp.professionalNumber')}
              hint={t('signUp.professionalNumberHint')}
              name="professionalNumber"
              dir="ltr"
              value={form.professionalNumber}
              onChange={set('professionalNumber')}
              error={fieldErrors.professionalNumber}
            />
          </>
        ) : null}
        <TextField
          label={t('signUp.password')}
          hint={t('signUp.passwordHint')}
          name="password"
          type="password"
          autoComplete="new-password"
          dir="ltr"
          value={form.password}
          onChange={set('password')}
          error={fieldErrors.password}
        />
        <Button type="submit" disabled={pending}>
          {t('signUp.submit')}
        </Button>
      </form>
      <p>
        <Link to="/sign-in">{t('signUp.haveAccount')}</Link>
      </p>
    </>
  );
}

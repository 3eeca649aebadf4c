import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import {
  Button,
  ErrorSummary,
  Loading,
  Notice,
  PageHeader,
  SelectField,
  TextField,
} from '../../ui/components.tsx';
import './i18n.ts';

type Organization = { id: string; kind: string; code: string; nameAr: string; nameFr: string };
type MembershipRow = { id: string; role: string; email: string; fullName: string; mfaEnabled: boolean };

const ROLES_BY_KIND: Record<string, string[]> = {
  agency: ['front_desk', 'instructor', 'geomatics', 'finance', 'legal', 'director', 'committee_member'],
  commune: ['front_desk', 'instructor', 'commune_president', 'committee_member'],
  body: ['committee_member'],
  ministry: ['ministry_analyst'],
  platform: ['platform_admin'],
};

export function MembershipsPage() {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const client = useQueryClient();
  const orgs = useQuery({
    queryKey: ['admin', 'organizations'],
    queryFn: () => api.get<Organization[]>('/api/admin/organizations'),
  });
  const [orgId, setOrgId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [grant, setGrant] = useState({ email: '', fullName: '', role: '' });
  useEffect(() => {
    if (!orgId && orgs.data?.length)
      setOrgId((orgs.data.find((o) => o.kind === 'agency') ?? orgs.data[0])!.id);
  }, [orgs.data, orgId]);
  const members = useQuery({
    queryKey: ['admin', 'memberships', orgId],
    queryFn: () => api.get<MembershipRow[]>(`/api/admin/organizations/${orgId}/memberships`),
    enabled: Boolean(orgId),
  });
  const org = orgs.data?.find((o) => o.id === orgId);
  const name = (o: Organization) => (i18n.language === 'ar' ? o.nameAr : o.nameFr);
  const form = useApiForm(
    () =>
      api.post<{ invited: boolean }>('/api/admin/memberships', {
        organizationId: orgId,
        email: grant.email,
        ...(grant.fullName ? { fullName: grant.fullName } : {}),
        role: grant.role,
      }),
    (result) => {
      setMessage(result.invited ? t('invited', { email: grant.email }) : t('granted'));
      setGrant({ email: '', fullName: '', role: '' });
      void client.invalidateQueries({ queryKey: ['admin', 'memberships', orgId] });
    },
  );
  const revoke = async (id: string) => {
    await api.delete(`/api/admin/memberships/${id}`);
    setMessage(t('revoked'));
    await client.invalidateQueries({ queryKey: ['admin', 'memberships', orgId] });
  };

  if (orgs.isPending) return <Loading />;
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      {message ? (
        <Notice kind="success" live>
          <p>{message}</p>
        </Notice>
      ) : null}
      <SelectField
        label={t('organization')}
        name="organization"
        value={orgId}
        onChange={(e) => setOrgId(e.target.value)}
      >
        {(orgs.data ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {name(o)} ({o.code})
          </option>
        ))}
      </SelectField>
      <section aria-labelledby="staff-title">
        <h2 id="staff-title">{t('staffTitle')}</h2>
        {members.isPending && orgId ? <Loading /> : null}
        {members.data && members.data.length === 0 ? <p className="muted">{t('none')}</p> : null}
        {members.data?.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('email')}</th>
                  <th scope="col">{t('role')}</th>
                  <th scope="col">{t('twoStep')}</th>
                  <th scope="col">{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {members.data.map((m) => (
                  <tr key={m.id}>
                    <td>{m.fullName}</td>
                    <td className="ltr">{m.email}</td>
                    <td>{tc(`roles.${m.role}`)}</td>
                    <td>{m.mfaEnabled ? t('yes') : t('no')}</td>
                    <td>
                      <button
                        type="button"
                        className="link"
                        aria-label={t('revokeLabel', { role: tc(`roles.${m.role}`), name: m.fullName })}
                        onClick={() => void revoke(m.id)}
                      >
                        {t('revoke')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {org ? (
        <section aria-labelledby="grant-title">
          <h2 id="grant-title">{t('grantTitle')}</h2>
          {form.problem ? (
            <ErrorSummary title={form.problem.title} detail={form.problem.detail} errors={form.fieldErrors} />
          ) : null}
          <form className="form" onSubmit={form.onSubmit} noValidate>
            <TextField
              label={t('email')}
              name="email"
              type="email"
              dir="ltr"
              value={grant.email}
              onChange={(e) => setGrant({ ...grant, email: e.target.value })}
              error={form.fieldErrors.email}
            />
            <TextField
              label={t('fullName')}
              hint={t('fullNameHint')}
              name="fullName"
              value={grant.fullName}
              onChange={(e) => setGrant({ ...grant, fullName: e.target.value })}
              error={form.fieldErrors.fullName}
            />
            <SelectField
              label={t('role')}
              name="role"
              value={grant.role}
              onChange={(e) => setGrant({ ...grant, role: e.target.value })}
              error={form.fieldErrors.role}
            >
              <option value="" />
              {(ROLES_BY_KIND[org.kind] ?? []).map((r) => (
                <option key={r} value={r}>
                  {tc(`roles.${r}`)}
                </option>
              ))}
            </SelectField>
            <Button type="submit" disabled={form.pending}>
              {t('grant')}
            </Button>
          </form>
        </section>
      ) : null}
    </>
  );
}

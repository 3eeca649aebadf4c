// Open311 keys for partner systems (a commune's CRM, a mobile app…): partner API tokens with the
// `open311` scope, issued to an agency (their jurisdiction), shown once, revocable. The same keys come
// from the command line: `npx taamir open311 issue-key --agency CODE --name "Partner"`.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/i18n.ts';
import { can, useSession } from '../../../lib/session.ts';
import {
  Breadcrumbs,
  Button,
  ErrorSummary,
  Loading,
  Notice,
  PageHeader,
  SelectField,
  Tag,
  TextField,
} from '../../../ui/components.tsx';
import { useLocale } from '../components.tsx';
import { useSubmit } from '../use-submit.ts';
import { StaffNav } from './shared.tsx';
import '../complaints.css';
import '../i18n.ts';

type Organization = { id: string; kind: string; code: string; nameAr: string; nameFr: string };
type Token = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  organizationId: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function KeysPage() {
  const { t } = useTranslation('complaints');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const me = useSession().data?.user;
  const client = useQueryClient();
  const orgs = useQuery({
    queryKey: ['admin', 'organizations'],
    queryFn: () => api.get<Organization[]>('/api/admin/organizations'),
    enabled: can(me, 'membership.manage'),
  });
  const tokens = useQuery({
    queryKey: ['admin', 'api-tokens'],
    queryFn: () => api.get<Token[]>('/api/admin/api-tokens'),
  });
  const agencies = (orgs.data ?? []).filter((o) => o.kind === 'agency');
  const [organizationId, setOrganizationId] = useState('');
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<{ token: string; name: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const issue = useSubmit(
    () =>
      api.post<{ id: string; token: string }>('/api/admin/api-tokens', {
        organizationId: organizationId || agencies[0]?.id,
        name,
        scopes: ['open311'],
      }),
    (result) => {
      setIssued({ token: result.token, name });
      setName('');
      void client.invalidateQueries({ queryKey: ['admin', 'api-tokens'] });
    },
  );
  const revoke = async (token: Token) => {
    await api.delete(`/api/admin/api-tokens/${token.id}`);
    setMessage(t('keys.revoked', { name: token.name }));
    await client.invalidateQueries({ queryKey: ['admin', 'api-tokens'] });
  };
  const orgName = (id: string) => {
    const o = orgs.data?.find((x) => x.id === id);
    return o ? (locale === 'ar' ? o.nameAr : o.nameFr) : '';
  };
  const keys = (tokens.data ?? []).filter((k) => k.scopes.includes('open311'));
  return (
    <>
      <Breadcrumbs
        items={[
          { label: tc('nav.backOffice'), to: '/back-office' },
          { label: t('staff.queueTitle'), to: '/back-office/complaints' },
          { label: t('keys.title') },
        ]}
      />
      <PageHeader title={t('keys.title')} lead={t('keys.lead')} />
      <StaffNav
        current="keys"
        canStats={can(me, 'stats.read')}
        canManage={can(me, 'agency.update')}
        canKeys
      />
      <p>
        {t('keys.discovery')}{' '}
        <a href="/open311/discovery.json" className="ltr">
          /open311/discovery.json
        </a>
      </p>
      <p className="hint">
        {t('keys.cli')}{' '}
        <code className="code-block">npx taamir open311 issue-key --agency CODE --name "Partner"</code>
      </p>
      {message ? (
        <Notice kind="success" live>
          <p>{message}</p>
        </Notice>
      ) : null}
      {issued ? (
        <Notice kind="warning" title={t('keys.issuedTitle', { name: issued.name })} live>
          <p>{t('keys.issuedText')}</p>
          <p>
            <code className="code-block" data-testid="issued-key">
              {issued.token}
            </code>
          </p>
        </Notice>
      ) : null}
      <section aria-labelledby="keys-list-title">
        <h2 id="keys-list-title">{t('keys.listTitle')}</h2>
        {tokens.isPending ? <Loading /> : null}
        {keys.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('keys.name')}</th>
                  <th scope="col">{t('keys.agency')}</th>
                  <th scope="col">{t('keys.prefix')}</th>
                  <th scope="col">{t('keys.lastUsed')}</th>
                  <th scope="col">{t('settings.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.id}>
                    <th scope="row">{k.name}</th>
                    <td>{orgName(k.organizationId)}</td>
                    <td className="ltr">tmr_{k.prefix}_…</td>
                    <td>
                      {k.lastUsedAt
                        ? formatDate(k.lastUsedAt, locale, { dateStyle: 'medium', timeStyle: 'short' })
                        : '—'}
                    </td>
                    <td>
                      {k.revokedAt ? (
                        <Tag tone="red">{t('keys.revokedTag')}</Tag>
                      ) : (
                        <button
                          type="button"
                          className="link"
                          aria-label={t('keys.revokeLabel', { name: k.name })}
                          onClick={() => void revoke(k)}
                        >
                          {t('keys.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : tokens.data ? (
          <p className="muted">{t('keys.none')}</p>
        ) : null}
      </section>
      <section aria-labelledby="issue-title">
        <h2 id="issue-title">{t('keys.issueTitle')}</h2>
        {issue.problem ? (
          <ErrorSummary
            title={issue.problem.title}
            detail={issue.problem.detail}
            errors={issue.fieldErrors}
          />
        ) : null}
        <form className="form" onSubmit={(e) => void issue.run(e)} noValidate>
          {agencies.length > 1 ? (
            <SelectField
              label={t('keys.agency')}
              name="organizationId"
              value={organizationId}
              onChange={(e) => setOrganizationId(e.target.value)}
              error={issue.fieldErrors.organizationId}
            >
              {agencies.map((o) => (
                <option key={o.id} value={o.id}>
                  {locale === 'ar' ? o.nameAr : o.nameFr} ({o.code})
                </option>
              ))}
            </SelectField>
          ) : null}
          <TextField
            label={t('keys.name')}
            hint={t('keys.nameHint')}
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={issue.fieldErrors.name}
          />
          <Button type="submit" disabled={issue.pending || !agencies.length}>
            {t('keys.issue')}
          </Button>
        </form>
      </section>
    </>
  );
}

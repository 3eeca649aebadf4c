// One e-document order: where it stands, its payment order (pay here), and the documents issued on
// it — deposit receipt, payment receipt, the certified document — each downloadable and verifiable.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiProblem, api } from '../../lib/api.ts';
import { Breadcrumbs, Loading, Notice, PageHeader, SummaryList } from '../../ui/components.tsx';
import { type L, tr } from '../payments/api.ts';
import { CasePayments } from '../payments/CasePayments.tsx';
import { useLocale, when } from '../payments/components.tsx';
import { IssuedDocuments } from '../verify/IssuedDocuments.tsx';
import './i18n.ts';

type CaseView = {
  id: string;
  reference: string | null;
  procedure: { code: string; name: L };
  agency: { code: string; nameAr: string; nameFr: string } | null;
  state: { key: string; label: L; description: L | null; phase: 'draft' | 'open' | 'closed' };
  data: Record<string, unknown>;
  depositedAt: string | null;
};

const STATE_KIND: Record<string, 'info' | 'success' | 'warning'> = {
  awaiting_payment: 'warning',
  delivered: 'success',
};

export function EDocumentCasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('eDocument');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const view = useQuery({
    queryKey: ['case', id],
    queryFn: () => api.get<CaseView>(`/api/cases/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (query.state.data?.state.key === 'awaiting_payment' ? 4000 : false),
  });
  if (view.isPending) return <Loading />;
  if (view.error || !view.data) {
    const problem = view.error instanceof ApiProblem ? view.error.problem : undefined;
    return <PageHeader title={problem?.title ?? tc('errors.generic')} />;
  }
  const c = view.data;
  const kind = typeof c.data.document_kind === 'string' ? c.data.document_kind : '';
  return (
    <>
      <Breadcrumbs
        items={[
          { label: tc('nav.home'), to: '/' },
          { label: t('title'), to: '/e-document' },
          { label: c.reference ?? '' },
        ]}
      />
      <PageHeader
        caption={tr(locale, c.procedure.name)}
        title={t('caseTitle', { reference: c.reference ?? '' })}
      />
      <Notice kind={STATE_KIND[c.state.key] ?? 'info'} title={tr(locale, c.state.label)}>
        {c.state.description ? <p>{tr(locale, c.state.description)}</p> : null}
      </Notice>
      <section aria-labelledby="request-title">
        <h2 id="request-title">{t('yourRequest')}</h2>
        <SummaryList
          rows={[
            {
              key: t('agency'),
              value: c.agency ? (locale === 'ar' ? c.agency.nameAr : c.agency.nameFr) : '',
            },
            { key: t('kind'), value: kind ? t(`kinds.${kind}`) : '' },
            { key: t('planReference'), value: String(c.data.plan_reference ?? '') },
            ...(c.data.land_title
              ? [{ key: t('landTitle'), value: <span className="ltr">{String(c.data.land_title)}</span> }]
              : []),
            { key: t('copies'), value: String(c.data.copies ?? '') },
            ...(c.depositedAt ? [{ key: t('orderedAt'), value: when(c.depositedAt, locale) }] : []),
          ]}
        />
      </section>
      <section aria-labelledby="payment-title">
        <h2 id="payment-title">{t('paymentTitle')}</h2>
        <CasePayments caseId={c.id} />
      </section>
      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t('documentsTitle')}</h2>
        <IssuedDocuments caseId={c.id} emptyText={t('noDocuments')} />
      </section>
      <p>
        <Link to={`/my-space/cases/${c.id}`}>{t('followCase')}</Link>
      </p>
    </>
  );
}

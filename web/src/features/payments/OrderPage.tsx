// A payment order: the fee and its lines, the pay button, what the gateway answered, the signed
// receipt. The gateway sends the payer back here (`?return=ok|fail`); only its server-to-server
// callback marks the order paid, so the page waits for it.
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiProblem } from '../../lib/api.ts';
import { formatMad } from '../../lib/i18n.ts';
import { Breadcrumbs, Loading, Notice, PageHeader, SummaryList } from '../../ui/components.tsx';
import { casePath, type Order, tr, useOrder } from './api.ts';
import { DocumentLinks, FeeLines, OrderStatusTag, PayPanel, useLocale, when } from './components.tsx';
import './i18n.ts';

function ReturnNotice({ order, outcome }: { order: Order; outcome: string | null }) {
  const { t } = useTranslation('payments');
  if (outcome === 'ok') {
    if (order.status === 'paid')
      return (
        <Notice kind="success" title={t('returnOk')} live>
          <p>{t('returnOkText')}</p>
        </Notice>
      );
    if (order.status === 'pending') return <Loading label={t('confirming')} />;
  }
  if (outcome === 'fail' && order.status === 'pending')
    return (
      <Notice kind="error" title={t('returnFail')} live>
        <p>{t('returnFailText')}</p>
      </Notice>
    );
  return null;
}

export function OrderPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation('payments');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const order = useOrder(id, { poll: true });
  if (order.isPending) return <Loading />;
  if (order.error || !order.data) {
    const problem = order.error instanceof ApiProblem ? order.error.problem : undefined;
    return <PageHeader title={problem?.title ?? tc('errors.generic')} />;
  }
  const o = order.data;
  const agency = o.agency ? (locale === 'ar' ? o.agency.nameAr : o.agency.nameFr) : '';
  return (
    <>
      <Breadcrumbs
        items={[
          { label: tc('nav.home'), to: '/' },
          { label: t('myPayments'), to: '/payments' },
          { label: o.number },
        ]}
      />
      <ReturnNotice order={o} outcome={params.get('return')} />
      <PageHeader caption={tr(locale, o.label)} title={t('orderTitle', { number: o.number })} />
      <SummaryList
        rows={[
          { key: t('fields.service'), value: tr(locale, o.label) },
          ...(o.case
            ? [
                {
                  key: t('fields.case'),
                  value: (
                    <Link to={casePath(o)} className="ltr">
                      {o.case.reference ?? o.case.id}
                    </Link>
                  ),
                },
              ]
            : []),
          { key: t('fields.agency'), value: agency },
          { key: t('fields.status'), value: <OrderStatusTag status={o.status} /> },
          { key: t('fields.createdAt'), value: when(o.createdAt, locale) },
          ...(o.paidAt ? [{ key: t('fields.paidAt'), value: when(o.paidAt, locale) }] : []),
          ...(o.payment
            ? [{ key: t('fields.transaction'), value: <span className="ltr">{o.payment.transId}</span> }]
            : []),
        ]}
      />
      <FeeLines lines={o.lines} totalCentimes={o.amountCentimes} />
      {o.status === 'pending' ? <PayPanel order={o} /> : null}
      {o.receipt ? (
        <section aria-labelledby="receipt-title">
          <h2 id="receipt-title">{t('receiptTitle')}</h2>
          <DocumentLinks
            document={o.receipt}
            downloadLabel={t('download')}
            pendingLabel={t('receiptPending')}
          />
        </section>
      ) : null}
      {o.refunds.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('refundsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('date')}</th>
                <th scope="col">{t('fields.amount')}</th>
                <th scope="col">{t('reason')}</th>
              </tr>
            </thead>
            <tbody>
              {o.refunds.map((r) => (
                <tr key={r.createdAt}>
                  <td>{when(r.createdAt, locale)}</td>
                  <td>{formatMad(r.amountCentimes, locale)}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {o.attempts.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('attemptsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('date')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('card')}</th>
              </tr>
            </thead>
            <tbody>
              {o.attempts.map((a) => (
                <tr key={a.oid}>
                  <td>{when(a.completedAt ?? a.createdAt, locale)}</td>
                  <td>{t(`attempt.${a.status}`)}</td>
                  <td>
                    <span className="ltr">{a.maskedPan ?? '—'}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {o.case ? (
        <p>
          <Link to={casePath(o)}>{t('backToCase')}</Link>
        </p>
      ) : null}
    </>
  );
}

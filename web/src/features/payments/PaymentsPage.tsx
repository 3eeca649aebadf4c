// "My payments": the payment orders of the person's files, with their status and receipts.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMad } from '../../lib/i18n.ts';
import { Breadcrumbs, Loading, PageHeader } from '../../ui/components.tsx';
import { casePath, tr, useMyOrders } from './api.ts';
import { OrderStatusTag, useLocale, when } from './components.tsx';
import './i18n.ts';

export function PaymentsPage() {
  const { t } = useTranslation('payments');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const orders = useMyOrders();
  return (
    <>
      <Breadcrumbs items={[{ label: tc('nav.home'), to: '/' }, { label: t('myPayments') }]} />
      <PageHeader title={t('myPayments')} lead={t('myPaymentsLead')} />
      {orders.isPending ? <Loading /> : null}
      {orders.data && orders.data.length === 0 ? <p>{t('none')}</p> : null}
      {orders.data?.length ? (
        <div className="table-wrap">
          <table className="table" aria-label={t('myPayments')}>
            <thead>
              <tr>
                <th scope="col">{t('fields.number')}</th>
                <th scope="col">{t('fields.service')}</th>
                <th scope="col">{t('fields.case')}</th>
                <th scope="col">{t('fields.amount')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('fields.createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.data.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/payments/orders/${o.id}`} className="ltr">
                      {o.number}
                    </Link>
                  </td>
                  <td>{tr(locale, o.label)}</td>
                  <td>
                    {o.case ? (
                      <Link to={casePath(o)} className="ltr">
                        {o.case.reference}
                      </Link>
                    ) : null}
                  </td>
                  <td>{formatMad(o.amountCentimes, locale)}</td>
                  <td>
                    <OrderStatusTag status={o.status} />
                  </td>
                  <td>{when(o.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

// A case's payment orders, with the pay button for a pending one: for any case page (the e-document
// page uses it; the generic applicant case page can too: `<CasePayments caseId={id} />`).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMad } from '../../lib/i18n.ts';
import { Loading } from '../../ui/components.tsx';
import { useCaseOrders } from './api.ts';
import { OrderStatusTag, PayPanel, useLocale } from './components.tsx';
import './i18n.ts';

export function CasePayments({ caseId }: { caseId: string }) {
  const { t } = useTranslation('payments');
  const locale = useLocale();
  const orders = useCaseOrders(caseId);
  if (orders.isPending) return <Loading />;
  return (
    <>
      {orders.data?.map((o) => (
        <div key={o.id}>
          <p>
            <Link to={`/payments/orders/${o.id}`} className="ltr">
              {o.number}
            </Link>{' '}
            — {formatMad(o.amountCentimes, locale)} <OrderStatusTag status={o.status} />
          </p>
          {o.status === 'pending' ? <PayPanel order={o} /> : null}
          <p>
            <Link to={`/payments/orders/${o.id}`}>{t('seeOrder')}</Link>
          </p>
        </div>
      ))}
    </>
  );
}

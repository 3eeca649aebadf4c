// The finance staff's page: an agency's payment orders, refunds (audited acts) and the daily
// reconciliation report (orders, payments, refunds, gaps) with its CSV.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../lib/api.ts';
import { formatMad } from '../../lib/i18n.ts';
import { useSession } from '../../lib/session.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import {
  Breadcrumbs,
  Button,
  ErrorSummary,
  Loading,
  Notice,
  PageHeader,
  SelectField,
  SummaryList,
  TextField,
} from '../../ui/components.tsx';
import { useAgencies } from '../agencies/api.ts';
import { type Order, tr } from './api.ts';
import { OrderStatusTag, useLocale, when } from './components.tsx';
import './i18n.ts';

type Totals = {
  orders: { count: number; amountCentimes: number };
  payments: { count: number; amountCentimes: number };
  refunds: { count: number; amountCentimes: number };
  netCentimes: number;
  gaps: number;
};

const today = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Africa/Casablanca',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

function RefundForm({ order, onDone }: { order: Order; onDone: () => void }) {
  const { t } = useTranslation('payments');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const form = useApiForm(
    () =>
      api.post(`/api/staff/payments/orders/${order.id}/refunds`, {
        amountCentimes: Math.round(Number(amount.replace(',', '.')) * 100),
        reason,
      }),
    onDone,
  );
  return (
    <form className="form" onSubmit={form.onSubmit} noValidate aria-labelledby={`refund-${order.id}`}>
      <h3 id={`refund-${order.id}`}>{t('refundTitle', { number: order.number })}</h3>
      {form.problem ? (
        <ErrorSummary title={form.problem.title} detail={form.problem.detail} errors={form.fieldErrors} />
      ) : null}
      <TextField
        label={t('refundAmount')}
        name="amountCentimes"
        inputMode="decimal"
        dir="ltr"
        className="narrow"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={form.fieldErrors.amountCentimes}
      />
      <TextField
        label={t('refundReason')}
        name="reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={form.fieldErrors.reason}
      />
      <Button type="submit" variant="warning" disabled={form.pending}>
        {t('refundSubmit')}
      </Button>
    </form>
  );
}

export function FinancePage() {
  const { t } = useTranslation('payments');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const me = useSession().data?.user;
  const all = useAgencies();
  const client = useQueryClient();
  const national = me?.memberships.some((m) => m.role === 'platform_admin') ?? false;
  const own = (me?.memberships ?? [])
    .filter((m) => m.organizationKind === 'agency' && (m.role === 'finance' || m.role === 'director'))
    .map((m) => ({
      code: m.organizationCode,
      name: locale === 'ar' ? m.organizationNameAr : m.organizationNameFr,
    }));
  const choices = national
    ? (all.data ?? []).map((a) => ({ code: a.code, name: locale === 'ar' ? a.nameAr : a.nameFr }))
    : own;
  const [agency, setAgency] = useState('');
  const [day, setDay] = useState(today());
  const [refunding, setRefunding] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const code = agency || choices[0]?.code || '';
  const orders = useQuery({
    queryKey: ['staff-orders', code],
    queryFn: () => api.get<Order[]>(`/api/staff/payments/orders?agency=${code}&limit=100`),
    enabled: Boolean(code),
  });
  const report = useQuery({
    queryKey: ['reconciliation', code, day],
    queryFn: () =>
      api.get<{ totals: Totals }>(
        `/api/staff/payments/reconciliation?agency=${code}&date=${day}&format=json`,
      ),
    enabled: Boolean(code && /^\d{4}-\d{2}-\d{2}$/.test(day)),
  });
  const totals = report.data?.totals;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: tc('nav.home'), to: '/' },
          { label: tc('nav.backOffice'), to: '/back-office' },
          { label: t('financeTitle') },
        ]}
      />
      <PageHeader title={t('financeTitle')} lead={t('financeLead')} />
      <p>
        <Link to="/back-office/documents">{t('registryLink')}</Link>
      </p>
      <div className="form">
        <SelectField
          label={t('agency')}
          name="agency"
          value={code}
          onChange={(e) => setAgency(e.target.value)}
        >
          {choices.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('day')}
          name="date"
          type="date"
          dir="ltr"
          className="narrow"
          value={day}
          onChange={(e) => setDay(e.target.value)}
        />
      </div>
      {totals ? (
        <section aria-labelledby="totals-title">
          <h2 id="totals-title">
            {t('reconcile')} — <span className="ltr">{day}</span>
          </h2>
          <SummaryList
            rows={[
              {
                key: t('totals.orders'),
                value: `${totals.orders.count} · ${formatMad(totals.orders.amountCentimes, locale)}`,
              },
              {
                key: t('totals.payments'),
                value: `${totals.payments.count} · ${formatMad(totals.payments.amountCentimes, locale)}`,
              },
              {
                key: t('totals.refunds'),
                value: `${totals.refunds.count} · ${formatMad(totals.refunds.amountCentimes, locale)}`,
              },
              { key: t('totals.net'), value: formatMad(totals.netCentimes, locale) },
              { key: t('totals.gaps'), value: String(totals.gaps) },
            ]}
          />
          <p>
            <a href={`/api/staff/payments/reconciliation?agency=${code}&date=${day}`} download>
              {t('downloadCsv')}
            </a>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="orders-title">
        <h2 id="orders-title">{t('ordersTitle')}</h2>
        {done ? (
          <Notice kind="success" live>
            {t('refundDone')}
          </Notice>
        ) : null}
        {orders.isPending && code ? <Loading /> : null}
        {orders.data && orders.data.length === 0 ? <p>{t('noOrders')}</p> : null}
        {orders.data?.length ? (
          <div className="table-wrap">
            <table className="table" aria-labelledby="orders-title">
              <thead>
                <tr>
                  <th scope="col">{t('fields.number')}</th>
                  <th scope="col">{t('fields.service')}</th>
                  <th scope="col">{t('payer')}</th>
                  <th scope="col">{t('fields.amount')}</th>
                  <th scope="col">{t('fields.status')}</th>
                  <th scope="col">{t('fields.createdAt')}</th>
                  <th scope="col">{t('refund')}</th>
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
                    <td>{o.payer.name}</td>
                    <td>
                      {formatMad(o.amountCentimes, locale)}
                      {o.refundedCentimes ? ` (−${formatMad(o.refundedCentimes, locale)})` : ''}
                    </td>
                    <td>
                      <OrderStatusTag status={o.status} />
                    </td>
                    <td>{when(o.createdAt, locale)}</td>
                    <td>
                      {o.status === 'paid' ? (
                        <Button variant="secondary" onClick={() => setRefunding(o.id)}>
                          {t('refund')}
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {refunding && orders.data?.find((o) => o.id === refunding) ? (
          <RefundForm
            order={orders.data.find((o) => o.id === refunding)!}
            onDone={() => {
              setRefunding(null);
              setDone(true);
              void client.invalidateQueries({ queryKey: ['staff-orders'] });
              void client.invalidateQueries({ queryKey: ['reconciliation'] });
            }}
          />
        ) : null}
      </section>
    </>
  );
}

// Pieces of the payment pages, also used by services that take a fee (e-document).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiProblem } from '../../lib/api.ts';
import { formatDate, formatMad, type Locale } from '../../lib/i18n.ts';
import { Button, Loading, Notice, Tag } from '../../ui/components.tsx';
import { type DocumentSummary, type FeeLine, goToGateway, type Order, type OrderStatus, tr } from './api.ts';
import './i18n.ts';
import './payments.css';

export const useLocale = () => useTranslation().i18n.language as Locale;

const STATUS_TONE: Record<OrderStatus, 'green' | 'red' | 'amber' | undefined> = {
  pending: 'amber',
  paid: 'green',
  waived: 'green',
  cancelled: undefined,
  refunded: 'red',
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation('payments');
  return <Tag tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Tag>;
}

export const when = (iso: string, locale: Locale) =>
  formatDate(iso, locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Africa/Casablanca' });

/** The lines of a fee and its total, as a table. */
export function FeeLines({
  lines,
  totalCentimes,
  caption,
}: {
  lines: FeeLine[];
  totalCentimes: number;
  caption?: string;
}) {
  const { t } = useTranslation('payments');
  const locale = useLocale();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption ?? t('feeTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('line')}</th>
            <th scope="col">{t('quantity')}</th>
            <th scope="col">{t('unitPrice')}</th>
            <th scope="col">{t('fields.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fee lines are positional and never reordered.
            <tr key={i}>
              <td>{tr(locale, line.label)}</td>
              <td>{line.quantity ? `${line.quantity} ${line.unit ? t(`units.${line.unit}`) : ''}` : '—'}</td>
              <td>{line.unitCentimes !== null ? formatMad(line.unitCentimes, locale) : '—'}</td>
              <td>{formatMad(line.amountCentimes, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('total')}
            </th>
            <td>
              <strong>{formatMad(totalCentimes, locale)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Download and verification links of an issued document (or "being signed"). */
export function DocumentLinks({
  document,
  downloadLabel,
  pendingLabel,
}: {
  document: DocumentSummary;
  downloadLabel?: string;
  pendingLabel?: string;
}) {
  const { t } = useTranslation('payments');
  if (!document.ready) return <Loading label={pendingLabel ?? t('documentPending')} />;
  return (
    <ul className="link-list">
      <li>
        <a href={document.downloadUrl} download={`${document.number}.pdf`}>
          {downloadLabel ?? t('downloadDocument')}
        </a>{' '}
        <span className="muted ltr">({document.number})</span>
      </li>
      <li>
        <Link to={`/verify/${document.verificationCode}`}>{t('verify')}</Link>{' '}
        <span className="muted ltr">{document.verificationCode}</span>
      </li>
    </ul>
  );
}

/** The pay button: signs the form on the server, then the browser posts it to the gateway. */
export function PayPanel({ order }: { order: Order }) {
  const { t } = useTranslation('payments');
  const locale = useLocale();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ title: string; detail?: string | undefined } | null>(null);
  if (!order.gateway) return <Notice kind="warning">{t('unavailable')}</Notice>;
  return (
    <div className="pay-panel">
      {problem ? (
        <Notice kind="error" title={problem.title} live>
          {problem.detail ? <p>{problem.detail}</p> : null}
        </Notice>
      ) : null}
      <p className="lead">
        {t('fields.amount')} : <strong>{formatMad(order.amountCentimes, locale)}</strong>
      </p>
      <p>{t('secure')}</p>
      {order.gateway.sandbox ? <Notice kind="info">{t('sandbox')}</Notice> : null}
      <Button
        type="button"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setProblem(null);
          try {
            await goToGateway(order.id);
          } catch (error) {
            setPending(false);
            setProblem(
              error instanceof ApiProblem
                ? { title: error.problem.title, detail: error.problem.detail }
                : { title: String((error as Error).message) },
            );
          }
        }}
      >
        {pending ? t('paying') : t('pay')}
      </Button>
    </div>
  );
}

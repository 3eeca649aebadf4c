// Payment orders, fees and the gateway form, as the web app uses them.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export type L = { ar: string; fr: string; en: string };
export const tr = (locale: string, text: L | null | undefined) =>
  text ? (locale === 'ar' ? text.ar : locale === 'en' ? text.en : text.fr) : '';

export type FeeLine = {
  kind: 'base' | 'exemption';
  label: L;
  quantity: string | null;
  unit: 'm2' | 'copy' | 'sheet' | null;
  unitCentimes: number | null;
  amountCentimes: number;
};

export type DocumentSummary = {
  id: string;
  type: string;
  title: L;
  number: string;
  status: 'pending' | 'valid' | 'revoked' | 'superseded';
  issuedOn: string;
  issuedAt: string;
  verificationCode: string;
  verifyUrl: string;
  ready: boolean;
  sha256: string | null;
  caseId: string | null;
  downloadUrl: string;
};

export type OrderStatus = 'pending' | 'paid' | 'waived' | 'cancelled' | 'refunded';

export type Order = {
  id: string;
  number: string;
  status: OrderStatus;
  service: string;
  label: L;
  lines: FeeLine[];
  amountCentimes: number;
  currency: 'MAD';
  refundedCentimes: number;
  createdAt: string;
  paidAt: string | null;
  payer: { name: string };
  agency: { code: string; nameAr: string; nameFr: string } | null;
  case: {
    id: string;
    reference: string | null;
    state: string;
    procedure: { code: string; name: L | null };
  } | null;
  attempts: {
    oid: string;
    status: 'initiated' | 'approved' | 'declined' | 'not_captured';
    createdAt: string;
    completedAt: string | null;
    procReturnCode: string | null;
    errorMessage: string | null;
    maskedPan: string | null;
  }[];
  payment: {
    paidAt: string;
    transId: string;
    authCode: string | null;
    amountCentimes: number;
    gateway: string;
  } | null;
  refunds: { amountCentimes: number; reason: string; createdAt: string }[];
  receipt: DocumentSummary | null;
  payable: boolean;
  gateway: { sandbox: boolean } | null;
};

export type FeeEstimate = {
  amountCentimes: number;
  lines: FeeLine[];
  exemption: { code: string; percent: number } | null;
  currency: 'MAD';
};

const waitingForSomething = (order: Order | undefined) =>
  Boolean(
    order &&
      ((order.status === 'paid' && !order.receipt?.ready) ||
        order.attempts.some((a) => a.status === 'initiated')),
  );

export const useOrder = (id: string, options: { poll?: boolean } = {}) =>
  useQuery({
    queryKey: ['payment-order', id],
    queryFn: () => api.get<Order>(`/api/payments/orders/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (options.poll && waitingForSomething(query.state.data) ? 2000 : false),
  });

export const useMyOrders = () =>
  useQuery({ queryKey: ['payment-orders'], queryFn: () => api.get<Order[]>('/api/payments/orders') });

export const useCaseOrders = (caseId: string) =>
  useQuery({
    queryKey: ['case', caseId, 'payment-orders'],
    queryFn: () => api.get<Order[]>(`/api/cases/${encodeURIComponent(caseId)}/payment-orders`),
    refetchInterval: (query) => (query.state.data?.some(waitingForSomething) ? 2000 : false),
  });

export const useCaseDocuments = (caseId: string) =>
  useQuery({
    queryKey: ['case', caseId, 'issued-documents'],
    queryFn: () => api.get<DocumentSummary[]>(`/api/cases/${encodeURIComponent(caseId)}/issued-documents`),
    refetchInterval: (query) => (query.state.data?.some((d) => !d.ready) ? 2000 : false),
  });

export const estimateFee = (body: { agencyCode: string; service: string; data: Record<string, unknown> }) =>
  api.post<FeeEstimate>('/api/fees/estimate', body);

/**
 * Takes the payer to the gateway: the signed form is posted by the browser itself (hosted payment
 * page), so card details never pass through this platform.
 */
export async function goToGateway(orderId: string): Promise<void> {
  const form = await api.post<{ action: string; method: 'POST'; fields: Record<string, string> }>(
    `/api/payments/orders/${encodeURIComponent(orderId)}/checkout`,
    {},
  );
  const element = document.createElement('form');
  element.method = 'post';
  element.action = form.action;
  element.acceptCharset = 'UTF-8';
  for (const [name, value] of Object.entries(form.fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    element.appendChild(input);
  }
  document.body.appendChild(element);
  element.submit();
}

/** Where an order's case is shown: the e-document page for that service, the generic case page otherwise. */
export const casePath = (order: Pick<Order, 'case'>) =>
  order.case?.procedure.code === 'EDOC'
    ? `/e-document/${order.case.id}`
    : `/my-space/cases/${order.case?.id ?? ''}`;

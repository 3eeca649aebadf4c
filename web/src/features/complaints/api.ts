// Types and calls of e-complaints, as the server sends them (src/services/complaints/views.ts).
import { useQuery } from '@tanstack/react-query';
import { ApiProblem, api, type Problem, readCookie } from '../../lib/api.ts';
import type { Locale } from '../../lib/i18n.ts';

export type L = { ar: string; fr: string; en: string };
export const tr = (locale: string, text: L | null | undefined) =>
  text ? (text[locale as keyof L] ?? text.fr) : '';

export type QuestionType = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
export type Question = {
  code: string;
  datatype: QuestionType;
  required: boolean;
  label: L;
  hint?: L;
  values?: { key: string; name: L }[];
};
export type Category = {
  id: string;
  code: string;
  name: L;
  description: L | null;
  group: L | null;
  keywords: string[];
  answerDays: number;
  isPublic: boolean;
  locationRequired: boolean;
  questions: Question[];
  position: number;
  active: boolean;
};

export type Point = { latitude: number; longitude: number };

export type HistoryEntry = {
  id: number;
  at: string;
  kind: 'received' | 'transition' | 'update';
  transition: string | null;
  label: L;
  state: L | null;
  text: string | null;
  withheld: boolean;
  duplicateOf: string | null;
  body: { code: string; name: L } | null;
};

export type PublicView = {
  reference: string;
  agency: { code: string; name: L };
  category: { code: string; name: L };
  state: { key: string; label: L; description: L | null; phase: 'draft' | 'open' | 'closed' };
  status: 'open' | 'closed';
  isPublic: boolean;
  requestedAt: string;
  updatedAt: string;
  expectedOn: string | null;
  closedAt: string | null;
  description: string | null;
  address: string | null;
  location: Point | null;
  duplicateOf: string | null;
  redirectedTo: { code: string; name: L } | null;
  answer: { at: string; text: string | null; withheld: boolean } | null;
  history: HistoryEntry[];
};

export type Answer = { code: string; label: L; value: unknown; text: L };
export type Attachment = {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
};
export type Action = { key: string; label: L; input: unknown };

export type PrivateView = PublicView & {
  caseId: string;
  version: number;
  answers: Answer[];
  attachments: Attachment[];
  messages: { id: string; side: 'applicant' | 'staff'; body: string; at: string }[];
  actions: Action[];
  reopenUntil: string | null;
  channel: 'email' | 'sms';
  publiclyVisible: boolean;
};

export type Template = {
  id: string;
  agencyId: string;
  categoryCode: string | null;
  locale: Locale;
  kind: 'answer' | 'update' | 'not_competent' | 'duplicate';
  title: string;
  body: string;
  active: boolean;
};

export type ClockView = {
  key: string;
  label: L;
  status: 'running' | 'paused' | 'stopped' | 'expired';
  deadline: string;
  daysLeft: number;
  unit: 'working' | 'calendar';
  urgency: 'ok' | 'soon' | 'due' | 'overdue' | 'none';
};

export type StaffCase = {
  id: string;
  reference: string | null;
  version: number;
  state: { key: string; label: L; phase: string };
  assignee: { id: string; fullName: string } | null;
  clocks: ClockView[];
  actions: { key: string; kind: string; label: L; to: string; guards: string[]; input: unknown }[];
  timeline: {
    id: number;
    at: string;
    kind: string;
    transitionLabel: L | null;
    toLabel: L | null;
    actorName: string | null;
    actorSide: string;
    visibility: string;
    payload: Record<string, unknown>;
  }[];
  notes: { id: string; authorName: string; body: string; at: string }[];
  messages: { id: string; side: string; authorName: string | null; body: string; at: string }[];
  checklist: { code: string; documents: Attachment[] }[];
};

export type StaffView = {
  case: StaffCase;
  complaint: {
    caseId: string;
    agencyId: string;
    reference: string | null;
    category: { code: string; name: L; isPublic: boolean; answerDays: number };
    priority: 'low' | 'normal' | 'high' | 'urgent' | null;
    unit: string | null;
    isPublic: boolean;
    source: 'web' | 'open311';
    description: string;
    address: string | null;
    location: Point | null;
    answers: Answer[];
    applicant: { name: string; email: string | null; phone: string | null; account: boolean; locale: Locale };
    channel: 'email' | 'sms';
    duplicateOf: { id: string; reference: string } | null;
    merged: { id: string; reference: string }[];
    redirectBodyCode: string | null;
    mediaUrl: string | null;
  };
  redactions: {
    id: string;
    target: string;
    publicText: string | null;
    hidden: boolean;
    reason: string;
    by: string;
    at: string;
  }[];
  publicPreview: PublicView;
  suggestedDuplicates: {
    caseId: string;
    reference: string;
    state: string;
    depositedAt: string;
    distanceMeters: number | null;
  }[];
  templates: Template[];
  genericCaseUrl: string;
};

export type QueueItem = {
  id: string;
  reference: string | null;
  agencyCode: string;
  category: { code: string; name: L };
  state: { key: string; label: L };
  priority: 'low' | 'normal' | 'high' | 'urgent' | null;
  unit: string | null;
  title: string | null;
  isPublic: boolean;
  source: 'web' | 'open311';
  depositedAt: string | null;
  assignee: { id: string; fullName: string } | null;
  clock: ClockView | null;
};

export type StatsRow = {
  agencyCode: string;
  agencyName: { ar: string; fr: string };
  categoryCode: string;
  categoryName: L;
  received: number;
  answered: number;
  open: number;
  medianDays: number | null;
  p90Days: number | null;
  overdue: number;
};

export type Body = { code: string; kind: string; name: L };

export const useCategories = (agency: string) =>
  useQuery({
    queryKey: ['complaints', 'categories', agency],
    queryFn: () => api.get<Category[]>(`/api/complaints/categories?agency=${agency}`),
    enabled: Boolean(agency),
    staleTime: 60_000,
  });

export const useBodies = () =>
  useQuery({
    queryKey: ['complaints', 'bodies'],
    queryFn: () => api.get<Body[]>('/api/complaints/bodies'),
    staleTime: 300_000,
  });

/** Calls authenticated by the private tracking token (sent in a header, never in a URL). */
async function withToken<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  const headers = new Headers({
    accept: 'application/json, application/problem+json',
    'accept-language': document.documentElement.lang || 'ar',
    'x-tracking-token': token,
  });
  const csrf = readCookie('taamir_csrf');
  if (method !== 'GET' && csrf) headers.set('x-csrf-token', decodeURIComponent(csrf));
  if (body !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) {
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('problem+json')) throw new ApiProblem((await response.json()) as Problem);
    throw new ApiProblem({
      type: 'about:blank',
      title: response.statusText,
      status: response.status,
      code: 'http.error',
    });
  }
  if (response.status === 204) return undefined as T;
  if ((response.headers.get('content-type') ?? '').includes('json')) return (await response.json()) as T;
  return (await response.blob()) as T;
}

export const tracking = {
  view: (token: string) => withToken<PrivateView>('GET', '/api/complaints/follow', token),
  act: (token: string, transition: string, version: number, input: Record<string, unknown> = {}) =>
    withToken<PrivateView>('POST', `/api/complaints/follow/transitions/${transition}`, token, {
      version,
      input,
    }),
  message: (token: string, body: string) =>
    withToken<{ id: string }>('POST', '/api/complaints/follow/messages', token, { body }),
  attachment: (token: string, id: string) =>
    withToken<Blob>('GET', `/api/complaints/follow/attachments/${id}`, token),
};

/** Save a downloaded file under its name (the browser's own download). */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Multipart upload of the filing: the complaint as JSON and the attachments. */
export async function fileComplaint(complaint: Record<string, unknown>, files: File[]) {
  const form = new FormData();
  // A text part (a Blob would travel as a file): the server parses it as JSON.
  form.append('complaint', JSON.stringify(complaint));
  for (const file of files) form.append('attachments', file, file.name);
  return api.post<{
    id: string;
    reference: string;
    deadline: string | null;
    trackingUrl: string;
    trackingToken?: string;
  }>('/api/complaints', form);
}

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';
export const MAX_FILES = 5;
export const MAX_BYTES = 8 * 1_048_576;

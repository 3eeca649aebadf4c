// Types and hooks for cases, shared by the applicant's space and the staff back office.
import { useQuery } from '@tanstack/react-query';
import { api, readCookie } from '../../lib/api.ts';

export type L = { ar: string; fr: string; en: string };
export const tr = (locale: string, text: L | null | undefined) =>
  text ? (text[locale as keyof L] ?? text.fr) : '';

export type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  'x-label'?: L;
};

export type ClockView = {
  key: string;
  label: L;
  legal: boolean;
  unit: 'working' | 'calendar';
  days: number;
  status: 'running' | 'paused' | 'stopped' | 'expired';
  startedOn: string;
  deadline: string;
  pausedOn: string | null;
  daysLeft: number;
  urgency: 'ok' | 'soon' | 'due' | 'overdue' | 'none';
};

export type ChecklistEntry = {
  code: string;
  label: L;
  hint: L | null;
  requirement: 'mandatory' | 'conditional' | 'optional';
  required: boolean;
  accept: string[];
  maxBytes: number;
  documents: {
    id: string;
    filename: string;
    mediaType: string;
    sizeBytes: number;
    uploadedAt: string;
    uploadedSide: string;
  }[];
};

export type CaseView = {
  id: string;
  reference: string | null;
  procedure: { code: string; name: L };
  agency: { code: string; nameAr: string; nameFr: string } | null;
  state: { key: string; label: L; description: L | null; phase: 'draft' | 'open' | 'closed' };
  holder: string;
  since: string;
  version: number;
  data: Record<string, unknown>;
  createdAt: string;
  depositedAt: string | null;
  closedAt: string | null;
  missingPiecesRequested: boolean;
  assignee: { id: string; fullName: string } | null;
  clock: ClockView | null;
  clocks: ClockView[];
  checklist: ChecklistEntry[];
  requests: {
    id: string;
    kind: 'missing_piece' | 'replacement_document' | 'clarification';
    checklistCodes: string[];
    message: string;
    dueOn: string;
    state: 'open' | 'answered' | 'expired' | 'cancelled';
    createdAt: string;
    answeredAt: string | null;
    answer: string | null;
  }[];
  timeline: {
    id: number;
    at: string;
    kind: string;
    transition: string | null;
    transitionLabel: L | null;
    toLabel: L | null;
    actorSide: 'applicant' | 'staff' | 'system';
    actorName: string | null;
    payload: Record<string, unknown>;
    visibility: 'public' | 'applicant' | 'internal';
  }[];
  messages: {
    id: string;
    side: 'applicant' | 'staff';
    authorName: string | null;
    body: string;
    at: string;
  }[];
  notes: { id: string; authorName: string; body: string; at: string }[];
  actions: { key: string; kind: string; label: L; to: string; guards: string[]; input: JsonSchema | null }[];
  side: 'applicant' | 'staff' | 'system' | 'none';
};

export type CaseSummary = {
  id: string;
  reference: string | null;
  procedure: { code: string; name: L };
  state: { key: string; label: L; phase: 'draft' | 'open' | 'closed' };
  holder: string;
  since: string;
  title: string | null;
  updatedAt: string;
  depositedAt: string | null;
  clock: ClockView | null;
  openRequests?: number;
  agencyCode?: string;
  assignee?: { id: string; fullName: string } | null;
};

export type FieldDefinition = {
  key: string;
  label: L;
  hint?: L;
  type: 'text' | 'longtext' | 'email' | 'phone' | 'select' | 'boolean' | 'number' | 'date';
  required?: boolean;
  options?: { value: string; label: L }[];
  maxLength?: number;
};

export type Procedure = {
  code: string;
  name: L;
  description: L;
  applicants: string[];
  states: Record<string, { label: L; description?: L; holder: string; phase: string }>;
  fields: FieldDefinition[];
  checklist: { code: string; label: L; hint?: L; requirement: string; accept: string[]; maxBytes: number }[];
  clocks: { key: string; label: L; days: number; unit: 'working' | 'calendar'; legal: boolean }[];
  legalMaximum: { days: number; investmentDays: number };
};

export const useProcedures = () =>
  useQuery({
    queryKey: ['procedures'],
    queryFn: () => api.get<Procedure[]>('/api/procedures'),
    staleTime: 300_000,
  });
export const useProcedure = (code: string) =>
  useQuery({
    queryKey: ['procedure', code],
    queryFn: () => api.get<Procedure>(`/api/procedures/${code}`),
    staleTime: 300_000,
  });
export const useMyCases = () =>
  useQuery({ queryKey: ['cases', 'mine'], queryFn: () => api.get<CaseSummary[]>('/api/cases') });
export const caseUrl = (side: 'applicant' | 'staff', id: string) =>
  side === 'staff' ? `/api/staff/cases/${id}` : `/api/cases/${id}`;
/** A case as one side sees it; `pollWhile` keeps it fresh (every 3 s) while the system works on it. */
export const useCase = (side: 'applicant' | 'staff', id: string, pollWhile?: (view: CaseView) => boolean) =>
  useQuery({
    queryKey: ['case', side, id],
    queryFn: () => api.get<CaseView>(caseUrl(side, id)),
    refetchInterval: (query) => (query.state.data && pollWhile?.(query.state.data) ? 3000 : false),
  });

/** Upload with progress (fetch has none): XMLHttpRequest, same CSRF header as the api client. */
export function uploadWithProgress(
  url: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<{ ok: boolean; status: number; body: unknown }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const csrf = readCookie('taamir_csrf');
    if (csrf) xhr.setRequestHeader('x-csrf-token', decodeURIComponent(csrf));
    xhr.setRequestHeader('accept-language', document.documentElement.lang || 'ar');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ ok: xhr.status < 300, status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, body: null });
    xhr.send(form);
  });
}

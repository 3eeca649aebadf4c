// The one way the web app talks to the API: JSON in and out, the CSRF token on every change,
// problem+json turned into an ApiProblem the forms can show field by field.
export type FieldProblem = { pointer: string; in: string; code: string; detail: string };
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  requestId?: string;
  errors?: FieldProblem[];
  [key: string]: unknown;
};

export class ApiProblem extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.title);
    this.problem = problem;
  }
  get status() {
    return this.problem.status;
  }
  /** Field errors keyed by the body field they point at (`/email` → `email`). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const key = e.pointer.replace(/^\//, '').split('/')[0] || '_';
      out[key] ??= e.detail;
    }
    return out;
  }
}

export function readCookie(name: string): string | undefined {
  return document.cookie
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === name)?.[1];
}

async function request<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json, application/problem+json');
  headers.set('accept-language', document.documentElement.lang || 'ar');
  const csrf = readCookie('taamir_csrf');
  if (method !== 'GET' && csrf) headers.set('x-csrf-token', decodeURIComponent(csrf));
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers.set('content-type', 'application/json');
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { ...init, method, headers, body: payload, credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    if (type.includes('problem+json')) throw new ApiProblem(data as Problem);
    throw new ApiProblem({
      type: 'about:blank',
      title: response.statusText,
      status: response.status,
      code: 'http.error',
    });
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, init?: RequestInit) => request<T>('GET', path, undefined, init),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

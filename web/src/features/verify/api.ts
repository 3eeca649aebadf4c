// The public verification API: what the platform issued under a code, and whether a file is the one.
import { useQuery } from '@tanstack/react-query';
import { ApiProblem, api } from '../../lib/api.ts';

export type Title = { ar: string; fr: string; en: string };

export type Verification = {
  code: string;
  status: 'pending' | 'valid' | 'revoked' | 'superseded';
  specimen: boolean;
  type: string;
  title: Title;
  number: string;
  agency: { code: string; nameAr: string; nameFr: string };
  issuedOn: string;
  issuedAt: string;
  sha256: string | null;
  sizeBytes: number | null;
  signers: { name: string; role: string; serialNumber: string; subject: string; signedAt: string }[];
  revocation: { at: string; reason: string } | null;
  supersession: { at: string; reason: string } | null;
  supersededBy: { code: string; number: string } | null;
  supersedes: { code: string; number: string } | null;
};

export type FileVerification = {
  result: 'match' | 'mismatch' | 'unknown';
  sha256: string;
  sizeBytes: number;
  document: Verification | null;
};

export const useVerification = (code: string) =>
  useQuery({
    queryKey: ['verify', code],
    queryFn: () => api.get<Verification>(`/api/verify/${encodeURIComponent(code)}`),
    retry: (count, error) => !(error instanceof ApiProblem && error.status < 500) && count < 2,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 3000 : false),
  });

export function verifyFile(file: File, code?: string): Promise<FileVerification> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<FileVerification>(`/api/verify${code ? `?code=${encodeURIComponent(code)}` : ''}`, form);
}

/** The same normalisation as the server: any case, spaces or dashes, Arabic-keyboard digits. */
export function normalizeCode(input: string): string {
  const compact = input
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
  return compact.length === 12
    ? `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`
    : compact;
}

export const titleIn = (locale: string, title: Title) =>
  locale === 'ar' ? title.ar : locale === 'en' ? title.en : title.fr;

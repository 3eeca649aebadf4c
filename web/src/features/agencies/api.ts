import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export type Agency = {
  id: string;
  code: string;
  nameAr: string;
  nameFr: string;
  seat: { ar: string; fr: string };
  provinces: { code: string; kind: string; nameAr: string; nameFr: string; regionCode: string }[];
  contact: {
    address: { ar: string; fr: string };
    phones: { service: string; number: string }[];
    email: string;
    website: string;
    social: Partial<Record<'facebook' | 'x' | 'youtube' | 'linkedin' | 'instagram', string>>;
    hours: { ar: string; fr: string };
  };
  demoFields: string[];
  unverifiedFields: string[];
};

export type Region = { code: string; nameAr: string; nameFr: string };

export const useAgencies = () =>
  useQuery({ queryKey: ['agencies'], queryFn: () => api.get<Agency[]>('/api/agencies'), staleTime: 300_000 });
export const useRegions = () =>
  useQuery({ queryKey: ['regions'], queryFn: () => api.get<Region[]>('/api/regions'), staleTime: 300_000 });
export const useAgency = (code: string) =>
  useQuery({
    queryKey: ['agency', code],
    queryFn: () => api.get<Agency>(`/api/agencies/${encodeURIComponent(code)}`),
  });
export const useCommunes = (code: string) =>
  useQuery({
    queryKey: ['agency', code, 'communes'],
    queryFn: () =>
      api.get<{ code: string; kind: string; nameAr: string; nameFr: string; parentCode: string | null }[]>(
        `/api/agencies/${encodeURIComponent(code)}/communes`,
      ),
  });

/** Arabic name for Arabic, French name otherwise. */
export const nameIn = (locale: string, item: { nameAr: string; nameFr: string }) =>
  locale === 'ar' ? item.nameAr : item.nameFr;
export const textIn = (locale: string, item: { ar: string; fr: string }) =>
  locale === 'ar' ? item.ar : item.fr;

/** Is `path` (e.g. "contact.phones") or one of its parents marked as demo data? */
export const isDemo = (agency: Agency, path: string) =>
  agency.demoFields.some((f) => path === f || path.startsWith(`${f}.`));

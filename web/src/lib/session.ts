import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api.ts';

export type Membership = {
  organizationId: string;
  organizationCode: string;
  organizationKind: string;
  organizationNameAr: string;
  organizationNameFr: string;
  agencyId: string | null;
  role: string;
};

export type Me = {
  id: string;
  email: string;
  fullName: string;
  accountType: 'citizen' | 'professional' | 'staff';
  profession: string | null;
  professionalNumber: string | null;
  locale: 'ar' | 'fr' | 'en';
  mfaEnabled: boolean;
  memberships: Membership[];
  permissions: string[];
};

export type SessionView = {
  user: Me | null;
  mfaPending: boolean;
  csrfToken: string;
  locale: 'ar' | 'fr' | 'en';
};

export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: () => api.get<SessionView>('/api/session'),
    staleTime: 30_000,
  });
}

export function useRefreshSession() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['session'] });
}

export const isStaff = (me: Me | null | undefined) => Boolean(me && me.memberships.length > 0);
export const can = (me: Me | null | undefined, permission: string) =>
  Boolean(me?.permissions.includes(permission));

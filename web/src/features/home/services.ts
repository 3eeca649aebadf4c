// The catalogue of e-services shown on the home page. `to` is set once a service is open.
export type ServiceEntry = { key: string; to?: string; audience: 'public' | 'professional' | 'all' };

export const SERVICES: readonly ServiceEntry[] = [
  { key: 'eNote', to: '/e-note', audience: 'all' },
  { key: 'eComplaint', to: '/complaints', audience: 'public' },
  { key: 'ePermits', audience: 'professional' },
  { key: 'preStudy', audience: 'professional' },
  { key: 'ePayment', to: '/payments', audience: 'all' },
  { key: 'eDocument', to: '/e-document', audience: 'all' },
  { key: 'eCommittee', audience: 'professional' },
  { key: 'geoportal', to: '/geoportal', audience: 'all' },
  { key: 'appointments', audience: 'all' },
  { key: 'verify', to: '/verify', audience: 'all' },
  { key: 'legalLibrary', audience: 'all' },
  { key: 'infoRequest', to: '/services/INFO', audience: 'all' },
  { key: 'economicLicences', audience: 'professional' },
  { key: 'utilityConnections', audience: 'professional' },
];

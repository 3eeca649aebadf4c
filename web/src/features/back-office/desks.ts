// The service desks reachable from the back office, each shown to staff holding its permission.
// A service with a staff page of its own adds a line here.
export type Desk = { key: string; to: string; permission: string };

export const DESKS: readonly Desk[] = [
  { key: 'complaints', to: '/back-office/complaints', permission: 'queue.read' },
  { key: 'enote', to: '/back-office/e-note', permission: 'queue.read' },
  { key: 'geo', to: '/back-office/geo', permission: 'geo.manage' },
  { key: 'documents', to: '/back-office/documents', permission: 'case.act' },
  { key: 'finance', to: '/finance', permission: 'finance.manage' },
  { key: 'memberships', to: '/admin/memberships', permission: 'membership.manage' },
];

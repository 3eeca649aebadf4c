// The complaint pages, mounted by the app shell under /complaints/* (public) and
// /back-office/complaints/* (staff, signed in with a membership).
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { can, isStaff, useSession } from '../../lib/session.ts';
import { Loading, PageHeader } from '../../ui/components.tsx';
import { ComplaintsHome } from './ComplaintsHome.tsx';
import { FileComplaintPage } from './FileComplaintPage.tsx';
import { FollowPage } from './FollowPage.tsx';
import { StaffComplaintPage } from './staff/ComplaintPage.tsx';
import { KeysPage } from './staff/KeysPage.tsx';
import { QueuePage } from './staff/QueuePage.tsx';
import { SettingsPage } from './staff/SettingsPage.tsx';
import { StatsPage } from './staff/StatsPage.tsx';
import { TrackPage } from './TrackPage.tsx';
import './i18n.ts';

function NotFound() {
  const { t } = useTranslation('common');
  return <PageHeader title={t('errors.notFoundTitle')} lead={t('errors.notFoundText')} />;
}

/** Signed in (or sent to sign in, and back), then the permission when one is named. */
function Guard({
  children,
  staff,
  permission,
}: {
  children: React.ReactNode;
  staff?: boolean;
  permission?: string;
}) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  const me = session.data?.user;
  if (!me)
    return (
      <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
    );
  if (staff && !isStaff(me)) return <Navigate to="/my-space" replace />;
  if (permission && !can(me, permission)) return <NotFound />;
  return <>{children}</>;
}

export function ComplaintRoutes() {
  return (
    <Routes>
      <Route index element={<ComplaintsHome />} />
      <Route path="new" element={<FileComplaintPage />} />
      <Route path="track" element={<TrackPage />} />
      <Route path="track/:reference" element={<TrackPage />} />
      <Route path="follow" element={<FollowPage />} />
      <Route
        path="mine/:id"
        element={
          <Guard>
            <FollowPage />
          </Guard>
        }
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

export function StaffComplaintRoutes() {
  return (
    <Guard staff>
      <Routes>
        <Route index element={<QueuePage />} />
        <Route
          path="stats"
          element={
            <Guard permission="stats.read">
              <StatsPage />
            </Guard>
          }
        />
        <Route
          path="settings"
          element={
            <Guard permission="agency.update">
              <SettingsPage />
            </Guard>
          }
        />
        <Route
          path="open311-keys"
          element={
            <Guard permission="token.manage">
              <KeysPage />
            </Guard>
          }
        />
        <Route path=":id" element={<StaffComplaintPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Guard>
  );
}

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { SignInPage } from '../features/accounts/SignInPage.tsx';
import { SignUpPage } from '../features/accounts/SignUpPage.tsx';
import { ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage } from '../features/accounts/TokenPages.tsx';
import { MembershipsPage } from '../features/admin/MembershipsPage.tsx';
import { AgencyPage } from '../features/agencies/AgencyPage.tsx';
import { BackOfficePage } from '../features/back-office/BackOfficePage.tsx';
import { StaffCasePage } from '../features/back-office/StaffCasePage.tsx';
import { ApplicantCasePage } from '../features/cases/ApplicantCasePage.tsx';
import { ProcedurePage } from '../features/cases/ProcedurePage.tsx';
import { ComplaintRoutes, StaffComplaintRoutes } from '../features/complaints/routes.tsx';
import { EDocumentCasePage } from '../features/e-document/EDocumentCasePage.tsx';
import { EDocumentPage } from '../features/e-document/EDocumentPage.tsx';
import { ENotePage } from '../features/e-note/ENotePage.tsx';
import { ENoteRequestPage } from '../features/e-note/ENoteRequestPage.tsx';
import { StaffNotePage } from '../features/e-note/StaffNotePage.tsx';
import { StaffNotesPage } from '../features/e-note/StaffNotesPage.tsx';
import { GeoportalPage } from '../features/geoportal/GeoportalPage.tsx';
import { ImportsPage } from '../features/geoportal/ImportsPage.tsx';
import { PlanRulesPage } from '../features/geoportal/PlanRulesPage.tsx';
import { UrbanSheetPage } from '../features/geoportal/UrbanSheetPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { MySpacePage } from '../features/my-space/MySpacePage.tsx';
import { NotificationsPage } from '../features/notifications/NotificationsPage.tsx';
import { FinancePage } from '../features/payments/FinancePage.tsx';
import { OrderPage } from '../features/payments/OrderPage.tsx';
import { PaymentsPage } from '../features/payments/PaymentsPage.tsx';
import { RegistryPage } from '../features/verify/RegistryPage.tsx';
import { VerifyPage } from '../features/verify/VerifyPage.tsx';
import { useSession } from '../lib/session.ts';
import { Loading, PageHeader } from '../ui/components.tsx';
import { Layout } from './Layout.tsx';

/** Pages for signed-in people: others are sent to sign in, and come back after. */
function RequireUser({ children, staff }: { children: React.ReactNode; staff?: boolean }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  const me = session.data?.user;
  if (!me)
    return (
      <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
    );
  if (staff && me.memberships.length === 0) return <Navigate to="/my-space" replace />;
  return <>{children}</>;
}

function NotFound() {
  const { t } = useTranslation('common');
  return <PageHeader title={t('errors.notFoundTitle')} lead={t('errors.notFoundText')} />;
}

/** Move focus to the main region after client-side navigation, as a page load would. */
function RouteAnnouncer() {
  const location = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path change is the trigger.
  useEffect(() => {
    if (first.current) first.current = false;
    else document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.pathname]);
  return null;
}

export function App() {
  return (
    <Layout>
      <RouteAnnouncer />
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/agencies/:code" element={<AgencyPage />} />
        <Route path="/sign-up" element={<SignUpPage />} />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/verify-email" element={<VerifyEmailPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route
          path="/my-space"
          element={
            <RequireUser>
              <MySpacePage />
            </RequireUser>
          }
        />
        <Route
          path="/back-office"
          element={
            <RequireUser staff>
              <BackOfficePage />
            </RequireUser>
          }
        />
        <Route
          path="/admin/memberships"
          element={
            <RequireUser staff>
              <MembershipsPage />
            </RequireUser>
          }
        />
        <Route path="/services/:code" element={<ProcedurePage />} />
        <Route
          path="/notifications"
          element={
            <RequireUser>
              <NotificationsPage />
            </RequireUser>
          }
        />
        <Route
          path="/my-space/cases/:id"
          element={
            <RequireUser>
              <ApplicantCasePage />
            </RequireUser>
          }
        />
        <Route
          path="/back-office/cases/:id"
          element={
            <RequireUser staff>
              <StaffCasePage />
            </RequireUser>
          }
        />
        <Route path="/geoportal" element={<GeoportalPage />} />
        <Route path="/geoportal/sheet" element={<UrbanSheetPage />} />
        <Route path="/geoportal/plans/:versionId" element={<PlanRulesPage />} />
        <Route
          path="/back-office/geo"
          element={
            <RequireUser staff>
              <ImportsPage />
            </RequireUser>
          }
        />
        <Route path="/complaints/*" element={<ComplaintRoutes />} />
        <Route path="/back-office/complaints/*" element={<StaffComplaintRoutes />} />
        <Route path="/verify" element={<VerifyPage />} />
        <Route path="/verify/:code" element={<VerifyPage />} />
        <Route path="/e-note" element={<ENotePage />} />
        <Route
          path="/e-note/:id"
          element={
            <RequireUser>
              <ENoteRequestPage />
            </RequireUser>
          }
        />
        <Route
          path="/back-office/e-note"
          element={
            <RequireUser staff>
              <StaffNotesPage />
            </RequireUser>
          }
        />
        <Route
          path="/back-office/e-note/:id"
          element={
            <RequireUser staff>
              <StaffNotePage />
            </RequireUser>
          }
        />
        <Route path="/e-document" element={<EDocumentPage />} />
        <Route
          path="/e-document/:id"
          element={
            <RequireUser>
              <EDocumentCasePage />
            </RequireUser>
          }
        />
        <Route
          path="/payments"
          element={
            <RequireUser>
              <PaymentsPage />
            </RequireUser>
          }
        />
        <Route
          path="/payments/orders/:id"
          element={
            <RequireUser>
              <OrderPage />
            </RequireUser>
          }
        />
        <Route
          path="/back-office/documents"
          element={
            <RequireUser staff>
              <RegistryPage />
            </RequireUser>
          }
        />
        <Route
          path="/finance"
          element={
            <RequireUser staff>
              <FinancePage />
            </RequireUser>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Layout>
  );
}

import { Route, Routes, useLocation } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RequireAuth } from './components/RequireAuth';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage';
import { InvitationPage } from './pages/auth/InvitationPage';
import { LoginPage } from './pages/auth/LoginPage';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage';
import { VerifyEmailPage } from './pages/auth/VerifyEmailPage';
import { DelegationInvitationPage } from './pages/delegations/DelegationInvitationPage';
import { AssessmentPage } from './pages/assessment/AssessmentPage';
import { ConsentsPage } from './pages/consents/ConsentsPage';
import { DelegationsPage } from './pages/delegations/DelegationsPage';
import { DeskPage } from './pages/desk/DeskPage';
import { DemoMailboxPage } from './pages/demo/DemoMailboxPage';
import { ErrorBoundary, ErrorPage } from './pages/errors/ErrorPage';
import { NotFoundPage } from './pages/errors/NotFoundPage';
import { ProviderServicesPage } from './pages/directory/ProviderServicesPage';
import { ReviewQueuePage } from './pages/directory/ReviewQueuePage';
import { ReviewServicePage } from './pages/directory/ReviewServicePage';
import { ServiceEditorPage } from './pages/directory/ServiceEditorPage';
import { HomePage } from './pages/home/HomePage';
import { NotificationsPage } from './pages/notifications/NotificationsPage';
import { BoardPage } from './pages/orders/BoardPage';
import { InboxPage } from './pages/orders/InboxPage';
import { MyOrdersPage } from './pages/orders/MyOrdersPage';
import { OrderFormPage } from './pages/orders/OrderFormPage';
import { OrderPage } from './pages/orders/OrderPage';
import { PurchaserClientPage } from './pages/orders/PurchaserClientPage';
import { PurchaserClientsPage } from './pages/orders/PurchaserClientsPage';
import { ReferralQueuePage } from './pages/referrals/ReferralQueuePage';
import { BillingPage } from './pages/billing/BillingPage';
import { MyPaymentsPage } from './pages/billing/MyPaymentsPage';
import { ProviderBillingPage } from './pages/billing/ProviderBillingPage';
import { WorkerDayPage } from './pages/orders/WorkerDayPage';
import { PlanPage } from './pages/plan/PlanPage';
import { CasePage } from './pages/quality/CasePage';
import { CaseQueuePage } from './pages/quality/CaseQueuePage';
import { MyCasesPage } from './pages/quality/MyCasesPage';
import { NewCasePage } from './pages/quality/NewCasePage';
import { ProviderQualityPage } from './pages/quality/ProviderQualityPage';
import { RateVisitPage } from './pages/quality/RateVisitPage';
import { OrganizationPage } from './pages/organization/OrganizationPage';
import { OrganizationsPage } from './pages/organization/OrganizationsPage';
import { WebhooksPage } from './pages/organization/WebhooksPage';
import { AccessLogPage } from './pages/privacy/AccessLogPage';
import { AuditLogPage } from './pages/privacy/AuditLogPage';
import { ProfilePage } from './pages/profile/ProfilePage';
import { SecurityPage } from './pages/profile/SecurityPage';
import { SessionsPage } from './pages/profile/SessionsPage';
import { ComparePage } from './pages/shop/ComparePage';
import { OrderPlacedPage } from './pages/shop/OrderPlacedPage';
import { ProviderPage } from './pages/shop/ProviderPage';
import { ServicePage } from './pages/shop/ServicePage';
import { ShopOrderPage } from './pages/shop/ShopOrderPage';
import { ShopPage } from './pages/shop/ShopPage';
import { Loading } from './components/Page';
import { useSession } from './session/SessionContext';

function signedIn(element: JSX.Element) {
  return <RequireAuth>{element}</RequireAuth>;
}

/** The start page: the web shop for visitors, one's own start page when signed in. */
function StartPage() {
  const { status } = useSession();
  if (status === 'loading') return <Loading />;
  return status === 'signedIn' ? <HomePage /> : <ShopPage />;
}

export function App() {
  const location = useLocation();
  const session = useSession();
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route
          path="*"
          element={
            <ErrorBoundary resetKey={location.pathname}>
              {session.loadError ? (
                <ErrorPage error={session.loadError} />
              ) : (
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  <Route path="/forgot-password" element={<ForgotPasswordPage />} />
                  <Route path="/reset-password" element={<ResetPasswordPage />} />
                  <Route path="/set-password" element={<ResetPasswordPage newAccount />} />
                  <Route path="/verify-email" element={<VerifyEmailPage />} />
                  <Route path="/invitation" element={<InvitationPage />} />
                  <Route path="/invitations/accept" element={<InvitationPage />} />
                  <Route path="/delegation" element={<DelegationInvitationPage />} />
                  <Route path="/demo/mailbox" element={<DemoMailboxPage />} />
                  <Route path="/" element={<StartPage />} />
                  <Route path="/services" element={<ShopPage />} />
                  <Route path="/services/:id" element={<ServicePage />} />
                  <Route path="/services/:id/order" element={<ShopOrderPage />} />
                  <Route path="/providers/:id" element={<ProviderPage />} />
                  <Route path="/compare" element={<ComparePage />} />
                  <Route path="/provider/services" element={signedIn(<ProviderServicesPage />)} />
                  <Route path="/provider/services/new" element={signedIn(<ServiceEditorPage />)} />
                  <Route path="/provider/services/:serviceId" element={signedIn(<ServiceEditorPage />)} />
                  <Route path="/review" element={signedIn(<ReviewQueuePage />)} />
                  <Route path="/review/:serviceId" element={signedIn(<ReviewServicePage />)} />
                  <Route path="/orders" element={signedIn(<MyOrdersPage />)} />
                  <Route path="/orders/new" element={signedIn(<OrderFormPage />)} />
                  <Route path="/orders/:id" element={signedIn(<OrderPage />)} />
                  <Route path="/orders/:id/placed" element={signedIn(<OrderPlacedPage />)} />
                  <Route path="/provider/offers" element={signedIn(<InboxPage />)} />
                  <Route path="/my-day" element={signedIn(<WorkerDayPage />)} />
                  <Route path="/board" element={signedIn(<BoardPage />)} />
                  <Route path="/visits/:id/rate" element={signedIn(<RateVisitPage />)} />
                  <Route path="/cases" element={signedIn(<MyCasesPage />)} />
                  <Route path="/cases/new" element={signedIn(<NewCasePage />)} />
                  <Route path="/cases/:id" element={signedIn(<CasePage />)} />
                  <Route path="/coordinator/cases" element={signedIn(<CaseQueuePage />)} />
                  <Route path="/provider/quality" element={signedIn(<ProviderQualityPage />)} />
                  <Route path="/provider/billing" element={signedIn(<ProviderBillingPage />)} />
                  <Route path="/desk" element={signedIn(<DeskPage />)} />
                  <Route path="/consents" element={signedIn(<ConsentsPage />)} />
                  <Route path="/assessment" element={signedIn(<AssessmentPage />)} />
                  <Route path="/plan" element={signedIn(<PlanPage />)} />
                  <Route path="/purchaser/clients" element={signedIn(<PurchaserClientsPage />)} />
                  <Route path="/purchaser/clients/:clientId" element={signedIn(<PurchaserClientPage />)} />
                  <Route path="/purchaser/referrals" element={signedIn(<ReferralQueuePage />)} />
                  <Route path="/purchaser/billing" element={signedIn(<BillingPage />)} />
                  <Route path="/billing/mine" element={signedIn(<MyPaymentsPage />)} />
                  <Route path="/profile" element={signedIn(<ProfilePage />)} />
                  <Route path="/profile/security" element={signedIn(<SecurityPage />)} />
                  <Route path="/profile/sessions" element={signedIn(<SessionsPage />)} />
                  <Route path="/access-log" element={signedIn(<AccessLogPage />)} />
                  <Route path="/delegations" element={signedIn(<DelegationsPage />)} />
                  <Route path="/organizations" element={signedIn(<OrganizationsPage />)} />
                  <Route path="/organizations/:organizationId" element={signedIn(<OrganizationPage />)} />
                  <Route path="/organizations/:organizationId/webhooks" element={signedIn(<WebhooksPage />)} />
                  <Route path="/notifications" element={signedIn(<NotificationsPage />)} />
                  <Route path="/regions/:regionId/access-log" element={signedIn(<AuditLogPage />)} />
                  <Route path="*" element={<NotFoundPage />} />
                </Routes>
              )}
            </ErrorBoundary>
          }
        />
      </Route>
    </Routes>
  );
}

import { Route, Routes, useLocation } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RequireAuth } from './components/RequireAuth';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage';
import { InvitationPage } from './pages/auth/InvitationPage';
import { LoginPage } from './pages/auth/LoginPage';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage';
import { VerifyEmailPage } from './pages/auth/VerifyEmailPage';
import { DelegationInvitationPage } from './pages/delegations/DelegationInvitationPage';
import { DelegationsPage } from './pages/delegations/DelegationsPage';
import { DemoMailboxPage } from './pages/demo/DemoMailboxPage';
import { ErrorBoundary, ErrorPage } from './pages/errors/ErrorPage';
import { NotFoundPage } from './pages/errors/NotFoundPage';
import { HomePage } from './pages/home/HomePage';
import { OrganizationPage } from './pages/organization/OrganizationPage';
import { OrganizationsPage } from './pages/organization/OrganizationsPage';
import { AccessLogPage } from './pages/privacy/AccessLogPage';
import { AuditLogPage } from './pages/privacy/AuditLogPage';
import { ProfilePage } from './pages/profile/ProfilePage';
import { SecurityPage } from './pages/profile/SecurityPage';
import { SessionsPage } from './pages/profile/SessionsPage';
import { useSession } from './session/SessionContext';

function signedIn(element: JSX.Element) {
  return <RequireAuth>{element}</RequireAuth>;
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
                  <Route path="/" element={signedIn(<HomePage />)} />
                  <Route path="/profile" element={signedIn(<ProfilePage />)} />
                  <Route path="/profile/security" element={signedIn(<SecurityPage />)} />
                  <Route path="/profile/sessions" element={signedIn(<SessionsPage />)} />
                  <Route path="/access-log" element={signedIn(<AccessLogPage />)} />
                  <Route path="/delegations" element={signedIn(<DelegationsPage />)} />
                  <Route path="/organizations" element={signedIn(<OrganizationsPage />)} />
                  <Route path="/organizations/:organizationId" element={signedIn(<OrganizationPage />)} />
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

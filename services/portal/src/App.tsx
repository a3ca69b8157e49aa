// Providers and the page switch. Everything behind the sign-in gets an API client that carries the
// user's token; signing out throws the client (and its cache) away.
import { useMemo, type ReactNode } from 'react';
import { Provider } from 'urql';
import { Document } from '@utrecht/component-library-react';
import { createApiClient } from './api/createApiClient';
import { LanguageProvider } from './i18n/language';
import { AppShell } from './layout/AppShell';
import { NavigationProvider, useNavigation } from './navigation/navigation';
import { DirectoryProvider } from './session/organisationDirectory';
import { SessionProvider, useSession } from './session/session';
import { SignInPage } from './session/SignInPage';
import { useInboxAvailability } from './inbox/useInboxAvailability';
import { WorklistPage } from './worklist/WorklistPage';
import { CaseListPage } from './cases/CaseListPage';
import { CasePage } from './case/CasePage';
import { CaseAuditPage } from './audit/CaseAuditPage';
import { ReferralPage } from './referral/ReferralPage';
import { ReportPage } from './report/ReportPage';
import { InboxPage } from './inbox/InboxPage';
import { NotFoundPage } from './layout/NotFoundPage';

export function App() {
  return (
    <LanguageProvider>
      <SessionProvider>
        <DirectoryProvider>
          <NavigationProvider>
            <Document className="portal-document">
              <SignedInOrNot />
            </Document>
          </NavigationProvider>
        </DirectoryProvider>
      </SessionProvider>
    </LanguageProvider>
  );
}

function SignedInOrNot() {
  const { session, signOut } = useSession();
  const client = useMemo(
    () => (session ? createApiClient(session.token, signOut) : null),
    [session, signOut],
  );
  if (!session || !client) {
    return (
      <AppShell>
        <SignInPage />
      </AppShell>
    );
  }
  return (
    <Provider value={client}>
      <SignedInPages />
    </Provider>
  );
}

function SignedInPages() {
  const inbox = useInboxAvailability();
  return (
    <AppShell inbox={inbox}>
      <CurrentPage inboxAvailable={inbox.available} />
    </AppShell>
  );
}

function CurrentPage({ inboxAvailable }: { inboxAvailable: boolean }): ReactNode {
  const { route } = useNavigation();
  switch (route.page) {
    case 'worklist':
      return <WorklistPage />;
    case 'cases':
      return <CaseListPage />;
    case 'case':
      return <CasePage key={route.caseId} caseId={route.caseId} />;
    case 'case-audit':
      return <CaseAuditPage key={route.caseId} caseId={route.caseId} />;
    case 'referral':
      return <ReferralPage />;
    case 'report':
      return <ReportPage />;
    case 'inbox':
      return inboxAvailable ? <InboxPage /> : <NotFoundPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

// Providers and the page switch. Everything behind the sign-in gets an API client that carries the
// user's token; signing out (or in as someone else) throws the client, its cache and the pages away.
import { lazy, Suspense, useMemo, useRef, type ReactNode } from 'react';
import { Provider } from 'urql';
import { Document } from '@utrecht/component-library-react';
import { createApiClient } from './api/createApiClient';
import { LanguageProvider } from './i18n/language';
import { AppShell } from './layout/AppShell';
import { NavigationProvider, useNavigation } from './navigation/navigation';
import { DirectoryProvider } from './session/organisationDirectory';
import { personKey, SessionProvider, useSession } from './session/session';
import { SignInPage } from './session/SignInPage';
import { useInboxAvailability, type InboxAvailability } from './inbox/useInboxAvailability';
import { Loading } from './layout/Loading';
import { WorklistPage } from './worklist/WorklistPage';
import { CaseListPage } from './cases/CaseListPage';
import { CasePage } from './case/CasePage';
import { InboxPage } from './inbox/InboxPage';
import { NotFoundPage } from './layout/NotFoundPage';

// Pages only some roles open are their own chunks, fetched when first shown, so the first visit
// loads only what the sign-in page and the worklist need.
const CaseAuditPage = lazy(() =>
  import('./audit/CaseAuditPage').then((page) => ({ default: page.CaseAuditPage })),
);
const ReferralPage = lazy(() =>
  import('./referral/ReferralPage').then((page) => ({ default: page.ReferralPage })),
);
const SmiPolicyPage = lazy(() =>
  import('./policy/SmiPolicyPage').then((page) => ({ default: page.SmiPolicyPage })),
);
const ReportPage = lazy(() =>
  import('./report/ReportPage').then((page) => ({ default: page.ReportPage })),
);

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
  const { session, currentToken, renewToken, markExpired } = useSession();
  // Read when a request leaves: a token renewed (by a refresh or by signing in again) is used at once.
  const tokens = useRef({ currentToken, renewToken });
  tokens.current = { currentToken, renewToken };
  const person = session ? personKey(session.actor) : null;
  const client = useMemo(
    () =>
      person
        ? createApiClient(
            {
              current: () => tokens.current.currentToken(),
              renewed: () => tokens.current.renewToken(),
            },
            markExpired,
          )
        : null,
    [person, markExpired],
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
      <SignedInPages key={person} />
    </Provider>
  );
}

function SignedInPages() {
  const inbox = useInboxAvailability();
  return (
    <AppShell inbox={inbox}>
      <Suspense fallback={<Loading />}>
        <CurrentPage inbox={inbox} />
      </Suspense>
    </AppShell>
  );
}

function CurrentPage({ inbox }: { inbox: InboxAvailability }): ReactNode {
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
    case 'signal':
      return <ReferralPage key="signal" signal />;
    case 'report':
      return <ReportPage />;
    case 'smi-policy':
      return <SmiPolicyPage />;
    case 'inbox':
      // Until the platform has said whether it has an inbox, the page neither shows nor denies it.
      if (inbox.available === null) return <Loading />;
      return inbox.available ? <InboxPage onRead={inbox.refresh} /> : <NotFoundPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

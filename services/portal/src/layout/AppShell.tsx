// The frame of every page: skip link, who is signed in, the language switch, the main navigation
// (only the pages this role has), and the footer.
import type { ReactNode } from 'react';
import {
  Button,
  NumberBadge,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from '@utrecht/component-library-react';
import { reportScope, signalsFamilies } from '@kot/domain';
import { useLanguage } from '../i18n/language';
import { roleNames } from '../i18n/vocabulary';
import { AppLink, useNavigation } from '../navigation/navigation';
import type { Route } from '../navigation/routes';
import { useDirectory } from '../session/organisationDirectory';
import { useSession } from '../session/session';
import type { InboxAvailability } from '../inbox/useInboxAvailability';
import { SignInAgain } from '../session/SignInAgain';
import { LanguageSwitch } from './LanguageSwitch';

interface AppShellProps {
  children: ReactNode;
  inbox?: InboxAvailability;
}

export function AppShell({ children, inbox }: AppShellProps) {
  const { t, tr } = useLanguage();
  const { session, expired, signOut } = useSession();
  const { route } = useNavigation();
  const { organisationName, users } = useDirectory();
  const actor = session?.actor;

  const links: Array<{ to: Route; label: string; badge?: number }> = [];
  if (actor) {
    links.push({ to: { page: 'worklist' }, label: tr('Werklijst', 'Worklist') });
    links.push({ to: { page: 'cases' }, label: tr('Zaken', 'Cases') });
    if (actor.role === 'smi-officer') {
      links.push({ to: { page: 'referral' }, label: tr('Gezin doorverwijzen', 'Refer a family') });
    }
    if (signalsFamilies(actor)) {
      links.push({ to: { page: 'signal' }, label: tr('Gezin signaleren', 'Signal a family') });
    }
    if (actor.role === 'smi-team-lead') {
      links.push({ to: { page: 'smi-policy' }, label: tr('SMI-beleid', 'SMI policy') });
    }
    if (reportScope(actor, null).allowed) {
      links.push({ to: { page: 'report' }, label: tr('Rapportage', 'Report') });
    }
    if (inbox?.available) {
      links.push({
        to: { page: 'inbox' },
        label: tr('Berichten', 'Messages'),
        badge: inbox.unreadCount,
      });
    }
  }

  return (
    <div className="portal-page">
      <SkipLink href="#main">{tr('Direct naar de inhoud', 'Skip to content')}</SkipLink>
      <PageHeader className="portal-header">
        <div className="portal-header__bar">
          <div className="portal-brand">
            <span className="portal-brand__mark" aria-hidden="true" />
            <span>
              <span className="portal-brand__name">
                {tr('Van SMI naar kinderopvangtoeslag', 'From SMI to childcare allowance')}
              </span>
              <span className="portal-brand__sub">
                {tr(
                  'Verwijsplatform voor gemeenten, ondersteuners, CIZ en Dienst Toeslagen',
                  'Referral platform for municipalities, supporters, CIZ and Dienst Toeslagen',
                )}
              </span>
            </span>
          </div>
          <div className="portal-header__tools">
            <LanguageSwitch />
            {actor ? (
              <>
                <Paragraph className="portal-user">
                  <span className="portal-user__name">{actor.name ?? actor.id}</span>
                  <span>
                    {t(roleNames[actor.role])} · {organisationName(actor.organisation)}
                  </span>
                </Paragraph>
                <Button appearance="secondary-action-button" onClick={signOut}>
                  {tr('Uitloggen', 'Sign out')}
                </Button>
              </>
            ) : null}
          </div>
        </div>
        {links.length > 0 ? (
          <nav className="portal-nav" aria-label={tr('Hoofdmenu', 'Main menu')}>
            <ul>
              {links.map((link) => {
                const current = link.to.page === route.page;
                return (
                  <li key={link.to.page}>
                    <AppLink to={link.to} aria-current={current ? 'page' : undefined}>
                      {link.label}
                      {link.badge ? (
                        <>
                          {' '}
                          <NumberBadge>
                            {link.badge}
                            <span className="portal-visually-hidden">
                              {tr(' ongelezen', ' unread')}
                            </span>
                          </NumberBadge>
                        </>
                      ) : null}
                    </AppLink>
                  </li>
                );
              })}
            </ul>
          </nav>
        ) : null}
      </PageHeader>
      <PageContent>
        <main id="main" tabIndex={-1} className="portal-main">
          {session && expired ? <SignInAgain /> : null}
          {children}
        </main>
      </PageContent>
      <PageFooter className="portal-footer">
        <Paragraph>
          {tr(
            'Alle datums en tijden in Nederlandse tijd (Europe/Amsterdam).',
            'All dates and times in Dutch time (Europe/Amsterdam).',
          )}
          {users
            ? tr(
                ' Demo-omgeving: alle gegevens zijn verzonnen.',
                ' Demo environment: all data is invented.',
              )
            : null}
        </Paragraph>
      </PageFooter>
    </div>
  );
}

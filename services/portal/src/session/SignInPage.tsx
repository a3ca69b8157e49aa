// Signing in. In the embedded demo a list of demo users, each a button. With a real identity
// provider: a button that signs in there (when the platform names the provider, OIDC_ISSUER), and
// below it, as the fallback, a field to paste the bearer token it issued (see the README).
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { TextField } from '../forms/TextField';
import { useLanguage } from '../i18n/language';
import { roleNames } from '../i18n/vocabulary';
import { Loading } from '../layout/Loading';
import { useNavigation } from '../navigation/navigation';
import { routeOf } from '../navigation/routes';
import { demoSignIn } from './demoDirectory';
import {
  OrganisationSignInError,
  fetchOidcSettings,
  isProviderCallback,
  leaveForProvider,
  tokensFromCallback,
  type OidcSettings,
} from './organisationSignIn';
import { isRole } from './roleOf';
import { useDirectory } from './organisationDirectory';
import { useSession } from './session';

/** The provider the platform names, once `/portal/config` answered (undefined until then). */
export function useOidcSettings(): OidcSettings | null | undefined {
  const [settings, setSettings] = useState<OidcSettings | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void fetchOidcSettings().then((answer) => {
      if (current) setSettings(answer);
    });
    return () => {
      current = false;
    };
  }, []);
  return settings;
}

/** The provider's answer when this page load is its redirect back; read once, before the URL is cleaned. */
const callbackQuery = (): URLSearchParams | null =>
  isProviderCallback(window.location) ? new URLSearchParams(window.location.search) : null;

export function SignInPage() {
  const { t, tr } = useLanguage();
  const { signIn } = useSession();
  const { navigate } = useNavigation();
  const { users, loaded: directoryLoaded } = useDirectory();
  const oidc = useOidcSettings();
  const loaded = directoryLoaded && oidc !== undefined;
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [returning] = useState(callbackQuery);
  const [completing, setCompleting] = useState(returning !== null);
  const problemRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  useEffect(() => {
    document.title = tr(
      'Inloggen – Van SMI naar kinderopvangtoeslag',
      'Sign in – From SMI to childcare allowance',
    );
  }, [tr]);

  const sayWhyNot = useCallback(
    (error: unknown) =>
      setProblem(
        error instanceof OrganisationSignInError
          ? t(error.reason)
          : tr(
              'Inloggen via uw organisatie lukte niet.',
              'Signing in through your organisation failed.',
            ),
      ),
    [t, tr],
  );

  // Coming back with the browser's back button from the provider's page restores this page as it
  // was left, its button still busy; it must be usable again.
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) setBusyKey(null);
    };
    window.addEventListener('pageshow', onPageShow);
    return () => window.removeEventListener('pageshow', onPageShow);
  }, []);

  // Back from the provider: the code and state leave the address bar (and the history) at once,
  // whatever happens next. No cancel flag: StrictMode's second run must not drop the answer.
  useEffect(() => {
    if (!returning || !isProviderCallback(window.location)) return;
    window.history.replaceState(null, '', '/');
    void (async () => {
      try {
        const { accessToken, refreshGrant, returnPath } = await tokensFromCallback(returning);
        const refusal = await signIn(accessToken, { refreshGrant });
        if (refusal) setProblem(t(refusal));
        // Back on the page the user signed in again from (see SignInAgain).
        else if (returnPath !== '/') navigate(routeOf(returnPath));
      } catch (error) {
        sayWhyNot(error);
      } finally {
        setCompleting(false);
      }
    })();
  }, [returning, signIn, t, sayWhyNot, navigate]);

  const signInThroughOrganisation = async (settings: OidcSettings) => {
    setBusyKey('oidc');
    setProblem(null);
    try {
      // On success the browser leaves for the provider; the button stays busy until it has.
      await leaveForProvider(settings);
    } catch (error) {
      sayWhyNot(error);
      setBusyKey(null);
    }
  };

  const pickDemoUser = async (key: string) => {
    setBusyKey(key);
    setProblem(null);
    try {
      const refusal = await signIn(await demoSignIn(key), { demoKey: key });
      if (refusal) setProblem(t(refusal));
    } catch {
      setProblem(
        tr(
          'Inloggen als demogebruiker lukte niet. Probeer het opnieuw.',
          'Signing in as a demo user failed. Please try again.',
        ),
      );
    } finally {
      setBusyKey(null);
    }
  };

  const submitToken = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setChecking(true);
    try {
      const refusal = await signIn(token);
      if (refusal) setProblem(t(refusal));
    } finally {
      setChecking(false);
    }
  };

  return (
    <>
      <Heading1>{tr('Inloggen', 'Sign in')}</Heading1>
      <Paragraph lead>
        {tr(
          'Met dit platform verwijzen gemeenten gezinnen door naar de kinderopvangtoeslag als een ouder langdurige zorg krijgt (een Wlz-indicatie). Iedereen die meewerkt, volgt de zaak tot het besluit.',
          'With this platform municipalities refer families to the childcare allowance when a parent receives long-term care (a Wlz indication). Everyone who takes part follows the case until the decision.',
        )}
      </Paragraph>
      {problem ? (
        <div ref={problemRef} tabIndex={-1}>
          <Alert type="error" role="alert">
            <Paragraph>
              <strong>{tr('Niet ingelogd', 'Not signed in')}:</strong> {problem}
            </Paragraph>
          </Alert>
        </div>
      ) : null}
      {completing ? (
        <Paragraph role="status" aria-live="polite">
          {tr('Bezig met inloggen via uw organisatie…', 'Signing in through your organisation…')}
        </Paragraph>
      ) : null}
      {!loaded && !completing ? <Loading /> : null}
      {loaded && oidc && !completing ? (
        <section aria-labelledby="organisation-sign-in">
          <Heading2 id="organisation-sign-in">
            {tr('Inloggen via uw organisatie', 'Sign in through your organisation')}
          </Heading2>
          <Paragraph>
            {tr(
              'U logt in met het account van uw organisatie en komt daarna hier terug.',
              "You sign in with your organisation's account and then come back here.",
            )}
          </Paragraph>
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              busy={busyKey === 'oidc'}
              disabled={busyKey !== null}
              onClick={() => void signInThroughOrganisation(oidc)}
            >
              {tr('Inloggen via uw organisatie', 'Sign in through your organisation')}
            </Button>
          </ButtonGroup>
        </section>
      ) : null}
      {loaded && users && users.length > 0 ? (
        <section aria-labelledby="demo-users">
          <Heading2 id="demo-users">{tr('Kies een demogebruiker', 'Choose a demo user')}</Heading2>
          <Paragraph>
            {tr(
              'Dit is de demo-omgeving. Alle personen, organisaties en gezinnen zijn verzonnen.',
              'This is the demo environment. All people, organisations and families are invented.',
            )}
          </Paragraph>
          <Table className="portal-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{tr('Naam', 'Name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{tr('Rol', 'Role')}</TableHeaderCell>
                <TableHeaderCell scope="col">{tr('Organisatie', 'Organisation')}</TableHeaderCell>
                <TableHeaderCell scope="col">
                  <span className="portal-visually-hidden">{tr('Actie', 'Action')}</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.map((user) => (
                <TableRow key={user.key}>
                  <TableCell data-label={tr('Naam', 'Name')}>{user.name}</TableCell>
                  <TableCell data-label={tr('Rol', 'Role')}>
                    {isRole(user.role) ? t(roleNames[user.role]) : user.role}
                  </TableCell>
                  <TableCell data-label={tr('Organisatie', 'Organisation')}>
                    {user.organisationName}
                  </TableCell>
                  <TableCell data-label="">
                    <Button
                      appearance="primary-action-button"
                      busy={busyKey === user.key}
                      disabled={busyKey !== null}
                      onClick={() => void pickDemoUser(user.key)}
                      data-user={user.key}
                    >
                      {tr('Inloggen', 'Sign in')}
                      <span className="portal-visually-hidden">
                        {tr(` als ${user.name}`, ` as ${user.name}`)}
                      </span>
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ) : null}
      {loaded && !completing ? (
        <section aria-labelledby="token-sign-in">
          <Heading2 id="token-sign-in">
            {(users && users.length > 0) || oidc
              ? tr('Of gebruik een toegangstoken', 'Or use an access token')
              : tr('Inloggen met een toegangstoken', 'Sign in with an access token')}
          </Heading2>
          <Paragraph>
            {tr(
              'Een toegangstoken is een lange reeks tekens waarmee u laat zien wie u bent. U krijgt het van de beheerder van uw organisatie. Plak het hieronder. Het platform controleert het eerst. Het blijft alleen in dit tabblad bewaard.',
              "An access token is a long string of characters that shows who you are. You get it from your organisation's administrator. Paste it below. The platform checks it first. It is kept in this browser tab only.",
            )}
          </Paragraph>
          <form onSubmit={(event) => void submitToken(event)} className="portal-form">
            <TextField
              label={tr('Toegangstoken', 'Access token')}
              value={token}
              onChange={setToken}
              multiline
              required
            />
            <ButtonGroup>
              <Button
                type="submit"
                appearance="primary-action-button"
                busy={checking}
                disabled={checking}
              >
                {tr('Inloggen met token', 'Sign in with token')}
              </Button>
            </ButtonGroup>
          </form>
        </section>
      ) : null}
    </>
  );
}

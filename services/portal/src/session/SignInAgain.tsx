// The server stopped accepting the token while the user was working (it expired, or was revoked).
// The page stays as it is, with everything typed in it; this panel says so and lets the same
// person sign in again, after which the step that failed can simply be sent again. Signed in
// through the organisation, the portal first renewed the token itself (a refresh token); this panel
// comes only when that failed, and signing in at the provider again leaves this page: it says so.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { TextField } from '../forms/TextField';
import { useLanguage } from '../i18n/language';
import { demoSignIn } from './demoDirectory';
import { useDirectory } from './organisationDirectory';
import { OrganisationSignInError, leaveForProvider } from './organisationSignIn';
import { useSession, useSignedIn } from './session';
import { useOidcSettings } from './SignInPage';

export function SignInAgain() {
  const { t, tr } = useLanguage();
  const { signIn } = useSession();
  const { actor, demoKey } = useSignedIn();
  const { users } = useDirectory();
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Where the user was: after signing in again they go on from there.
  const returnTo = useRef<Element | null>(null);
  const demoUser = demoKey ? users?.find((user) => user.key === demoKey) : undefined;
  const oidc = useOidcSettings();

  useEffect(() => {
    returnTo.current = document.activeElement;
    heading.current?.focus();
  }, []);

  const attempt = async (obtain: () => Promise<string>, key?: string) => {
    setBusy(true);
    setProblem(null);
    try {
      const refusal = await signIn(await obtain(), key ? { demoKey: key } : {});
      if (refusal) {
        setProblem(t(refusal));
        return;
      }
      const back = returnTo.current;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    } catch {
      setProblem(
        tr(
          'Opnieuw inloggen lukte niet. Probeer het nog eens.',
          'Signing in again failed. Please try again.',
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  const signInThroughOrganisation = async () => {
    if (!oidc) return;
    setBusy(true);
    setProblem(null);
    try {
      // The provider sends the browser back to this page's address once signed in.
      await leaveForProvider(oidc, window.location.pathname);
    } catch (error) {
      setProblem(
        error instanceof OrganisationSignInError
          ? t(error.reason)
          : tr('Opnieuw inloggen lukte niet.', 'Signing in again failed.'),
      );
      setBusy(false);
    }
  };

  const submitToken = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => token);
  };

  return (
    <section className="portal-sign-in-again" aria-labelledby="sign-in-again">
      <Alert type="warning" role="alert">
        <Heading2 id="sign-in-again" ref={heading} tabIndex={-1}>
          {tr('U bent niet meer ingelogd', 'You are no longer signed in')}
        </Heading2>
        <Paragraph>
          {tr(
            'Uw toegang is verlopen of ingetrokken, dus het platform heeft uw laatste verzoek niet uitgevoerd. Wat u op deze pagina heeft ingevuld, blijft staan. Log opnieuw in en verstuur het daarna nog eens.',
            'Your access expired or was revoked, so the platform did not carry out your last request. What you filled in on this page stays. Sign in again, then send it once more.',
          )}
        </Paragraph>
        {problem ? (
          <Paragraph>
            <strong>{problem}</strong>
          </Paragraph>
        ) : null}
        {demoUser ? (
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              busy={busy}
              disabled={busy}
              onClick={() => void attempt(() => demoSignIn(demoUser.key), demoUser.key)}
            >
              {tr(`Opnieuw inloggen als ${demoUser.name}`, `Sign in again as ${demoUser.name}`)}
            </Button>
          </ButtonGroup>
        ) : null}
        {!demoUser && oidc ? (
          <>
            <Paragraph>
              {tr(
                'Inloggen via uw organisatie brengt u naar de inlogpagina van uw organisatie en daarna terug naar deze pagina. Wat u hier heeft ingevuld maar nog niet verstuurd, gaat dan verloren: neem het eerst over, of plak hieronder een nieuw toegangstoken, dan blijft het staan.',
                "Signing in through your organisation takes you to your organisation's sign-in page and then back to this page. What you filled in here but did not send yet is then lost: copy it first, or paste a new access token below, and it stays.",
              )}
            </Paragraph>
            <ButtonGroup>
              <Button
                appearance="primary-action-button"
                busy={busy}
                disabled={busy}
                onClick={() => void signInThroughOrganisation()}
              >
                {tr(
                  'Opnieuw inloggen via uw organisatie',
                  'Sign in again through your organisation',
                )}
              </Button>
            </ButtonGroup>
          </>
        ) : null}
        {demoUser ? null : (
          <form onSubmit={submitToken} className="portal-form">
            <TextField
              label={tr(
                `Nieuw toegangstoken voor ${actor.name ?? actor.id}`,
                `New access token for ${actor.name ?? actor.id}`,
              )}
              description={tr(
                'Vraag het aan bij de identiteitsprovider van uw organisatie, zoals bij het inloggen.',
                "Obtain it from your organisation's identity provider, as when you signed in.",
              )}
              value={token}
              onChange={setToken}
              multiline
              required
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                {tr('Opnieuw inloggen', 'Sign in again')}
              </Button>
            </ButtonGroup>
          </form>
        )}
      </Alert>
    </section>
  );
}

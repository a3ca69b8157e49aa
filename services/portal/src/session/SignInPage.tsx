// Signing in. In the embedded demo a list of demo users, each a button; with a real identity
// provider the user pastes the bearer token it issued (see the README for how to get one).
import { useEffect, useRef, useState, type FormEvent } from 'react';
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
import { demoSignIn } from './demoDirectory';
import { isRole } from './roleOf';
import { useDirectory } from './organisationDirectory';
import { useSession } from './session';

export function SignInPage() {
  const { t, tr } = useLanguage();
  const { signIn } = useSession();
  const { users, loaded } = useDirectory();
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
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

  const pickDemoUser = async (key: string) => {
    setBusyKey(key);
    setProblem(null);
    try {
      const refusal = await signIn(await demoSignIn(key), key);
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
          'Met dit platform verwijzen gemeenten gezinnen met een ouder met een Wlz-indicatie door naar de kinderopvangtoeslag, en volgen alle betrokkenen de zaak tot het besluit.',
          'With this platform municipalities refer families with a Wlz-indicated parent to the childcare allowance, and everyone involved follows the case until the decision.',
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
      {!loaded ? <Loading /> : null}
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
                  <TableCell>{user.name}</TableCell>
                  <TableCell>{isRole(user.role) ? t(roleNames[user.role]) : user.role}</TableCell>
                  <TableCell>{user.organisationName}</TableCell>
                  <TableCell>
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
      {loaded ? (
        <section aria-labelledby="token-sign-in">
          <Heading2 id="token-sign-in">
            {users && users.length > 0
              ? tr('Of gebruik een toegangstoken', 'Or use an access token')
              : tr('Inloggen met een toegangstoken', 'Sign in with an access token')}
          </Heading2>
          <Paragraph>
            {tr(
              'Vraag een toegangstoken (JWT) aan bij de identiteitsprovider van uw organisatie en plak het hieronder. Het platform controleert het token voordat u verder kunt; het blijft alleen in dit tabblad bewaard.',
              "Obtain an access token (JWT) from your organisation's identity provider and paste it below. The platform checks it before you go on; it is kept in this browser tab only.",
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

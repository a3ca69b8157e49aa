// Signing in. In the embedded demo a list of demo users, each a button; with a real identity
// provider the user pastes the bearer token it issued (see the README for how to get one).
import { useEffect, useState, type FormEvent } from 'react';
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
import { isRole } from './roleOf';
import { useLanguage } from '../i18n/language';
import { roleNames } from '../i18n/vocabulary';
import { TextField } from '../forms/TextField';
import { demoSignIn } from './demoDirectory';
import { useDirectory } from './organisationDirectory';
import { useSession } from './session';

export function SignInPage() {
  const { t, tr } = useLanguage();
  const { signIn } = useSession();
  const { users } = useDirectory();
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);

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
      if (!signIn(await demoSignIn(key))) throw new Error('unusable token');
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

  const submitToken = (event: FormEvent) => {
    event.preventDefault();
    if (!signIn(token)) {
      setProblem(
        tr(
          'Dit is geen geldig of geen geldig meer toegangstoken van dit platform.',
          'This is not a valid (or no longer a valid) access token for this platform.',
        ),
      );
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
        <Alert type="error" role="alert">
          <Paragraph>{problem}</Paragraph>
        </Alert>
      ) : null}
      {users && users.length > 0 ? (
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
      <section aria-labelledby="token-sign-in">
        <Heading2 id="token-sign-in">
          {users
            ? tr('Of gebruik een toegangstoken', 'Or use an access token')
            : tr('Inloggen met een toegangstoken', 'Sign in with an access token')}
        </Heading2>
        <Paragraph>
          {tr(
            'Vraag een toegangstoken (JWT) aan bij de identiteitsprovider van uw organisatie en plak het hieronder. Het token blijft alleen in dit tabblad bewaard.',
            "Obtain an access token (JWT) from your organisation's identity provider and paste it below. The token is kept in this browser tab only.",
          )}
        </Paragraph>
        <form onSubmit={submitToken} className="portal-form">
          <TextField
            label={tr('Toegangstoken', 'Access token')}
            value={token}
            onChange={setToken}
            multiline
            required
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button">
              {tr('Inloggen met token', 'Sign in with token')}
            </Button>
          </ButtonGroup>
        </form>
      </section>
    </>
  );
}

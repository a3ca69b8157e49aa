// What `npm start` fills in by itself in the embedded mode, and what it leaves to the operator.
import { withEmbeddedDefaults } from '@kot/all-in-one';

describe('the embedded defaults', () => {
  const dataDir = '/tmp/kot-embedded-defaults';

  it('links e-mails to the portal at the address the start prints, unless PORTAL_URL says otherwise', () => {
    expect(withEmbeddedDefaults({ DATA_DIR: dataDir, JWT_SECRET: 'x'.repeat(32) })).toMatchObject({
      PORTAL_URL: 'http://127.0.0.1:4000',
      MAIL_DIR: `${dataDir}/mail`,
    });
    expect(
      withEmbeddedDefaults({
        DATA_DIR: dataDir,
        JWT_SECRET: 'x'.repeat(32),
        HOST: '0.0.0.0',
        PORT: '8080',
      }),
    ).toMatchObject({ PORTAL_URL: 'http://localhost:8080' });
    expect(
      withEmbeddedDefaults({
        DATA_DIR: dataDir,
        JWT_SECRET: 'x'.repeat(32),
        PORTAL_URL: 'https://kot.gemeente.example',
      }),
    ).toMatchObject({ PORTAL_URL: 'https://kot.gemeente.example' });
  });

  it('leaves the link out when the port is chosen at start, and on a server', () => {
    expect(
      withEmbeddedDefaults({ DATA_DIR: dataDir, JWT_SECRET: 'x'.repeat(32), PORT: '0' }),
    ).not.toHaveProperty('PORTAL_URL');
    expect(
      withEmbeddedDefaults({ EVENTSTORE: 'postgres', DATABASE_URL: 'postgres://x/y' }),
    ).not.toHaveProperty('PORTAL_URL');
  });
});

// Writes the contracts each service publishes: schema.graphql per GraphQL service and the REST
// intake's openapi.json. Run after an intended change (`npm run contracts`); the contract tests in
// the normal jest run fail, naming breaking changes, until the files match what is served.

import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedSchemaText } from '@kot/platform';
import { notificationsSchemaForPublication } from '@kot/notifications';
import { projectionsSchemaForPublication } from '@kot/projections';
import { openApiText, publishedFiles, referralsContracts } from '@kot/referrals';

async function writeContracts(): Promise<void> {
  const services = join(__dirname, '..', 'services');
  const write = (service: string, file: string, content: string) => {
    writeFileSync(join(services, service, file), content);
    console.log(`wrote services/${service}/${file}`);
  };
  const referrals = await referralsContracts();
  write('referrals', publishedFiles.schema, publishedSchemaText(referrals.schema));
  write('referrals', publishedFiles.openApi, openApiText(referrals.openApi));
  write(
    'projections',
    'schema.graphql',
    publishedSchemaText(await projectionsSchemaForPublication()),
  );
  write(
    'notifications',
    'schema.graphql',
    publishedSchemaText(await notificationsSchemaForPublication()),
  );
}

writeContracts().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

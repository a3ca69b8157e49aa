import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareWithPublished } from '@kot/platform';
import { publishedSchemaFile, notificationsSchemaForPublication } from './publishedSchema';

const regenerate = 'Run `npm run contracts` and commit schema.graphql if the change is intended.';

describe('the GraphQL schema the notifications service publishes', () => {
  it('is the schema it serves, and any change that breaks clients is named', async () => {
    const published = readFileSync(join(__dirname, '..', '..', publishedSchemaFile), 'utf8');
    const comparison = compareWithPublished(published, await notificationsSchemaForPublication());
    // The breaking changes first: they are what a reviewer must see before regenerating.
    expect({ breaking: comparison.breaking, hint: regenerate }).toEqual({
      breaking: [],
      hint: regenerate,
    });
    expect({ same: comparison.same, dangerous: comparison.dangerous, hint: regenerate }).toEqual({
      same: true,
      dangerous: [],
      hint: regenerate,
    });
  });
});

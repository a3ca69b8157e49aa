import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseCommandTypes } from '@kot/domain';
import { compareWithPublished } from '@kot/platform';
import { openApiText, publishedFiles, referralsContracts } from './publishedContracts';

const checkedIn = (file: string) => readFileSync(join(__dirname, '..', '..', file), 'utf8');
const regenerate = 'Run `npm run contracts` and commit the files if the change is intended.';

describe('the contracts the referrals service publishes', () => {
  it('serves the GraphQL schema that is checked in, and names any change that breaks clients', async () => {
    const { schema } = await referralsContracts();
    const comparison = compareWithPublished(checkedIn(publishedFiles.schema), schema);
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

  it('serves the OpenAPI document that is checked in', async () => {
    const { openApi } = await referralsContracts();
    expect(openApiText(openApi)).toBe(checkedIn(publishedFiles.openApi));
  });

  it('documents every command with its body, its answer and its problem documents', async () => {
    const { openApi } = await referralsContracts();
    const paths = openApi['paths'] as Record<string, { post: Record<string, unknown> }>;
    expect(Object.keys(paths)).toEqual([
      ...caseCommandTypes.map((type) => `/commands/${type}`),
      '/commands/SetSmiPolicy',
    ]);
    const claim = paths['/commands/ClaimCase']!.post as {
      requestBody: { content: Record<string, { schema: unknown }> };
      responses: Record<string, { $ref?: string }>;
    };
    expect(claim.requestBody.content['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/ClaimCaseInput',
    });
    expect(Object.keys(claim.responses)).toEqual(
      ['200', '400', '401', '403', '404', '409', '413', '415', '500', '503'].sort(),
    );
    expect(claim.responses['409']).toEqual({ $ref: '#/components/responses/Problem409' });
    const responses = (openApi['components'] as { responses: Record<string, unknown> }).responses;
    expect(responses['Problem409']).toMatchObject({
      description: expect.stringContaining('urn:kot:problem:command-id-reused'),
      content: {
        'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
      },
    });
    expect(paths['/commands/OpenReferral']!.post).toMatchObject({
      responses: { '201': expect.anything() },
    });
  });

  it("describes a command's body as the service checks it: required fields, the domain's enum values, no unknown fields", async () => {
    const { openApi } = await referralsContracts();
    const schemas = (openApi['components'] as { schemas: Record<string, Record<string, unknown>> })
      .schemas;
    expect(schemas['ConfirmWlzIndicationInput']).toMatchObject({
      type: 'object',
      required: ['caseId', 'partnerId', 'kind', 'validFrom'],
      additionalProperties: false,
      properties: {
        validFrom: { type: 'string', format: 'date' },
        validTo: { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] },
        kind: { $ref: '#/components/schemas/IndicationKind' },
      },
    });
    expect(schemas['IndicationKind']).toMatchObject({ enum: ['permanent', 'temporary'] });
    expect(schemas['WorkStatus']!['enum']).toContain('route-to-work');
  });
});

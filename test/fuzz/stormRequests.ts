// One request of every malformed kind the issue lists, by name: the storm the platform must weather
// in server mode without a 5xx or an appended event. The generated fuzz covers the space between.
import { syntheticBsn } from '@kot/domain';
import { family } from '../e2e/families';
import type { FuzzRequest } from './requestArbitraries';

type Json = Record<string, unknown>;

const json = { 'Content-Type': 'application/json' };
const OPEN = `mutation Open($input: OpenReferralInput!) { openReferral(input: $input) { caseId } }`;
const OFFER = `mutation Offer($input: OfferCaseInput!) { offerCase(input: $input) { caseId } }`;

/** The GraphQL referral as an agency system posts it over REST: the domain's enum values. */
function asRest(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asRest);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      ['composition', 'kind', 'workStatus', 'careType', 'type', 'role'].includes(key) &&
      typeof item === 'string'
        ? item.toLowerCase().replace(/_/g, '-')
        : asRest(item),
    ]),
  );
}

export function stormRequests(caseId: string, officerToken: string): FuzzRequest[] {
  const auth = { Authorization: `Bearer ${officerToken}` };
  const requests: FuzzRequest[] = [];
  const graphql = (
    kind: string,
    query: string,
    variables: Json | undefined,
    fieldAtFault: boolean,
  ) =>
    requests.push({
      kind,
      path: '/graphql',
      body: JSON.stringify(variables ? { query, variables } : { query }),
      headers: { ...json, ...auth },
      fieldAtFault,
    });
  const rest = (kind: string, command: string, body: string, headers: Json = json) =>
    requests.push({
      kind,
      path: `/commands/${command}`,
      body,
      headers: { ...(headers as Record<string, string>), ...auth },
      fieldAtFault: true,
    });
  const referral = () => family().referral as Json & { household: Json; children: Json[] };
  const restReferral = () => asRest(referral()) as Json & { household: Json; children: Json[] };

  for (const key of ['__proto__', 'constructor', 'prototype']) {
    const withKey = (target: Json) => {
      Object.defineProperty(target, key, { value: { polluted: true }, enumerable: true });
      return target;
    };
    rest(`REST body with ${key}`, 'OpenReferral', JSON.stringify(withKey(restReferral())));
    const nested = restReferral();
    withKey(nested.household);
    rest(`REST household with ${key}`, 'OpenReferral', JSON.stringify(nested));
    graphql(`variables with ${key}`, OPEN, { input: withKey(referral()) }, true);
  }

  // Documents that must be refused before any resolver or depth walker runs.
  graphql(
    'fragment cycle',
    '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
    undefined,
    false,
  );
  graphql(
    'self-spreading fragment',
    '{ ...A } fragment A on Query { __typename ...A }',
    undefined,
    false,
  );
  graphql(
    'deep query',
    `{ __type(name: "Query") { ${'ofType { '.repeat(200)}name${' }'.repeat(201)} }`,
    undefined,
    false,
  );
  graphql('wide query', `{ ${'__typename '.repeat(5000)}}`, undefined, false);
  graphql(
    'alias flood',
    `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    undefined,
    false,
  );
  graphql('directive flood', `{ __typename ${'@skip(if: false) '.repeat(500)}}`, undefined, false);
  graphql('unparsable document', '{ case(id: "', undefined, false);

  // Bodies the doors cannot read.
  for (const [path, command] of [
    ['/graphql', null],
    ['/commands/OpenReferral', 'OpenReferral'],
  ] as const) {
    const send = (kind: string, body: string, headers: Record<string, string>) =>
      requests.push({
        kind: `${kind} to ${path}`,
        path,
        body,
        headers: { ...headers, ...auth, 'Apollo-Require-Preflight': 'true' },
        fieldAtFault: false,
      });
    send('malformed JSON', '{"query": ', json);
    send('text/plain', '{"query":"{ __typename }"}', { 'Content-Type': 'text/plain' });
    send('form', 'query=%7B__typename%7D', { 'Content-Type': 'application/x-www-form-urlencoded' });
    send('no content type', '{}', {});
    send('latin1 JSON', '{}', { 'Content-Type': 'application/json; charset=latin1' });
    send('broken gzip', '{}', { ...json, 'Content-Encoding': 'gzip' });
    send('huge body', JSON.stringify({ query: 'x'.repeat(300 * 1024) }), json);
    send('nested 5000 deep', `${'['.repeat(5000)}${']'.repeat(5000)}`, json);
    for (const body of ['[]', 'null', '42', '"text"', 'true'])
      send(`non-object body ${body}`, body, json);
    void command;
  }

  // Wrong types, missing and unknown fields in variables.
  graphql(
    'a number for the municipality',
    OPEN,
    { input: { ...referral(), municipality: 42 } },
    true,
  );
  graphql('a list for the household', OPEN, { input: { ...referral(), household: [1, 2] } }, true);
  graphql('a string for the children', OPEN, { input: { ...referral(), children: 'three' } }, true);
  const { municipality: _left, ...withoutMunicipality } = referral();
  graphql('missing top-level field', OPEN, { input: withoutMunicipality }, true);
  graphql('unknown top-level field', OPEN, { input: { ...referral(), colour: 'red' } }, true);
  graphql('no input at all', OPEN, {}, true);
  graphql('input is a string', OPEN, { input: 'x'.repeat(100_000) }, true);

  // Impossible data, refused by the domain's checks.
  const impossible = (
    kind: string,
    change: (input: Json & { household: Json; children: Json[] }) => void,
  ) => {
    const input = referral();
    change(input);
    graphql(`GraphQL: ${kind}`, OPEN, { input }, true);
    const body = restReferral();
    change(body);
    rest(`REST: ${kind}`, 'OpenReferral', JSON.stringify(body));
  };
  const partner = (input: Json & { household: Json }, index: number) =>
    (input.household['partners'] as Json[])[index]!;
  impossible(
    'a parent born in the future',
    (input) => (partner(input, 1)['birthDate'] = '2090-01-01'),
  );
  impossible('a parent of 130', (input) => (partner(input, 0)['birthDate'] = '1890-01-01'));
  impossible('a child of 40', (input) => (input.children[0]!['birthDate'] = '1986-01-01'));
  impossible(
    'SMI ending before it starts',
    (input) => (input['smiPeriod'] = { from: '2026-12-01', to: '2026-11-01' }),
  );
  impossible(
    'an indication ending before it starts',
    (input) =>
      (partner(input, 0)['wlzIndication'] = {
        kind: partner(input, 0)['wlzIndication']
          ? (partner(input, 0)['wlzIndication'] as Json)['kind']
          : 'PERMANENT',
        validFrom: '2020-01-01',
        validTo: '2019-01-01',
      }),
  );
  impossible(
    'a name of 10,000 characters',
    (input) => (partner(input, 0)['name'] = 'n'.repeat(10_000)),
  );
  impossible(
    'a municipality of 10,000 characters',
    (input) => (input['municipality'] = `GM${'1'.repeat(10_000)}`),
  );
  impossible(
    'the same BSN for a parent and the child',
    (input) => (input.children[0]!['bsn'] = partner(input, 0)['bsn']),
  );
  impossible(
    '21 children',
    (input) =>
      (input.children = Array.from({ length: 21 }, (_, i) => ({
        ...input.children[0]!,
        childId: `c${i}`,
        bsn: syntheticBsn(5000 + i),
      }))),
  );
  graphql(
    'an offer to an unknown organisation',
    OFFER,
    { input: { caseId, to: { organisation: 'org-that-does-not-exist', role: 'BEWINDVOERDER' } } },
    true,
  );
  rest(
    'an offer to an unknown organisation',
    'OfferCase',
    JSON.stringify({
      caseId,
      to: { organisation: 'org-that-does-not-exist', role: 'bewindvoerder' },
    }),
  );
  rest(
    'a reason of 100,000 characters',
    'WithdrawCase',
    JSON.stringify({ caseId, reason: 'r'.repeat(100_000) }),
  );
  return requests;
}

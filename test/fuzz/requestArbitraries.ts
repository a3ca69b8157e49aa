// Requests a careless or hostile caller might send, generated with fast-check from the platform's
// own contracts: every mutation's GraphQL input type (also the REST body of its command), the
// read side's query fields, and the shapes that attack a GraphQL server (cycles, depth, aliases,
// directives, size). Every request carries at least one defect that must be refused, so a run
// that appends an event has found a hole.
import fc from 'fast-check';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { caseCommandTypes } from '@kot/domain';

export interface FuzzRequest {
  /** What kind of defect it carries, for the report of a counterexample. */
  kind: string;
  path: '/graphql' | `/commands/${string}`;
  /** The raw body as sent; a string so malformed JSON can be sent too. */
  body: string;
  headers: Record<string, string>;
  /** Whether a field of the input is at fault, so the refusal must name a field. */
  fieldAtFault: boolean;
  /** False for a well-formed read (a query from the read schema): it may be answered. */
  defective?: false;
}

export interface FuzzContext {
  referrals: GraphQLSchema;
  projections: GraphQLSchema;
  /** Bearer tokens of several roles; '' stands for no token. */
  tokens: string[];
  /** A case that exists, so defects are also tried against a real stream. */
  caseId: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Door = 'graphql' | 'rest';

/** Strings a caller might type, or paste, or craft: empty, long, unicode, injection-shaped. */
const awkwardText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '2024-02-30',
    '2024-13-01',
    '9999-12-31',
    '0000-01-01',
    '1800-01-01',
    '2999-01-01',
    'GM',
    'GM00000',
    '__proto__',
    "'; DROP TABLE events; --",
    '${jndi:ldap://x}',
    '\u0000',
    '\u202e',
    '123456789',
    '999999999',
  ),
  fc.integer({ min: 201, max: 3000 }).map((length) => 'x'.repeat(length)),
);

const anyJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;

/** A value of the right shape for a GraphQL input type (enums by GraphQL name or domain value). */
function valueFor(type: GraphQLInputType, door: Door, depth: number): fc.Arbitrary<Json> {
  if (isNonNullType(type)) return valueFor(type.ofType, door, depth);
  if (isListType(type)) {
    return fc.array(valueFor(type.ofType, door, depth + 1), { maxLength: depth > 3 ? 1 : 3 });
  }
  if (isEnumType(type)) {
    const values = type
      .getValues()
      .map((value) => (door === 'graphql' ? value.name : String(value.value)));
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, awkwardText);
  }
  if (isInputObjectType(type)) {
    if (depth > 5) return fc.constant({});
    const fields = Object.values(type.getFields());
    return fc.record(
      Object.fromEntries(
        fields.map((field) => [field.name, valueFor(field.type, door, depth + 1)]),
      ) as Record<string, fc.Arbitrary<Json>>,
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.integer());
      case 'Float':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'Boolean':
        return fc.boolean();
      case 'LocalDate':
        return fc.oneof(
          fc
            .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
            .map((date) => date.toISOString().slice(0, 10)),
          awkwardText,
        );
      default:
        return fc.oneof(
          fc.constantFrom('p1', 'p2', 'c1', 'org-bewind-horizon', 'GM0344', 'bewindvoerder'),
          awkwardText,
        );
    }
  }
  return anyJson;
}

/** Every path into a JSON value (object keys and list positions), the root excluded. */
function pathsOf(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => [
      [...prefix, index],
      ...pathsOf(item, [...prefix, index]),
    ]);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      [...prefix, key],
      ...pathsOf(item, [...prefix, key]),
    ]);
  }
  return [];
}

function containerAt(root: Json, path: Array<string | number>): Json | undefined {
  let current: Json | undefined = root;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, Json>)[step as string];
  }
  return current;
}

/**
 * A defect that must be refused, applied to a well-shaped input: a key nobody declared (among them
 * the prototype's names), a required field left out, or an object where a plain value belongs.
 */
type Defect =
  | { kind: 'unknown-key'; key: string; at: number }
  | { kind: 'missing-required'; field: number }
  | { kind: 'wrong-type'; at: number; value: Json };

const defect: fc.Arbitrary<Defect> = fc.oneof(
  fc.record({
    kind: fc.constant('unknown-key' as const),
    key: fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'type2', 'phone', 'isAdmin'),
      fc.string({ minLength: 1, maxLength: 12 }).map((key) => `x-${key}`),
      fc.integer({ min: 100, max: 2000 }).map((length) => 'k'.repeat(length)),
    ),
    at: fc.nat(),
  }),
  fc.record({ kind: fc.constant('missing-required' as const), field: fc.nat() }),
  fc.record({
    kind: fc.constant('wrong-type' as const),
    at: fc.nat(),
    value: fc.constantFrom<Json>({ nested: { deeper: true } }, [[1], [2]], { '': null }),
  }),
);

/** The input with the defect in it; null when the defect cannot apply (then nothing is sent). */
function withDefect(input: Json, type: GraphQLInputType, found: Defect): Json | null {
  const copy = JSON.parse(JSON.stringify(input)) as { [key: string]: Json };
  const objectType = getNamedType(type);
  if (found.kind === 'missing-required') {
    if (!isInputObjectType(objectType)) return null;
    const required = Object.values(objectType.getFields()).filter((field) =>
      isNonNullType(field.type),
    );
    const left = required[found.field % Math.max(required.length, 1)];
    if (!left) return null;
    delete copy[left.name];
    return copy;
  }
  // Objects in the input (the root included) take an unknown key; plain values a wrong type.
  const paths = [[], ...pathsOf(copy)];
  if (found.kind === 'unknown-key') {
    const objects = paths.filter((path) => {
      const value = containerAt(copy, path);
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    });
    const target = containerAt(copy, objects[found.at % objects.length]!) as Record<string, Json>;
    // defineProperty: a plain assignment of `__proto__` would set the prototype, not add a key.
    Object.defineProperty(target, found.key, { value: 'x', enumerable: true, writable: true });
    return copy;
  }
  const plain = paths.filter((path) => {
    const value = containerAt(copy, path);
    return path.length > 0 && (value === null || typeof value !== 'object');
  });
  if (plain.length === 0) return null;
  const path = plain[found.at % plain.length]!;
  const parent = containerAt(copy, path.slice(0, -1)) as Record<string, Json>;
  parent[path.at(-1) as string] = found.value;
  return copy;
}

const mutationNameOf = (type: string) => `${type.charAt(0).toLowerCase()}${type.slice(1)}`;

/** A command with a defect, over GraphQL variables or as a REST body: every case command, and the
 * municipality's SMI policy, which has its own stream but the same two doors. */
function commandRequest(context: FuzzContext): fc.Arbitrary<FuzzRequest | null> {
  return fc
    .record({
      type: fc.constantFrom<string>(...caseCommandTypes, 'SetSmiPolicy'),
      door: fc.constantFrom<Door>('graphql', 'rest'),
      token: fc.constantFrom(...context.tokens),
      existingCase: fc.boolean(),
      defect,
      seed: fc.nat(),
    })
    .chain(({ type, door, token, existingCase, defect: found }) => {
      const inputType = context.referrals.getType(`${type}Input`);
      if (!isInputObjectType(inputType)) return fc.constant(null);
      return valueFor(inputType, door, 0).map((generated) => {
        const input = { ...(generated as Record<string, Json>) };
        if (existingCase && 'caseId' in input) input['caseId'] = context.caseId;
        const broken = withDefect(input, inputType, found);
        if (broken === null) return null;
        const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
        if (door === 'rest') {
          return {
            kind: `rest ${type}: ${found.kind}`,
            path: `/commands/${type}` as const,
            body: JSON.stringify(broken),
            headers: { 'Content-Type': 'application/json', ...headers },
            fieldAtFault: true,
          };
        }
        const name = mutationNameOf(type);
        return {
          kind: `graphql ${name}: ${found.kind}`,
          path: '/graphql' as const,
          body: JSON.stringify({
            query: `mutation Fuzz($input: ${type}Input!) { ${name}(input: $input) { caseId revision } }`,
            variables: { input: broken },
          }),
          headers: { 'Content-Type': 'application/json', ...headers },
          fieldAtFault: true,
        };
      });
    });
}

/** A selection of a query field, `depth` levels deep, arguments left to chance. */
function selection(field: GraphQLField<unknown, unknown>, depth: number, pick: number): string {
  const type = getNamedType(field.type);
  if (!isObjectType(type) || depth <= 0) return field.name;
  const fields = Object.values(type.getFields());
  const chosen = [fields[pick % fields.length]!, fields[(pick * 7 + 3) % fields.length]!];
  const unique = [...new Set(chosen)];
  return `${field.name} { ${unique.map((child) => selection(child, depth - 1, pick + 1)).join(' ')} }`;
}

/** Documents that attack the server's parsing and validation, and queries from the read schema. */
function documentRequest(context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const queryFields = Object.values(context.projections.getQueryType()?.getFields() ?? {});
  const documents: fc.Arbitrary<{ kind: string; query: string; read?: true }> = fc.oneof(
    fc
      .record({ field: fc.nat(), depth: fc.integer({ min: 0, max: 14 }), pick: fc.nat() })
      .map(({ field, depth, pick }) => ({
        kind: 'query from the read schema, arguments by chance',
        query: `{ ${selection(queryFields[field % queryFields.length]!, depth, pick)} }`,
        read: true as const,
      })),
    fc.integer({ min: 11, max: 120 }).map((depth) => ({
      kind: 'nested too deeply',
      query: `{ ${'__type(name: "Query") { ofType { '.repeat(1)}${'ofType { '.repeat(depth)}name${' }'.repeat(depth + 2)} }`,
    })),
    fc.integer({ min: 2, max: 30 }).map((length) => ({
      kind: 'fragment cycle',
      query: `{ __typename ...F0 } ${Array.from(
        { length },
        (_, i) => `fragment F${i} on Query { __typename ...F${(i + 1) % length} }`,
      ).join(' ')}`,
    })),
    fc.integer({ min: 31, max: 400 }).map((count) => ({
      kind: 'alias flood',
      query: `{ ${Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    })),
    fc.integer({ min: 21, max: 400 }).map((count) => ({
      kind: 'directive flood',
      query: `{ __typename ${'@include(if: true) '.repeat(count)}}`,
    })),
    fc.integer({ min: 3001, max: 6000 }).map((count) => ({
      kind: 'wide query',
      query: `{ ${'__typename '.repeat(count)}}`,
    })),
    fc.string({ maxLength: 200 }).map((garbage) => ({ kind: 'garbage document', query: garbage })),
  );
  return fc
    .record({ document: documents, token: fc.constantFrom(...context.tokens) })
    .map(({ document, token }) => ({
      kind: `document: ${document.kind}`,
      path: '/graphql' as const,
      body: JSON.stringify({ query: document.query }),
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      fieldAtFault: false,
      ...(document.read ? { defective: false as const } : {}),
    }));
}

/** Bodies that are not what the door reads: not JSON, not an object, the wrong content type. */
function bodyRequest(context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      path: fc.constantFrom<FuzzRequest['path']>(
        '/graphql',
        '/commands/OpenReferral',
        '/commands/ExtendSmi',
        '/commands/NoSuchCommand',
        `/commands/${'A'.repeat(300)}`,
      ),
      body: fc.oneof(
        fc.string({ maxLength: 100 }),
        fc.constantFrom('', '{', '[]', 'null', '"text"', '42', 'true', '{"a":', '\u0000'),
        anyJson.map((value) => JSON.stringify(value)),
        fc.integer({ min: 30, max: 1000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
        fc.integer({ min: 30, max: 500 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
      ),
      contentType: fc.constantFrom(
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=latin1',
        'application/graphql',
        '',
      ),
      token: fc.constantFrom(...context.tokens),
    })
    .map(({ path, body, contentType, token }) => ({
      kind: `body: ${contentType || 'no content type'}`,
      path,
      body,
      headers: {
        ...(contentType ? { 'Content-Type': contentType } : {}),
        // Apollo refuses simple requests without it as a CSRF guard (also a 400, also fine).
        'Apollo-Require-Preflight': 'true',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      fieldAtFault: false,
    }));
}

/** Any request of the kinds above; commands weigh most, since they are what reaches the log. */
export function fuzzRequest(context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc
    .oneof(
      { weight: 6, arbitrary: commandRequest(context) },
      { weight: 2, arbitrary: documentRequest(context) },
      { weight: 2, arbitrary: bodyRequest(context) },
    )
    .filter((request): request is FuzzRequest => request !== null);
}

import {
  GraphQLError,
  GraphQLScalarType,
  Kind,
  buildSchema,
  graphql,
  type GraphQLSchema,
} from 'graphql';
import { formatGraphQLError } from './formatGraphQLError';

// A date scalar that refuses the way graphql-scalars' LocalDate does.
const LocalDate = new GraphQLScalarType({
  name: 'LocalDate',
  parseValue(value) {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      throw new GraphQLError(`Value is not a valid LocalDate: ${String(value)}`);
    }
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !/^\d{4}-\d{2}-\d{2}$/.test(ast.value)) {
      throw new GraphQLError('Value is not a valid LocalDate', { nodes: ast });
    }
    return ast.value;
  },
});

const schema: GraphQLSchema = buildSchema(`
  scalar LocalDate
  enum MandateType { COURT_BEWIND DIGID_MACHTIGING }
  input MandateInput { type: MandateType!, validFrom: LocalDate! }
  input ClaimCaseInput { caseId: ID!, mandate: MandateInput!, hours: Int }
  type Query { ok: String }
  type Mutation { claimCase(input: ClaimCaseInput!): String }
`);
Object.assign(schema.getType('LocalDate') as GraphQLScalarType, {
  parseValue: LocalDate.parseValue,
  parseLiteral: LocalDate.parseLiteral,
});

/** What a client gets back: the first error's field problems (as the middleware formats it). */
async function fieldsOf(source: string, variableValues?: Record<string, unknown>) {
  const result = await graphql({ schema, source, variableValues });
  const error = result.errors?.[0];
  if (!error) throw new Error('expected the input to be refused');
  // Apollo codes these before formatting; graphql() alone does not.
  const code = variableValues ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED';
  const formatted = formatGraphQLError({ ...error.toJSON(), extensions: { code } }, error, schema);
  return formatted.extensions?.['fields'];
}

const withInput = (input: string) => `mutation { claimCase(input: ${input}) }`;
const asVariable = `mutation ($input: ClaimCaseInput!) { claimCase(input: $input) }`;

describe('input graphql-js refuses before any resolver runs', () => {
  it('names a required field that was left out, written in the document or sent as a variable', async () => {
    expect(await fieldsOf(withInput('{ caseId: "c", mandate: { type: COURT_BEWIND } }'))).toEqual([
      {
        field: 'input.mandate.validFrom',
        reason: { nl: 'ontbreekt (verplicht)', en: 'is missing (required)' },
      },
    ]);
    expect(
      await fieldsOf(asVariable, { input: { caseId: 'c', mandate: { type: 'COURT_BEWIND' } } }),
    ).toEqual([
      {
        field: 'input.mandate.validFrom',
        reason: { nl: 'ontbreekt (verplicht)', en: 'is missing (required)' },
      },
    ]);
    expect(await fieldsOf('mutation { claimCase }')).toEqual([
      { field: 'input', reason: expect.objectContaining({ en: 'is missing (required)' }) },
    ]);
  });

  it('names an unknown enum value and the values to choose from', async () => {
    const expected = [
      {
        field: 'input.mandate.type',
        reason: {
          nl: '"NOTARY" is geen bekende waarde; kies een van: COURT_BEWIND, DIGID_MACHTIGING',
          en: '"NOTARY" is not a known value; choose one of: COURT_BEWIND, DIGID_MACHTIGING',
        },
      },
    ];
    expect(
      await fieldsOf(
        withInput('{ caseId: "c", mandate: { type: NOTARY, validFrom: "2024-01-01" } }'),
      ),
    ).toEqual(expected);
    expect(
      await fieldsOf(asVariable, {
        input: { caseId: 'c', mandate: { type: 'NOTARY', validFrom: '2024-01-01' } },
      }),
    ).toEqual(expected);
  });

  it('says what a date must look like', async () => {
    const expected = [
      {
        field: 'input.mandate.validFrom',
        reason: { nl: 'geen geldige datum (JJJJ-MM-DD)', en: 'not a valid date (YYYY-MM-DD)' },
      },
    ];
    expect(
      await fieldsOf(
        withInput('{ caseId: "c", mandate: { type: COURT_BEWIND, validFrom: "1 mei" } }'),
      ),
    ).toEqual(expected);
    expect(
      await fieldsOf(asVariable, {
        input: { caseId: 'c', mandate: { type: 'COURT_BEWIND', validFrom: '1 mei' } },
      }),
    ).toEqual(expected);
  });

  it('names an unknown field and a number that is not one', async () => {
    expect(
      await fieldsOf(asVariable, {
        input: {
          caseId: 'c',
          mandate: { type: 'COURT_BEWIND', validFrom: '2024-01-01', since: 1 },
        },
      }),
    ).toEqual([
      {
        field: 'input.mandate.since',
        reason: expect.objectContaining({ en: 'unknown field or argument' }),
      },
    ]);
    expect(
      await fieldsOf(
        withInput(
          '{ caseId: "c", hours: "many", mandate: { type: COURT_BEWIND, validFrom: "2024-01-01" } }',
        ),
      ),
    ).toEqual([
      { field: 'input.hours', reason: expect.objectContaining({ en: 'expected a whole number' }) },
    ]);
  });
});

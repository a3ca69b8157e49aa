import { buildSchema } from 'graphql';
import { compareWithPublished, publishedSchemaText } from './publishedSchema';

const published = publishedSchemaText(
  buildSchema(`
    type Query { case(id: ID!): Case }
    type Case { id: ID! status: Status! }
    enum Status { OPEN CLOSED }
  `),
);

describe('a published GraphQL schema', () => {
  it('is the same when the service serves it unchanged, whatever the order of its types', () => {
    const served = buildSchema(`
      enum Status { OPEN CLOSED }
      type Case { status: Status! id: ID! }
      type Query { case(id: ID!): Case }
    `);
    expect(compareWithPublished(published, served)).toEqual({
      same: true,
      breaking: [],
      dangerous: [],
    });
  });

  it('names a removed field as a change that breaks clients', () => {
    const served = buildSchema(`
      type Query { case(id: ID!): Case }
      type Case { id: ID! }
    `);
    const comparison = compareWithPublished(published, served);
    expect(comparison.same).toBe(false);
    expect(comparison.breaking).toEqual(
      expect.arrayContaining([
        'FIELD_REMOVED: Case.status was removed.',
        'TYPE_REMOVED: Status was removed.',
      ]),
    );
  });

  it('lets an added field through as a change, not a break, and warns of a new enum value', () => {
    const served = buildSchema(`
      type Query { case(id: ID!): Case }
      type Case { id: ID! status: Status! municipality: String }
      enum Status { OPEN CLOSED WITHDRAWN }
    `);
    const comparison = compareWithPublished(published, served);
    expect(comparison).toMatchObject({ same: false, breaking: [] });
    expect(comparison.dangerous).toEqual([
      'VALUE_ADDED_TO_ENUM: WITHDRAWN was added to enum type Status.',
    ]);
  });
});

import {
  parse,
  type GraphQLResolveInfo,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type FieldNode,
} from 'graphql';
import { personalFieldsSelected } from './personalSelection';

// Only fieldNodes and fragments are read; a parsed document supplies both.
function infoOf(query: string): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions.find(
    (d) => d.kind === 'OperationDefinition',
  ) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return {
    fieldNodes: [operation.selectionSet.selections[0] as FieldNode],
    fragments,
  } as unknown as GraphQLResolveInfo;
}

describe('personalFieldsSelected', () => {
  it('finds personal fields however deep, through fragments and inline fragments', () => {
    const info = infoOf(`
      query { case(id: "x") {
        status
        household { partners { partnerId ...Who } }
        ... on CaseView { children { bsn livesAtHome } }
        claim { mandate { type reference } }
      } }
      fragment Who on Partner { name }`);
    expect(personalFieldsSelected(info)).toEqual([
      'children.bsn',
      'claim.mandate.reference',
      'household.partners.name',
    ]);
  });

  it('finds none when only the process is asked for', () => {
    expect(
      personalFieldsSelected(
        infoOf(`query { case(id: "x") { status nextStep { action } children { livesAtHome } } }`),
      ),
    ).toEqual([]);
  });
});

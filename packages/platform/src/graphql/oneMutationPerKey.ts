// The Idempotency-Key header names one request. A document with several mutations would hand the
// same key to each of them, and every mutation after the first would be taken for a retry of the
// first, or refused as a reused key. So such a document is refused before anything is carried
// out: send the mutations separately, or give each its own `commandId` argument without the header.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { text } from '@kot/domain';

export const idempotencyKeyHeader = 'Idempotency-Key';

const reason = text(
  'Met een Idempotency-Key mag één verzoek maar één mutatie bevatten. Stuur de mutaties apart, of geef elke mutatie een eigen commandId zonder deze header.',
  'With an Idempotency-Key one request may hold only one mutation. Send the mutations separately, or give each its own commandId argument without this header.',
);

export function oneMutationPerKeyPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (operation?.operation !== 'mutation') return;
          if (!request.http?.headers.get(idempotencyKeyHeader)) return;
          if (rootFieldCount(operation.selectionSet, fragmentsOf(document), 0) <= 1) return;
          throw new GraphQLError(reason.en, {
            extensions: {
              code: 'BAD_USER_INPUT',
              reason,
              fields: [{ field: idempotencyKeyHeader, reason }],
              http: { status: 400 },
            },
          });
        },
      };
    },
  };
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  return fragments;
}

/** Root fields, through fragments (validation has already refused fragment cycles). */
function rootFieldCount(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  depth: number,
): number {
  if (depth > 10) return Infinity;
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') count++;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += rootFieldCount(selection.selectionSet, fragments, depth + 1);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) count += rootFieldCount(fragment.selectionSet, fragments, depth + 1);
    }
  }
  return count;
}

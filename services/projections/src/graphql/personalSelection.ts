// Which personal fields a query asks for, so the personal data is only loaded (and an auditor's
// read only recorded) when it is actually shown; the same for the family name in the lists.
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { personalViewFields } from '../views/personalViewFields';

const personal = new Set(personalViewFields);

/** Personal field paths (see personalViewFields) selected below the resolver's field. */
export function personalFieldsSelected(info: GraphQLResolveInfo): string[] {
  return fieldPathsSelected(info, personal);
}

/** Whether the query asks for this field path below the resolver's field, e.g. `items.familyName`. */
export function fieldSelected(info: GraphQLResolveInfo, path: string): boolean {
  return fieldPathsSelected(info, new Set([path])).length > 0;
}

/** Which of the `wanted` field paths are selected below the resolver's field, fragments included. */
function fieldPathsSelected(info: GraphQLResolveInfo, wanted: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  // Fragments can refer to each other; a visit budget keeps a hostile query from looping.
  let budget = 10_000;
  const walk = (selectionSet: SelectionSetNode | undefined, path: string) => {
    if (!selectionSet) return;
    for (const selection of selectionSet.selections) {
      if (--budget < 0) return;
      if (selection.kind === Kind.FIELD) {
        const fieldPath = path ? `${path}.${selection.name.value}` : selection.name.value;
        if (wanted.has(fieldPath)) found.add(fieldPath);
        walk(selection.selectionSet, fieldPath);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, path);
      } else {
        walk(info.fragments[selection.name.value]?.selectionSet, path);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet, '');
  return [...found].sort();
}

/**
 * Whether a case field's selection asks for personal data, judged from the field alone (for the
 * cost estimate, before fragments are known): a named fragment counts as asking for it.
 */
export function mayAskForPersonalFields(node: FieldNode): boolean {
  let budget = 10_000;
  const walk = (selectionSet: SelectionSetNode | undefined, path: string): boolean => {
    if (!selectionSet) return false;
    for (const selection of selectionSet.selections) {
      if (--budget < 0) return true;
      if (selection.kind === Kind.FRAGMENT_SPREAD) return true;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (walk(selection.selectionSet, path)) return true;
        continue;
      }
      const fieldPath = path ? `${path}.${selection.name.value}` : selection.name.value;
      if (personal.has(fieldPath) || walk(selection.selectionSet, fieldPath)) return true;
    }
    return false;
  };
  return walk(node.selectionSet, '');
}

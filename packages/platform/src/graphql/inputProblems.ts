// graphql-js refuses bad input itself, before any resolver runs: a required field left out, an
// unknown enum value, a date that is not a date. Its messages name the place in their own way
// (`Variable "$input" got invalid value "x" at "input.mandate.type"; …`) or only by a position in
// the document. A client gets the same `fields: [{ field, reason: {nl, en} }]` for these as for
// the domain's refusals: the field as a path from the argument (`input.mandate.validFrom`), and
// the reason in words.
import {
  GraphQLError,
  Kind,
  isEnumType,
  parse,
  type ASTNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { excerpt, text, type FieldProblem, type Text } from '@kot/domain';

/** What a value of each scalar must look like, for a caller to put right. */
export const scalarExpectations: Readonly<Record<string, Text>> = {
  String: text('verwacht tekst', 'expected text'),
  ID: text('verwacht een id (tekst)', 'expected an id (text)'),
  Int: text('verwacht een heel getal', 'expected a whole number'),
  Float: text('verwacht een getal', 'expected a number'),
  Boolean: text('verwacht true of false', 'expected true or false'),
  LocalDate: text('geen geldige datum (JJJJ-MM-DD)', 'not a valid date (YYYY-MM-DD)'),
  DateTimeISO: text(
    'geen geldig tijdstip (bijvoorbeeld 2026-11-23T12:00:00Z)',
    'not a valid moment (for example 2026-11-23T12:00:00Z)',
  ),
};

const missing = text('ontbreekt (verplicht)', 'is missing (required)');
const unknownField = text('onbekend veld of argument', 'unknown field or argument');

const VARIABLE_AT = /^Variable "\$([^"]+)" got invalid value [\s\S]*? at "([^"]+)"; ([\s\S]*)$/;
const VARIABLE = /^Variable "\$([^"]+)" got invalid value [\s\S]*?; ([\s\S]*)$/;
const VARIABLE_MISSING =
  /^Variable "\$([^"]+)" of (?:required|non-null) type "[^"]+" (?:was not provided|must not be null)\.$/;
const FIELD_MISSING = /^Field "(?:[^".]+\.)?([^"]+)" of required type "[^"]+" was not provided\.$/;
const ARGUMENT_MISSING =
  /^Field "[^"]+" argument "([^"]+)" of type "[^"]+" is required, but it was not provided\.$/;
const FIELD_UNKNOWN = /^Field "([^"]+)" is not defined by type "[^"]+"\./;
const UNKNOWN_ARGUMENT = /^Unknown argument "[^"]+" on field "[^"]+"\./;
const ENUM_UNKNOWN = /^Value "([^"]+)" does not exist in "([^"]+)" enum\./;

/** The field and reason of a graphql-js input error, or null when it is not about input. */
export function inputProblemOf(error: GraphQLError, schema?: GraphQLSchema): FieldProblem | null {
  const message = error.message;
  const variableAt = VARIABLE_AT.exec(message);
  if (variableAt) {
    const [, , path, problem] = variableAt as unknown as [string, string, string, string];
    const named = FIELD_MISSING.exec(problem) ?? FIELD_UNKNOWN.exec(problem);
    return { field: named ? join(path, named[1]!) : path, reason: reasonOf(problem, schema) };
  }
  const variableMissing = VARIABLE_MISSING.exec(message);
  if (variableMissing) return { field: variableMissing[1]!, reason: missing };
  const variable = VARIABLE.exec(message);
  if (variable) {
    // A field missing from, or unknown in, the variable itself: name it below the variable.
    const [, name, problem] = variable as unknown as [string, string, string];
    const named = FIELD_MISSING.exec(problem) ?? FIELD_UNKNOWN.exec(problem);
    return { field: named ? join(name, named[1]!) : name, reason: reasonOf(problem, schema) };
  }

  const argumentMissing = ARGUMENT_MISSING.exec(message);
  if (argumentMissing) return { field: argumentMissing[1]!, reason: missing };
  const place = pathInDocument(error);
  if (place === null) return null;
  const fieldMissing = FIELD_MISSING.exec(message);
  if (fieldMissing) return { field: join(place, fieldMissing[1]!), reason: missing };
  return { field: place, reason: reasonOf(message, schema) };
}

function reasonOf(message: string, schema?: GraphQLSchema): Text {
  if (FIELD_MISSING.test(message)) return missing;
  if (FIELD_UNKNOWN.test(message) || UNKNOWN_ARGUMENT.test(message)) return unknownField;
  const unknownValue = ENUM_UNKNOWN.exec(message);
  if (unknownValue) {
    const enumType = schema?.getType(unknownValue[2]!);
    const values = isEnumType(enumType) ? enumType.getValues().map((value) => value.name) : [];
    const choose = values.length > 0 ? values.join(', ') : null;
    return text(
      `"${excerpt(unknownValue[1])}" is geen bekende waarde${choose ? `; kies een van: ${choose}` : ''}`,
      `"${excerpt(unknownValue[1])}" is not a known value${choose ? `; choose one of: ${choose}` : ''}`,
    );
  }
  // Scalars say what they are in their message ("Int cannot represent …", "… a valid LocalDate").
  const scalar = Object.keys(scalarExpectations)
    .filter((name) => new RegExp(`\\b${name}\\b`).test(message))
    .sort((a, b) => b.length - a.length)[0];
  if (scalar) return scalarExpectations[scalar]!;
  return text(`ongeldige waarde (${excerpt(message, 200)})`, excerpt(message, 200));
}

/**
 * Where in the document the error's node is, as a path from the argument: the argument's name,
 * then object fields and list indexes. null when the node is not inside an argument's value.
 */
function pathInDocument(error: GraphQLError): string | null {
  const target = error.nodes?.[0];
  const body = error.source?.body;
  if (!target?.loc || body === undefined) return null;
  let document;
  try {
    document = parse(body, { noLocation: false });
  } catch {
    return null;
  }
  const at = (node: ASTNode) => node.loc?.start === target.loc?.start && node.kind === target.kind;

  const inValue = (value: ValueNode, path: string, depth: number): string | null => {
    if (at(value)) return path;
    if (depth > 50) return null;
    if (value.kind === Kind.OBJECT) {
      for (const field of value.fields) {
        const fieldPath = join(path, field.name.value);
        if (at(field)) return fieldPath;
        const found = inValue(field.value, fieldPath, depth + 1);
        if (found !== null) return found;
      }
    } else if (value.kind === Kind.LIST) {
      for (const [index, item] of value.values.entries()) {
        const found = inValue(item, `${path}[${index}]`, depth + 1);
        if (found !== null) return found;
      }
    }
    return null;
  };
  const inSelections = (
    selectionSet: SelectionSetNode | undefined,
    depth: number,
  ): string | null => {
    if (!selectionSet || depth > 50) return null;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        for (const argument of selection.arguments ?? []) {
          if (at(argument)) return argument.name.value;
          const found = inValue(argument.value, argument.name.value, 0);
          if (found !== null) return found;
        }
      }
      if (selection.kind !== Kind.FRAGMENT_SPREAD) {
        const found = inSelections(selection.selectionSet, depth + 1);
        if (found !== null) return found;
      }
    }
    return null;
  };
  for (const definition of document.definitions) {
    if (
      definition.kind === Kind.OPERATION_DEFINITION ||
      definition.kind === Kind.FRAGMENT_DEFINITION
    ) {
      const found = inSelections(definition.selectionSet, 0);
      if (found !== null) return found;
    }
  }
  return null;
}

/** A path one key further; a key the caller invented is cut short, like every echoed value. */
const join = (path: string, key: string) => {
  const short = excerpt(key);
  return path ? `${path}.${short}` : short;
};

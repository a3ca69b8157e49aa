// A REST body checked against the command's GraphQL input type, so both doors accept the same
// commands: unknown fields are refused (they would otherwise travel into the event, unencrypted),
// required fields must be there, and every value must have the right JSON type. Enums take the
// domain's own values ('route-to-work'), as agency systems send them. Finer rules (BSN 11-proof,
// date ranges) stay with the domain's validation.

import { excerpt, text, type FieldProblem, type Text } from '@kot/domain';
import { scalarExpectations } from '@kot/platform';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';

const MAX_DEPTH = 10;

export function readRestInput(body: unknown, type: GraphQLInputType): FieldProblem[] {
  const problems: FieldProblem[] = [];
  check(body, type, '', problems, 0);
  return problems;
}

function check(
  value: unknown,
  type: GraphQLInputType,
  path: string,
  problems: FieldProblem[],
  depth: number,
): void {
  const problem = (reason: Text) => problems.push({ field: path || '(body)', reason });
  if (isNonNullType(type)) {
    if (value === null || value === undefined) return void problem(text('ontbreekt', 'is missing'));
    return check(value, type.ofType, path, problems, depth);
  }
  if (value === null || value === undefined) return;
  if (depth > MAX_DEPTH) return void problem(text('te diep genest', 'nested too deeply'));
  if (isListType(type)) {
    if (!Array.isArray(value)) return void problem(text('verwacht een lijst', 'expected a list'));
    value.forEach((item, i) => check(item, type.ofType, `${path}[${i}]`, problems, depth + 1));
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) {
      return void problem(text('verwacht een object', 'expected an object'));
    }
    const fields = type.getFields();
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!Object.hasOwn(fields, key)) {
        problems.push({
          field: join(path, excerpt(key)),
          reason: text('onbekend veld', 'unknown field'),
        });
      }
    }
    for (const [name, field] of Object.entries(fields)) {
      check(record[name], field.type, join(path, name), problems, depth + 1);
    }
    return;
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((option) => option.value as string);
    if (typeof value !== 'string' || !values.includes(value)) {
      problem(text(`kies een van: ${values.join(', ')}`, `choose one of: ${values.join(', ')}`));
    }
    return;
  }
  if (isScalarType(type)) {
    try {
      type.parseValue(value);
    } catch {
      problem(
        scalarExpectations[type.name] ?? text(`ongeldige ${type.name}`, `not a valid ${type.name}`),
      );
    }
  }
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

// GraphQL types as JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1). The REST intake checks
// its bodies against the GraphQL input types (readRestInput), so the published contract is drawn
// from those same types: what the document says is what the service accepts.

import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
} from 'graphql';

export type JsonSchema = Record<string, unknown>;

/** Named schemas collected while converting, to go under components.schemas. */
export type SchemaComponents = Map<string, JsonSchema>;

// As readRestInput reads them: a scalar not listed here would publish a contract we cannot vouch
// for, so conversion stops instead of guessing.
const scalars: Record<string, JsonSchema> = {
  String: { type: 'string' },
  ID: { type: 'string' },
  Boolean: { type: 'boolean' },
  Int: { type: 'integer', minimum: -(2 ** 31), maximum: 2 ** 31 - 1 },
  Float: { type: 'number' },
  SafeInt: { type: 'integer', minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER },
  LocalDate: { type: 'string', format: 'date', description: 'A calendar date, YYYY-MM-DD.' },
  DateTimeISO: { type: 'string', format: 'date-time' },
};

const reference = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** The schema of a value of `type`; nullable GraphQL types also admit JSON null. */
export function jsonSchemaOf(
  type: GraphQLInputType | GraphQLOutputType,
  components: SchemaComponents,
): JsonSchema {
  if (isNonNullType(type)) return required(type.ofType, components);
  return { anyOf: [required(type, components), { type: 'null' }] };
}

function required(type: GraphQLInputType | GraphQLOutputType, components: SchemaComponents) {
  if (isListType(type)) return { type: 'array', items: jsonSchemaOf(type.ofType, components) };
  if (isScalarType(type)) {
    const schema = scalars[type.name];
    if (!schema) throw new Error(`no JSON Schema for the GraphQL scalar ${type.name}`);
    return schema;
  }
  addComponent(type as GraphQLNamedType, components);
  return reference(type.name);
}

function addComponent(type: GraphQLNamedType, components: SchemaComponents): void {
  if (components.has(type.name)) return;
  const description = type.description ? { description: type.description } : {};
  if (isEnumType(type)) {
    // The domain's own values ('route-to-work'), as REST sends and answers them.
    const values = type.getValues().map((option) => option.value as string);
    components.set(type.name, { type: 'string', enum: values, ...description });
    return;
  }
  if (!isInputObjectType(type) && !isObjectType(type)) {
    throw new Error(`no JSON Schema for the GraphQL type ${type.name}`);
  }
  // Reserved before the fields are converted, so a type that refers to itself ends.
  components.set(type.name, {});
  const fields = Object.values(type.getFields());
  const properties = Object.fromEntries(
    fields.map((field) => {
      const schema = jsonSchemaOf(field.type, components);
      return [
        field.name,
        field.description ? { ...schema, description: field.description } : schema,
      ];
    }),
  );
  const requiredNames = fields.filter((field) => isNonNullType(field.type)).map((f) => f.name);
  components.set(type.name, {
    type: 'object',
    ...description,
    properties,
    ...(requiredNames.length > 0 ? { required: requiredNames } : {}),
    // Unknown fields are refused on the way in (they would travel into the event, unencrypted).
    ...(isInputObjectType(type) ? { additionalProperties: false } : {}),
  });
}

// A table's columns written once: the DDL, the bulk insert through jsonb_to_recordset and the
// select list that reads dates back as 'YYYY-MM-DD' text all come from the same list.

export type ColumnType =
  'text' | 'text[]' | 'integer' | 'bigint' | 'boolean' | 'date' | 'timestamptz' | 'jsonb';

export type Columns<Row> = ReadonlyArray<readonly [keyof Row & string, ColumnType, 'null'?]>;

export const columnDefinitions = <Row>(columns: Columns<Row>): string =>
  columns
    .map(([name, type, nullable]) => `${name} ${type}${nullable === 'null' ? '' : ' NOT NULL'}`)
    .join(',\n  ');

export const columnNames = <Row>(columns: Columns<Row>): string =>
  columns.map(([name]) => name).join(', ');

/** `AS r(name type, …)` for jsonb_to_recordset: one JSON parameter carries a whole batch. */
export const recordsetShape = <Row>(columns: Columns<Row>): string =>
  columns.map(([name, type]) => `${name} ${type}`).join(', ');

/** Dates as text (both drivers would turn them into local-midnight Date objects otherwise). */
export const selectList = <Row>(columns: Columns<Row>, alias = ''): string =>
  columns
    .map(([name, type]) =>
      type === 'date' ? `${alias}${name}::text AS ${name}` : `${alias}${name}`,
    )
    .join(', ');

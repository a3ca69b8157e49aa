// The tables that are not read models: which generation of each projection is live, and the
// record of personal-data reads (primary data, never rebuilt from the log, and append-only: the
// database refuses to change or delete a row, so nobody quietly edits who read what).
import type { Migration } from '../eventStorePort';

export const PROJECTIONS_COMPONENT = 'projections';

export const projectionsMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'projection generations and personal data reads',
    sql: `
CREATE TABLE IF NOT EXISTS projection_generations (
  projection  text        NOT NULL,
  generation  integer     NOT NULL,
  version     integer     NOT NULL,
  status      text        NOT NULL CHECK (status IN ('building', 'live', 'retired')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  live_since  timestamptz,
  retired_at  timestamptz,
  PRIMARY KEY (projection, generation)
);
CREATE UNIQUE INDEX IF NOT EXISTS projection_generations_one_live
  ON projection_generations (projection) WHERE status = 'live';
CREATE UNIQUE INDEX IF NOT EXISTS projection_generations_one_building
  ON projection_generations (projection) WHERE status = 'building';

CREATE TABLE IF NOT EXISTS personal_data_reads (
  id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id            text        NOT NULL,
  actor_id           text        NOT NULL,
  actor_role         text        NOT NULL,
  actor_organisation text        NOT NULL,
  what               text        NOT NULL,
  query              text        NOT NULL,
  correlation_id     text,
  read_at            timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS personal_data_reads_by_case ON personal_data_reads (case_id, read_at);
`,
  },
  {
    version: 2,
    name: 'personal data reads are append-only',
    sql: `
CREATE OR REPLACE FUNCTION personal_data_reads_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the record of personal data reads is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
DROP TRIGGER IF EXISTS personal_data_reads_no_change ON personal_data_reads;
CREATE TRIGGER personal_data_reads_no_change
  BEFORE UPDATE OR DELETE ON personal_data_reads
  FOR EACH ROW EXECUTE FUNCTION personal_data_reads_append_only();
DROP TRIGGER IF EXISTS personal_data_reads_no_truncate ON personal_data_reads;
CREATE TRIGGER personal_data_reads_no_truncate
  BEFORE TRUNCATE ON personal_data_reads
  FOR EACH STATEMENT EXECUTE FUNCTION personal_data_reads_append_only();
`,
  },
];

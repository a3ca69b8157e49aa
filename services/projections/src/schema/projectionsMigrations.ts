// The tables that are not read models: which generation of each projection is live, and the
// record of personal-data reads (primary data, never rebuilt from the log).
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
];

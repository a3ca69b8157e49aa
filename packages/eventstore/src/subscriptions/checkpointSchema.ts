// The table where every checkpointed subscriber keeps the last position it fully handled.

import type { Migration } from '../sql/migrations';

export const CHECKPOINT_COMPONENT = 'subscriber_checkpoints';

export const checkpointMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'subscriber checkpoints',
    sql: `
CREATE TABLE subscriber_checkpoints (
  name        text        PRIMARY KEY,
  position    bigint      NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);`,
  },
];

export const checkpointStatements = {
  create: {
    name: 'subscriber_checkpoint_create',
    text: 'INSERT INTO subscriber_checkpoints (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING',
  },
  load: {
    name: 'subscriber_checkpoint_load',
    text: 'SELECT position FROM subscriber_checkpoints WHERE name = $1',
  },
  /** Moves $1 from $2 to $3; no row back means somebody else moved it first. */
  advance: {
    name: 'subscriber_checkpoint_advance',
    text: `UPDATE subscriber_checkpoints SET position = $3, updated_at = now()
            WHERE name = $1 AND position = $2 RETURNING position`,
  },
};

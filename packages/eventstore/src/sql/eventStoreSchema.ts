// The event store's tables and its append function: one schema for PGlite and PostgreSQL.
//
// Global order without skips (the decision a successor must not undo)
// -------------------------------------------------------------------
// A sequence hands out numbers in call order but transactions commit in any order, so a reader
// that checkpoints "last position seen" skips a slow writer's smaller number once it commits.
// Instead, every row records its writer's transaction id (`transaction_id xid8`) and its position
// is derived from it:
//
//     position = transaction_id * 4096 + index of the event within its transaction
//
// Readers only return rows with `transaction_id < pg_snapshot_xmin(pg_current_snapshot())`,
// i.e. `position < xmin * 4096` (`eventstore_visible_horizon()`). xmin is the oldest transaction
// still running; every transaction that can still commit has an id >= xmin (running ones by the
// definition of xmin, future ones get a larger id), so every row it will ever write lies beyond
// the horizon, and every row below the horizon is final: committed and visible to the reader's
// snapshot, or rolled back forever. Ordering by position is ordering by (transaction_id, index),
// so "deliver everything below the horizon, in position order, then remember the last position"
// can neither skip nor reorder, and a checkpoint is one number.
//
// Consequences: positions are sparse and large (strictly increasing, 1-based, not dense; like
// KurrentDB's commit positions); at most 4096 events per transaction (several appends may share
// one; the index continues across them); xid8 must stay below 2^41 for positions to stay exact
// JavaScript numbers (2.2 trillion transactions; the append refuses beyond). A long-running
// transaction anywhere in the cluster holds xmin back and delays delivery (never breaks it):
// keep transactions short. readAll follows the same rule, so an event whose append has returned
// may be withheld from readAll for as long as such an older transaction runs. Appends need READ
// COMMITTED so that the statements after the stream lock see what the previous holder committed.
//
// The append is one statement (one round trip): a PL/pgSQL function that takes the stream's
// advisory lock, checks the expected revision, continues the hash chain
// (see integrity/hashChain.ts for the canonical text) and inserts all events. Bodies arrive as
// canonical JSON text, hashed as is and parsed to jsonb once by the server.

import type { Migration } from './migrations';

export const EVENT_STORE_COMPONENT = 'eventstore';

/** Must equal MAX_EVENTS_PER_APPEND; part of the position encoding. */
const EVENTS_PER_TRANSACTION = 4096;

const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

export const eventStoreMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'events, stream metadata, append function',
    sql: `
CREATE TABLE events (
  position        bigint      PRIMARY KEY,
  transaction_id  xid8        NOT NULL,
  stream_id       text        NOT NULL,
  revision        bigint      NOT NULL,
  event_id        uuid        NOT NULL,
  type            text        NOT NULL,
  schema_version  integer     NOT NULL,
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  recorded_at     timestamptz NOT NULL,
  hash            text        NOT NULL,
  prev_hash       text,
  CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision),
  CONSTRAINT events_event_id_key UNIQUE (event_id)
);

CREATE TABLE stream_metadata (
  stream_id   text        PRIMARY KEY,
  metadata    jsonb       NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Rows below this position are final (see eventStoreSchema.ts).
CREATE FUNCTION eventstore_visible_horizon() RETURNS bigint
LANGUAGE sql STABLE AS $$
  SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint * ${EVENTS_PER_TRANSACTION}
$$;

-- What the given event ids are to this stream: all stored here (an idempotent retry: the result
-- of the original append), some stored anywhere (a conflict), or none stored ('unknown').
CREATE FUNCTION eventstore_classify_known(
  p_stream_id text,
  p_event_ids uuid[],
  OUT outcome text,
  OUT stream_revision bigint,
  OUT last_position bigint
)
LANGUAGE sql STABLE AS $$
  SELECT CASE
           WHEN count(*) = 0 THEN 'unknown'
           WHEN count(*) FILTER (WHERE e.stream_id = p_stream_id) = cardinality(p_event_ids)
             THEN 'idempotent'
           ELSE 'idempotency_conflict'
         END,
         max(e.revision) FILTER (WHERE e.stream_id = p_stream_id),
         max(e.position) FILTER (WHERE e.stream_id = p_stream_id)
    FROM events e
   WHERE e.event_id = ANY (p_event_ids)
$$;

-- The hot path runs three statements: the stream lock, the stream's last event, the insert.
-- Event ids are not looked up first: the unique index refuses a repeated id, and the client
-- then asks eventstore_classify_known whether it was a retry. A retry whose expected revision is
-- stale is recognised here, before it is reported as a conflict.
CREATE FUNCTION eventstore_append(
  p_stream_id text,
  p_expected  text,
  p_event_ids uuid[],
  p_bodies    text[],
  OUT outcome text,
  OUT stream_revision bigint,
  OUT last_position bigint
)
LANGUAGE plpgsql AS $$
DECLARE
  v_count         integer := cardinality(p_event_ids);
  v_current       bigint;
  v_prev_hash     text;
  v_expected_ok   boolean;
  v_offset        integer;
  v_xid           xid8;
  v_base          bigint;
  v_recorded      timestamptz;
  v_recorded_text text;
  v_hashes        text[] := ARRAY[]::text[];
  v_prevs         text[] := ARRAY[]::text[];
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'eventstore_append needs READ COMMITTED isolation';
  END IF;
  IF v_count IS NULL OR v_count = 0 OR v_count > ${EVENTS_PER_TRANSACTION}
     OR v_count <> cardinality(p_bodies) THEN
    RAISE EXCEPTION 'eventstore_append needs 1 to ${EVENTS_PER_TRANSACTION} events';
  END IF;

  -- One writer per stream at a time, until commit. The statements below take a new snapshot,
  -- so they see everything the previous holder committed.
  PERFORM pg_advisory_xact_lock(4242002, hashtext(p_stream_id));

  SELECT e.revision, e.hash INTO v_current, v_prev_hash
    FROM events e
   WHERE e.stream_id = p_stream_id
   ORDER BY e.revision DESC
   LIMIT 1;
  IF NOT FOUND THEN
    v_current := -1;
  END IF;

  v_expected_ok := CASE p_expected
                     WHEN 'any' THEN true
                     WHEN 'no_stream' THEN v_current = -1
                     WHEN 'exists' THEN v_current <> -1
                     ELSE v_current = p_expected::bigint
                   END;
  IF NOT v_expected_ok THEN
    SELECT k.outcome, k.stream_revision, k.last_position
      INTO outcome, stream_revision, last_position
      FROM eventstore_classify_known(p_stream_id, p_event_ids) k;
    IF outcome = 'unknown' THEN
      outcome := 'wrong_expected_revision';
      stream_revision := v_current;
      last_position := NULL;
    END IF;
    RETURN;
  END IF;

  v_xid := pg_current_xact_id();
  v_base := v_xid::text::bigint;
  IF v_base >= 2199023255552 THEN
    RAISE EXCEPTION 'transaction id % no longer fits the position encoding', v_base;
  END IF;
  -- Events this transaction already appended (several appends may share one transaction).
  v_offset := COALESCE(NULLIF(current_setting('eventstore.appended_in_transaction', true), ''), '0')::integer;
  IF v_offset + v_count > ${EVENTS_PER_TRANSACTION} THEN
    RAISE EXCEPTION 'at most ${EVENTS_PER_TRANSACTION} events per transaction';
  END IF;
  PERFORM set_config('eventstore.appended_in_transaction', (v_offset + v_count)::text, true);
  v_base := v_base * ${EVENTS_PER_TRANSACTION} + v_offset;
  -- Taken after the lock, so recorded times follow revisions within a stream.
  v_recorded := clock_timestamp();
  v_recorded_text := to_char(v_recorded AT TIME ZONE 'UTC', ${ISO_UTC});

  FOR i IN 1 .. v_count LOOP
    v_prevs[i] := v_prev_hash;
    v_prev_hash := encode(sha256(convert_to(
      '{"event":' || p_bodies[i]
      || ',"prevHash":' || COALESCE('"' || v_prev_hash || '"', 'null')
      || ',"recordedAt":"' || v_recorded_text
      || '","revision":' || (v_current + i) || '}', 'UTF8')), 'hex');
    v_hashes[i] := v_prev_hash;
  END LOOP;

  INSERT INTO events (position, transaction_id, stream_id, revision, event_id, type,
                      schema_version, data, metadata, recorded_at, hash, prev_hash)
  SELECT v_base + b.n - 1, v_xid, p_stream_id, v_current + b.n, b.event_id,
         b.body ->> 'type', (b.body ->> 'schemaVersion')::integer, b.body -> 'data',
         b.body -> 'metadata', v_recorded, v_hashes[b.n], v_prevs[b.n]
    FROM (SELECT u.event_id, u.body::jsonb AS body, u.n
            FROM unnest(p_event_ids, p_bodies) WITH ORDINALITY AS u(event_id, body, n)) b;

  outcome := 'appended';
  stream_revision := v_current + v_count;
  last_position := v_base + v_count - 1;
END
$$;
`,
  },
];

/** SQL text of a recorded event row; every read selects exactly these columns. */
export const EVENT_COLUMNS = `e.position, e.stream_id, e.revision, e.event_id, e.type, e.schema_version,
  e.data, e.metadata, to_char(e.recorded_at AT TIME ZONE 'UTC', ${ISO_UTC}) AS recorded_at,
  e.hash, e.prev_hash`;

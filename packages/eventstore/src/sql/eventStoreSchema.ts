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
// Readers only return rows below a horizon (`eventstore_visible_horizon()`, version 3): the
// smallest id among the transactions still running that append to this store, or, when none
// does, the first id not yet handed out. Every append takes a shared advisory lock before its
// transaction has an id, and that lock is how readers recognise appending transactions in
// pg_locks. Every transaction that can still append has an id >= the horizon (running ones by
// the definition, later ones get a larger id), so every row it will ever write lies beyond the
// horizon, and every row below it is final: committed and visible to a snapshot taken after the
// horizon was read, or rolled back forever. So readers read the horizon in one statement and the
// rows in the next. Ordering by position is ordering by (transaction_id, index), so "deliver
// everything below the horizon, in position order, then remember the last position" can neither
// skip nor reorder, and a checkpoint is one number.
//
// Version 1 used the oldest running transaction of the whole cluster (pg_snapshot_xmin), so any
// write transaction anywhere (a read model's batch, another application) delayed delivery for
// as long as it ran; now only appends do, and appends are single statements.
//
// Consequences: positions are sparse and large (strictly increasing, 1-based, not dense; like
// KurrentDB's commit positions); at most 4096 events per transaction (several appends may share
// one; the index continues across them); xid8 must stay below 2^41 for positions to stay exact
// JavaScript numbers (2.2 trillion transactions; the append refuses beyond). An append must be
// the first write of its transaction (it is refused otherwise: an id taken before the lock could
// lie below a horizon readers have already passed). A transaction that appends and then stays
// open holds delivery back (never breaks it). Appends need READ COMMITTED so that the statements
// after the stream lock see what the previous holder committed.
//
// The append is one statement (one round trip): a PL/pgSQL function that takes the stream's
// advisory lock, checks the expected revision, continues the hash chain
// (see integrity/hashChain.ts for the canonical text) and inserts all events. Bodies arrive as
// canonical JSON text, hashed as is and parsed to jsonb once by the server.

import type { Migration } from './migrations';

export const EVENT_STORE_COMPONENT = 'eventstore';

/** The advisory lock class that marks a transaction appending events (see version 3). */
const APPENDING_LOCK_CLASS = 4242003;

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
  {
    version: 2,
    name: 'group commit: several appends in one transaction; each event body parsed once',
    sql: `
-- The hash of one event in its stream (the canonical text is in integrity/hashChain.ts).
CREATE FUNCTION eventstore_event_hash(
  p_body text, p_prev_hash text, p_recorded_text text, p_revision bigint
) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(
    '{"event":' || p_body
    || ',"prevHash":' || COALESCE('"' || p_prev_hash || '"', 'null')
    || ',"recordedAt":"' || p_recorded_text
    || '","revision":' || p_revision || '}', 'UTF8')), 'hex')
$$;

-- As in version 1, but the body is parsed to jsonb once per event, not once per column read
-- from it (the planner flattened the subquery and repeated the cast).
CREATE OR REPLACE FUNCTION eventstore_append(
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
  v_offset := COALESCE(NULLIF(current_setting('eventstore.appended_in_transaction', true), ''), '0')::integer;
  IF v_offset + v_count > ${EVENTS_PER_TRANSACTION} THEN
    RAISE EXCEPTION 'at most ${EVENTS_PER_TRANSACTION} events per transaction';
  END IF;
  PERFORM set_config('eventstore.appended_in_transaction', (v_offset + v_count)::text, true);
  v_base := v_base * ${EVENTS_PER_TRANSACTION} + v_offset;
  v_recorded := clock_timestamp();
  v_recorded_text := to_char(v_recorded AT TIME ZONE 'UTC', ${ISO_UTC});

  FOR i IN 1 .. v_count LOOP
    v_prevs[i] := v_prev_hash;
    v_prev_hash := eventstore_event_hash(p_bodies[i], v_prev_hash, v_recorded_text, v_current + i);
    v_hashes[i] := v_prev_hash;
  END LOOP;

  INSERT INTO events (position, transaction_id, stream_id, revision, event_id, type,
                      schema_version, data, metadata, recorded_at, hash, prev_hash)
  SELECT v_base + b.n - 1, v_xid, p_stream_id, v_current + b.n, b.event_id,
         b.body ->> 'type', (b.body ->> 'schemaVersion')::integer, b.body -> 'data',
         b.body -> 'metadata', v_recorded, v_hashes[b.n], v_prevs[b.n]
    FROM (SELECT u.event_id, u.body::jsonb AS body, u.n
            FROM unnest(p_event_ids, p_bodies) WITH ORDINALITY AS u(event_id, body, n)
          OFFSET 0) b;

  outcome := 'appended';
  stream_revision := v_current + v_count;
  last_position := v_base + v_count - 1;
END
$$;

-- Group commit: several appends in one statement, so one transaction and one commit, each append
-- with its own outcome, in order. Arguments: per append its stream, expectation and event count;
-- the event ids and canonical bodies of all appends concatenated in order.
--
-- Each append is atomic on its own: the ones that pass their checks are written, one that fails
-- writes nothing. The usual batch, where every expectation holds and every event id is new, takes
-- the direct path: the stream locks of the whole batch in key order (so two batches, from any
-- process, never wait for each other in a cycle), the stream heads read once, every expectation
-- checked against its stream's head as the earlier appends of the batch leave it, one insert.
-- Anything else (a wrong expectation, a stored or repeated event id, which the unique index
-- refuses as on the single path) is rare and goes to eventstore_append_each, which runs the
-- appends one by one, each in its own subtransaction; nothing of the direct path is kept then.
CREATE FUNCTION eventstore_append_batch(
  p_stream_ids text[],
  p_expected   text[],
  p_counts     integer[],
  p_event_ids  uuid[],
  p_bodies     text[]
)
RETURNS TABLE (outcome text, stream_revision bigint, last_position bigint,
               error_code text, error_message text)
LANGUAGE plpgsql AS $$
DECLARE
  v_appends       integer := cardinality(p_stream_ids);
  v_events        integer := cardinality(p_event_ids);
  v_key           integer;
  v_streams       text[];
  v_heads         bigint[];
  v_head_hashes   text[];
  v_stream        integer;
  v_current       bigint;
  v_expected_ok   boolean;
  v_first         integer := 1;
  v_offset        integer;
  v_xid           xid8;
  v_base          bigint;
  v_recorded      timestamptz;
  v_recorded_text text;
  v_row_streams   text[] := ARRAY[]::text[];
  v_revisions     bigint[] := ARRAY[]::bigint[];
  v_hashes        text[] := ARRAY[]::text[];
  v_prevs         text[] := ARRAY[]::text[];
  v_results       bigint[] := ARRAY[]::bigint[];
  v_careful       boolean := false;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'eventstore_append_batch needs READ COMMITTED isolation';
  END IF;
  IF v_appends IS NULL OR v_appends = 0 OR v_appends <> cardinality(p_expected)
     OR v_appends <> cardinality(p_counts) OR v_events <> cardinality(p_bodies)
     OR (SELECT sum(c) FROM unnest(p_counts) AS c) <> v_events
     OR EXISTS (SELECT FROM unnest(p_counts) AS c WHERE c IS NULL OR c < 1) THEN
    RAISE EXCEPTION 'eventstore_append_batch needs a stream, an expectation and events per append';
  END IF;

  FOR v_key IN SELECT DISTINCT hashtext(s) FROM unnest(p_stream_ids) AS s ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(4242002, v_key);
  END LOOP;

  -- After the locks: a new snapshot with everything the previous lock holders committed.
  SELECT array_agg(s.stream_id), array_agg(COALESCE(h.revision, -1)), array_agg(h.hash)
    INTO v_streams, v_heads, v_head_hashes
    FROM (SELECT DISTINCT u AS stream_id FROM unnest(p_stream_ids) AS u) s
    LEFT JOIN LATERAL (SELECT e.revision, e.hash FROM events e
                        WHERE e.stream_id = s.stream_id
                        ORDER BY e.revision DESC LIMIT 1) h ON true;

  v_xid := pg_current_xact_id();
  v_base := v_xid::text::bigint;
  IF v_base >= 2199023255552 THEN
    RAISE EXCEPTION 'transaction id % no longer fits the position encoding', v_base;
  END IF;
  v_offset := COALESCE(NULLIF(current_setting('eventstore.appended_in_transaction', true), ''), '0')::integer;
  IF v_offset + v_events > ${EVENTS_PER_TRANSACTION} THEN
    RAISE EXCEPTION 'at most ${EVENTS_PER_TRANSACTION} events per transaction';
  END IF;
  v_base := v_base * ${EVENTS_PER_TRANSACTION} + v_offset;
  v_recorded := clock_timestamp();
  v_recorded_text := to_char(v_recorded AT TIME ZONE 'UTC', ${ISO_UTC});

  FOR i IN 1 .. v_appends LOOP
    v_stream := array_position(v_streams, p_stream_ids[i]);
    v_current := v_heads[v_stream];
    v_expected_ok := CASE p_expected[i]
                       WHEN 'any' THEN true
                       WHEN 'no_stream' THEN v_current = -1
                       WHEN 'exists' THEN v_current <> -1
                       ELSE v_current = p_expected[i]::bigint
                     END;
    IF NOT v_expected_ok THEN
      v_careful := true;
      EXIT;
    END IF;
    FOR j IN v_first .. v_first + p_counts[i] - 1 LOOP
      v_current := v_current + 1;
      v_row_streams[j] := p_stream_ids[i];
      v_revisions[j] := v_current;
      v_prevs[j] := v_head_hashes[v_stream];
      v_head_hashes[v_stream] := eventstore_event_hash(p_bodies[j], v_head_hashes[v_stream],
                                                       v_recorded_text, v_current);
      v_hashes[j] := v_head_hashes[v_stream];
    END LOOP;
    v_heads[v_stream] := v_current;
    v_results[i] := v_current;
    v_first := v_first + p_counts[i];
  END LOOP;

  IF NOT v_careful THEN
    BEGIN
      INSERT INTO events (position, transaction_id, stream_id, revision, event_id, type,
                          schema_version, data, metadata, recorded_at, hash, prev_hash)
      SELECT v_base + b.n - 1, v_xid, b.stream_id, b.revision, b.event_id,
             b.body ->> 'type', (b.body ->> 'schemaVersion')::integer, b.body -> 'data',
             b.body -> 'metadata', v_recorded, b.hash, b.prev_hash
        FROM (SELECT u.event_id, u.body::jsonb AS body, u.stream_id, u.revision, u.hash,
                     u.prev_hash, u.n
                FROM unnest(p_event_ids, p_bodies, v_row_streams, v_revisions, v_hashes, v_prevs)
                     WITH ORDINALITY AS u(event_id, body, stream_id, revision, hash, prev_hash, n)
              OFFSET 0) b;
      PERFORM set_config('eventstore.appended_in_transaction', (v_offset + v_events)::text, true);
    EXCEPTION WHEN unique_violation THEN
      v_careful := true; -- a stored or repeated event id: a retry, or a conflict
    END;
  END IF;
  IF v_careful THEN
    RETURN QUERY SELECT * FROM eventstore_append_each(p_stream_ids, p_expected, p_counts,
                                                      p_event_ids, p_bodies);
    RETURN;
  END IF;

  RETURN QUERY
    SELECT 'appended'::text, r.revision, v_base + sum(r.events) OVER (ORDER BY r.n) - 1,
           NULL::text, NULL::text
      FROM unnest(v_results, p_counts) WITH ORDINALITY AS r(revision, events, n)
     ORDER BY r.n;
END
$$;

-- The careful path of eventstore_append_batch: each append by eventstore_append in its own
-- subtransaction (the EXCEPTION block), so one that fails is undone alone and reported in its
-- row, with a stored event id classified as on the single-append path. Only called by
-- eventstore_append_batch, once it holds the batch's stream locks (taken in key order).
CREATE FUNCTION eventstore_append_each(
  p_stream_ids text[],
  p_expected   text[],
  p_counts     integer[],
  p_event_ids  uuid[],
  p_bodies     text[]
)
RETURNS TABLE (outcome text, stream_revision bigint, last_position bigint,
               error_code text, error_message text)
LANGUAGE plpgsql AS $$
DECLARE
  v_first      integer := 1;
  v_last       integer;
  v_ids        uuid[];
  v_constraint text;
  v_message    text;
BEGIN
  FOR i IN 1 .. cardinality(p_stream_ids) LOOP
    v_last := v_first + p_counts[i] - 1;
    v_ids := p_event_ids[v_first:v_last];
    error_code := NULL;
    error_message := NULL;
    BEGIN
      SELECT a.outcome, a.stream_revision, a.last_position
        INTO outcome, stream_revision, last_position
        FROM eventstore_append(p_stream_ids[i], p_expected[i], v_ids, p_bodies[v_first:v_last]) a;
    EXCEPTION
      WHEN unique_violation THEN
        GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME, v_message = MESSAGE_TEXT;
        outcome := 'unknown';
        IF v_constraint = 'events_event_id_key' THEN
          SELECT k.outcome, k.stream_revision, k.last_position
            INTO outcome, stream_revision, last_position
            FROM eventstore_classify_known(p_stream_ids[i], v_ids) k;
        END IF;
        IF outcome = 'unknown' THEN
          outcome := 'error';
          stream_revision := NULL;
          last_position := NULL;
          error_code := '23505';
          error_message := v_message;
        END IF;
      WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS error_code = RETURNED_SQLSTATE, error_message = MESSAGE_TEXT;
        outcome := 'error';
        stream_revision := NULL;
        last_position := NULL;
    END;
    RETURN NEXT;
    v_first := v_last + 1;
  END LOOP;
END
$$;
`,
  },
  {
    version: 3,
    name: 'visibility horizon held back only by transactions that append events',
    sql: `
-- Every append takes this shared lock before its transaction has an id. The lock marks the
-- transaction as one that appends events to this store (one key per schema), so readers know
-- whose id holds the horizon back; no one takes it exclusively, so it never waits.
CREATE FUNCTION eventstore_begin_append() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('eventstore.appending', true) IS DISTINCT FROM 'on' THEN
    IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
      RAISE EXCEPTION 'events must be appended before anything else is written in a transaction'
        USING ERRCODE = '55000';
    END IF;
    PERFORM pg_advisory_xact_lock_shared(${APPENDING_LOCK_CLASS}, hashtext(current_schema()));
    PERFORM set_config('eventstore.appending', 'on', true);
  END IF;
END
$$;

ALTER FUNCTION eventstore_append(text, text, uuid[], text[]) RENAME TO eventstore_append_marked;
ALTER FUNCTION eventstore_append_batch(text[], text[], integer[], uuid[], text[])
  RENAME TO eventstore_append_batch_marked;

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
BEGIN
  PERFORM eventstore_begin_append();
  SELECT a.outcome, a.stream_revision, a.last_position
    INTO outcome, stream_revision, last_position
    FROM eventstore_append_marked(p_stream_id, p_expected, p_event_ids, p_bodies) a;
END
$$;

CREATE FUNCTION eventstore_append_batch(
  p_stream_ids text[],
  p_expected   text[],
  p_counts     integer[],
  p_event_ids  uuid[],
  p_bodies     text[]
)
RETURNS TABLE (outcome text, stream_revision bigint, last_position bigint,
               error_code text, error_message text)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM eventstore_begin_append();
  RETURN QUERY SELECT * FROM eventstore_append_batch_marked(p_stream_ids, p_expected, p_counts,
                                                            p_event_ids, p_bodies);
END
$$;

-- Rows below this position are final (see the top of eventStoreSchema.ts): the oldest id among
-- the running transactions that append to this store, or, when there are none, the first id not
-- yet handed out. Read it in one statement and the events in a later one: only a snapshot taken
-- after this one is sure to see every append that finished before it.
CREATE OR REPLACE FUNCTION eventstore_visible_horizon() RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_snapshot  pg_snapshot := pg_current_snapshot();
  v_next      bigint := pg_snapshot_xmax(v_snapshot)::text::bigint;
  v_epoch     bigint := v_next - (v_next % 4294967296);
  v_oldest    bigint;
  v_unknown   boolean;
BEGIN
  -- Ids in pg_locks are 32 bits: the epoch is the one of v_next, or the one before for an id
  -- handed out before the counter wrapped.
  SELECT min(x.id), bool_or(x.id IS NULL)
    INTO v_oldest, v_unknown
    FROM pg_locks a
    LEFT JOIN LATERAL (SELECT min(CASE WHEN v_epoch + t.transactionid::text::bigint >= v_next
                                       THEN v_epoch + t.transactionid::text::bigint - 4294967296
                                       ELSE v_epoch + t.transactionid::text::bigint END) AS id
                         FROM pg_locks t
                        WHERE t.pid = a.pid AND t.locktype = 'transactionid'
                          AND t.mode = 'ExclusiveLock' AND t.granted) x ON true
   WHERE a.locktype = 'advisory' AND a.granted
     AND a.classid = ${APPENDING_LOCK_CLASS} AND a.objid = hashtext(current_schema())::oid
     AND a.objsubid = 2
     AND a.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database());
  IF v_unknown THEN
    -- An appender between its lock and its id: its id, if it has one yet, is one of the
    -- snapshot's running transactions, so the old rule (the oldest of them) is safe.
    RETURN pg_snapshot_xmin(v_snapshot)::text::bigint * ${EVENTS_PER_TRANSACTION};
  END IF;
  RETURN LEAST(v_next, COALESCE(v_oldest, v_next)) * ${EVENTS_PER_TRANSACTION};
END
$$;
`,
  },
];

/** SQL text of a recorded event row; every read selects exactly these columns. */
export const EVENT_COLUMNS = `e.position, e.stream_id, e.revision, e.event_id, e.type, e.schema_version,
  e.data, e.metadata, to_char(e.recorded_at AT TIME ZONE 'UTC', ${ISO_UTC}) AS recorded_at,
  e.hash, e.prev_hash`;

// The service's own tables. Services share only the event log, never tables, so everything the
// notifications side needs (a minimal case state, the outbox, the directory, the inbox, webhook
// subscriptions and the delivery ledger) lives here, beside its subscriber checkpoint.

import { runMigrations, type Migration, type SqlDatabase } from '@kot/eventstore';

export const NOTIFICATIONS_COMPONENT = 'notifications';

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'notifications: case states, outbox, directory, inbox, webhooks, deliveries',
    sql: `
-- The case folded without personal data: enough for the rules and the deadline timers.
CREATE TABLE notification_case_states (
  case_id          text        PRIMARY KEY,
  stream_revision  bigint      NOT NULL,
  open             boolean     NOT NULL,
  state            jsonb       NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX notification_case_states_open ON notification_case_states (case_id) WHERE open;

-- Kafka consumer mode: the events already applied (the store subscriber uses its checkpoint).
CREATE TABLE notification_consumed_events (
  event_id     text        PRIMARY KEY,
  consumed_at  timestamptz NOT NULL
);

-- The outbox: one row per notification intent; the id is deterministic, so a replay or a second
-- timer run inserts nothing new.
CREATE TABLE notification_intents (
  id                      text        PRIMARY KEY,
  rule                    text        NOT NULL,
  case_id                 text        NOT NULL,
  municipality            text        NOT NULL,
  recipient_organisation  text        NOT NULL,
  recipient_role          text        NOT NULL,
  recipient_person_id     text,
  event_id                text,
  event_type              text,
  about_date              text,
  params                  jsonb       NOT NULL,
  created_at              timestamptz NOT NULL,
  planned_at              timestamptz
);
CREATE INDEX notification_intents_unplanned ON notification_intents (created_at, id) WHERE planned_at IS NULL;

CREATE TABLE notification_recipients (
  organisation  text    NOT NULL,
  role          text    NOT NULL,
  person_id     text    NOT NULL, -- '*': the role's shared address
  display_name  text    NOT NULL,
  email         text,
  language      text    NOT NULL CHECK (language IN ('nl', 'en')),
  channels      text[]  NOT NULL,
  PRIMARY KEY (organisation, role, person_id)
);

CREATE TABLE notification_inbox (
  id            text        PRIMARY KEY, -- the intent id
  organisation  text        NOT NULL,
  role          text        NOT NULL,
  person_id     text        NOT NULL, -- '*': everyone with the role in the organisation
  rule          text        NOT NULL,
  case_id       text        NOT NULL,
  municipality  text        NOT NULL,
  params        jsonb       NOT NULL,
  created_at    timestamptz NOT NULL
);
CREATE INDEX notification_inbox_recipient ON notification_inbox (organisation, role, created_at DESC, id DESC);

-- Read per person: a message to a role stays unread for a colleague who has not seen it.
CREATE TABLE notification_inbox_reads (
  message_id  text        NOT NULL REFERENCES notification_inbox (id),
  person_id   text        NOT NULL,
  read_at     timestamptz NOT NULL,
  PRIMARY KEY (message_id, person_id)
);

CREATE TABLE webhook_subscriptions (
  id              text        PRIMARY KEY,
  organisation    text        NOT NULL,
  callback_url    text        NOT NULL,
  secret          text        NOT NULL,
  event_types     text[]      NOT NULL,
  rules           text[]      NOT NULL,
  municipalities  text[]      NOT NULL,
  case_ids        text[]      NOT NULL,
  created_by      text        NOT NULL,
  created_at      timestamptz NOT NULL,
  active          boolean     NOT NULL
);
CREATE INDEX webhook_subscriptions_organisation ON webhook_subscriptions (organisation) WHERE active;

-- The delivery ledger, idempotent by (intent, channel, address). address is pseudonymous (a
-- directory key or a subscription id); target holds the e-mail address where one is needed.
CREATE TABLE notification_deliveries (
  intent_id        text        NOT NULL REFERENCES notification_intents (id),
  channel          text        NOT NULL CHECK (channel IN ('inbox', 'email', 'webhook')),
  address          text        NOT NULL,
  case_id          text        NOT NULL,
  target           text,
  language         text,
  status           text        NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts         integer     NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  lease_until      timestamptz,
  last_error       text,
  delivered_at     timestamptz,
  dead_at          timestamptz,
  dead_count       integer     NOT NULL DEFAULT 0,
  recorded         boolean     NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL,
  PRIMARY KEY (intent_id, channel, address)
);
CREATE INDEX notification_deliveries_due ON notification_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_deliveries_unrecorded ON notification_deliveries (created_at) WHERE status <> 'pending' AND NOT recorded;
CREATE INDEX notification_deliveries_dead ON notification_deliveries (dead_at DESC) WHERE status = 'dead';
`,
  },
  {
    version: 2,
    name: 'notifications: deadline keys, daily deadline checks, outcome back-off, bus dead letters',
    sql: `
-- A deadline intent's key (part of its id) apart from the calendar date it is about. v1 kept the
-- key in about_date; it moves, and the date of those old rows is unknown.
ALTER TABLE notification_intents ADD COLUMN deadline text;
UPDATE notification_intents SET deadline = about_date, about_date = NULL
 WHERE event_id IS NULL AND about_date IS NOT NULL;

-- The deadline rules depend on the calendar date only: a case is looked at again on this day, or
-- as soon as one of its events arrives. Existing cases are due at once.
ALTER TABLE notification_case_states ADD COLUMN next_check_on date NOT NULL DEFAULT '1970-01-01';
DROP INDEX notification_case_states_open;
CREATE INDEX notification_case_states_due ON notification_case_states (next_check_on, case_id) WHERE open;

-- Putting outcomes on record: a case whose append failed waits (back-off) without holding up others.
ALTER TABLE notification_deliveries ADD COLUMN record_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE notification_deliveries ADD COLUMN record_after timestamptz;

-- Kafka consumer mode: messages that are not a recorded event in a CloudEvent, set aside so the
-- partition goes on; and the consumed-event ids are pruned by age.
CREATE TABLE notification_bus_dead_letters (
  topic        text        NOT NULL,
  partition    integer     NOT NULL,
  "offset"     text        NOT NULL,
  message_key  text        NOT NULL,
  value        text        NOT NULL,
  reason       text        NOT NULL,
  received_at  timestamptz NOT NULL,
  PRIMARY KEY (topic, partition, "offset")
);
CREATE INDEX notification_consumed_events_age ON notification_consumed_events (consumed_at);
`,
  },
  {
    version: 3,
    name: 'notifications: consumed events keyed by stream and event id',
    sql: `
-- Event ids are unique per stream only on KurrentDB: two streams may hold the same id, so a
-- consumed event is known by both. Rows from before keep an empty stream id; a redelivery of such
-- an event is ignored by the fold (its revision is already applied).
ALTER TABLE notification_consumed_events ADD COLUMN stream_id text NOT NULL DEFAULT '';
ALTER TABLE notification_consumed_events DROP CONSTRAINT notification_consumed_events_pkey;
ALTER TABLE notification_consumed_events ADD PRIMARY KEY (stream_id, event_id);
`,
  },
  {
    version: 4,
    name: 'notifications: the trace an intent belongs to',
    sql: `
-- The W3C traceparent of the event that caused the intent, so its delivery continues that trace.
ALTER TABLE notification_intents ADD COLUMN traceparent text;
`,
  },
  {
    version: 5,
    name: 'notifications: room on each page for updated case states',
    sql: `
-- Every case event rewrites its case's state row without changing an indexed column: with room
-- on the page the new version is written without index entries (a HOT update).
ALTER TABLE notification_case_states SET (fillfactor = 80);
`,
  },
];

export const migrateNotifications = (db: SqlDatabase): Promise<void> =>
  runMigrations(db, NOTIFICATIONS_COMPONENT, migrations);
